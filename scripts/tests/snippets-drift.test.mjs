// The VS Code snippets are generated from the Scriban templates in snippets/ by the CLI; this test
// regenerates them and fails when the committed JSON differs. Fix a failure with
// `npm run gen:snippets` and commit the result.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { cliHasSnippetsCommand, generateSnippets, SNIPPETS_FILE } from '../gen-snippets.mjs';

// TODO(snippets command): `outreach snippets --format vscode` is being added to the CLI by another
// engineer. Until `outreach --help` lists it, this test is reported as a todo instead of failing.
// Once it exists, delete this guard so that a missing command fails the build.
const hasCommand = await cliHasSnippetsCommand().catch(() => false);

test('the committed VS Code snippets match the templates', { todo: hasCommand ? false : 'waiting for `outreach snippets --format vscode` in the CLI' }, async () => {
  if (!hasCommand) return;
  const generated = await generateSnippets({ quiet: true });
  const committed = fs.readFileSync(SNIPPETS_FILE, 'utf8');
  assert.equal(committed, generated, 'client-vscode/snippets/outreach.code-snippets.json is stale: run `npm run gen:snippets`');
});

test('the committed snippets are valid snippet JSON for markdown', () => {
  const snippets = JSON.parse(fs.readFileSync(SNIPPETS_FILE, 'utf8'));
  assert.equal(typeof snippets, 'object');
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(typeof s.prefix === 'string' || Array.isArray(s.prefix), `${name}: prefix`);
    assert.ok(typeof s.body === 'string' || Array.isArray(s.body), `${name}: body`);
  }
});
