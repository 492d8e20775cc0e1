import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

// Compiled to out/test/, so the extension folder is two levels up.
const EXT = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'package.json'), 'utf8'));
const sources = fs
  .readdirSync(path.join(EXT, 'src'))
  .map((f) => fs.readFileSync(path.join(EXT, 'src', f), 'utf8'))
  .join('\n');

test('every contributed command is registered in code, and the other way round', () => {
  const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
  const registered = [...sources.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
  assert.deepEqual(registered, contributed);
});

test('the four user commands have the titles the README names', () => {
  const titles = Object.fromEntries(manifest.contributes.commands.map((c: { command: string; category: string; title: string }) => [c.command, `${c.category}: ${c.title}`]));
  assert.equal(titles['outreach.newDraft'], 'Outreach: New draft from template');
  assert.equal(titles['outreach.copyAsEmail'], 'Outreach: Copy as email');
  assert.equal(titles['outreach.showPlan'], 'Outreach: Show communication plan');
  assert.equal(titles['outreach.restartServer'], 'Outreach: Restart server');
});

test('settings: the five documented keys with their defaults', () => {
  const props = manifest.contributes.configuration.properties;
  assert.deepEqual(Object.keys(props).sort(), ['outreach.debounceMs', 'outreach.dotnetPath', 'outreach.rules', 'outreach.server.path', 'outreach.trace.server']);
  assert.equal(props['outreach.debounceMs'].default, 150);
  assert.deepEqual(props['outreach.trace.server'].enum, ['off', 'messages', 'verbose']);
  assert.deepEqual(props['outreach.rules'].additionalProperties.enum, ['off', 'info', 'warning', 'error']);
});

test('activation, categories, icon and snippets are what the marketplace needs', () => {
  assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown']);
  assert.deepEqual(manifest.categories, ['Linters', 'Snippets']);
  assert.equal(manifest.engines.vscode, '^1.90.0');
  assert.ok(fs.existsSync(path.join(EXT, manifest.icon)), 'icon missing');
  assert.equal(fs.readFileSync(path.join(EXT, manifest.icon)).readUInt32BE(16), 128, 'icon is not 128 px wide');
  for (const s of manifest.contributes.snippets) {
    assert.equal(s.language, 'markdown');
    assert.ok(fs.existsSync(path.join(EXT, s.path)), `${s.path} missing`);
  }
});

test('vscode-languageclient is pinned to an exact version', () => {
  assert.match(manifest.dependencies['vscode-languageclient'], /^\d+\.\d+\.\d+$/);
});
