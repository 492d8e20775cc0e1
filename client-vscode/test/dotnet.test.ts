import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateRuntimes, hasRequiredRuntime, missingRuntimeMessage, parseRuntimes, probeDotnet } from '../src/dotnet';

const LINUX = `Microsoft.AspNetCore.App 10.0.12 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]
Microsoft.NETCore.App 10.0.12 [/usr/share/dotnet/shared/Microsoft.NETCore.App]
`;
const OLD = `Microsoft.NETCore.App 6.0.36 [/usr/lib/dotnet/shared/Microsoft.NETCore.App]\r
Microsoft.NETCore.App 8.0.11 [/usr/lib/dotnet/shared/Microsoft.NETCore.App]\r
Microsoft.WindowsDesktop.App 10.0.0 [C:\\Program Files\\dotnet\\shared\\Microsoft.WindowsDesktop.App]\r
`;

test('runtimes are parsed with name, version and major', () => {
  assert.deepEqual(parseRuntimes(LINUX)[1], { name: 'Microsoft.NETCore.App', version: '10.0.12', major: 10 });
  assert.equal(parseRuntimes(OLD).length, 3);
});

test('a preview version is parsed', () => {
  assert.deepEqual(parseRuntimes('Microsoft.NETCore.App 10.0.0-rc.2.25502.107 [/x]'), [
    { name: 'Microsoft.NETCore.App', version: '10.0.0-rc.2.25502.107', major: 10 },
  ]);
});

test('NETCore.App 10 is required; other frameworks of version 10 do not count', () => {
  assert.equal(hasRequiredRuntime(parseRuntimes(LINUX)), true);
  assert.equal(hasRequiredRuntime(parseRuntimes(OLD)), false);
  assert.equal(hasRequiredRuntime(parseRuntimes('Microsoft.NETCore.App 11.0.1 [/x]')), false);
});

test('a machine with only older runtimes gets a message naming them and what to install', () => {
  const probe = evaluateRuntimes('dotnet', OLD);
  assert.equal(probe.ok, false);
  if (probe.ok) return;
  assert.deepEqual(probe.found, ['6.0.36', '8.0.11']);
  const message = missingRuntimeMessage(probe);
  assert.match(message, /6\.0\.36, 8\.0\.11/);
  assert.match(message, /Install the \.NET 10 Runtime/);
  assert.match(message, /outreach\.dotnetPath/);
});

test('garbage output is no runtime', () => {
  assert.deepEqual(parseRuntimes('command not found\n\n'), []);
  assert.equal(evaluateRuntimes('dotnet', '').ok, false);
});

test('a missing executable is reported as not found', async () => {
  const probe = await probeDotnet('/nonexistent/dotnet-outreach-test');
  assert.equal(probe.ok, false);
  if (!probe.ok) {
    assert.equal(probe.reason, 'not-found');
    assert.match(missingRuntimeMessage(probe), /could not run "\/nonexistent\/dotnet-outreach-test"/);
  }
});
