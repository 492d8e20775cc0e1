import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { dotnetCommand, resolveServerLaunch } from '../src/serverCommand';

const ext = path.resolve('/ext');

test('by default the bundled dll is run with dotnet', () => {
  const l = resolveServerLaunch({ dotnet: 'dotnet', extensionPath: ext });
  assert.deepEqual(l, { command: 'dotnet', args: [path.join(ext, 'server', 'outreach.dll'), 'lsp'], usesDotnet: true, serverFile: path.join(ext, 'server', 'outreach.dll') });
});

test('a custom dll uses the configured dotnet', () => {
  const l = resolveServerLaunch({ serverPath: '/dev/outreach.dll', dotnet: '/opt/dotnet/dotnet', extensionPath: ext });
  assert.equal(l.command, '/opt/dotnet/dotnet');
  assert.deepEqual(l.args, [path.resolve('/dev/outreach.dll'), 'lsp']);
  assert.equal(l.usesDotnet, true);
});

test('a custom executable is run directly without the .NET check', () => {
  const l = resolveServerLaunch({ serverPath: '/dev/outreach', dotnet: 'dotnet', extensionPath: ext });
  assert.deepEqual({ command: l.command, args: l.args, usesDotnet: l.usesDotnet }, { command: path.resolve('/dev/outreach'), args: ['lsp'], usesDotnet: false });
});

test('blank settings fall back to the defaults', () => {
  assert.equal(dotnetCommand(undefined), 'dotnet');
  assert.equal(dotnetCommand('  '), 'dotnet');
  assert.equal(resolveServerLaunch({ serverPath: '   ', dotnet: 'dotnet', extensionPath: ext }).serverFile, path.join(ext, 'server', 'outreach.dll'));
});
