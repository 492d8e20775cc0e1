// The VS Code snippets are generated from the Scriban templates in snippets/ by the CLI
// (`outreach snippets --format vscode`); this test regenerates them and fails when the committed
// JSON differs. Fix a failure with `npm run gen:snippets` and commit the result.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { generateSnippets, SNIPPETS_FILE } from '../gen-snippets.mjs';

test('the committed VS Code snippets match the templates', async () => {
  const generated = await generateSnippets({ quiet: true });
  const committed = fs.readFileSync(SNIPPETS_FILE, 'utf8');
  assert.equal(committed, generated, 'client-vscode/snippets/outreach.code-snippets.json is stale: run `npm run gen:snippets`');
});

test('the committed snippets are valid snippet JSON for markdown, one per template', () => {
  const snippets = JSON.parse(fs.readFileSync(SNIPPETS_FILE, 'utf8'));
  const templates = fs.readdirSync(new URL('../../snippets/', import.meta.url)).filter((f) => f.endsWith('.scriban') && !f.startsWith('_'));
  const prefixes = Object.values(snippets).map((s) => s.prefix);
  for (const t of templates) assert.ok(prefixes.includes(`outreach-${t.replace(/\.scriban$/, '')}`), `no snippet for ${t}`);
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(typeof s.prefix === 'string' || Array.isArray(s.prefix), `${name}: prefix`);
    assert.ok(typeof s.body === 'string' || Array.isArray(s.body), `${name}: body`);
  }
});
