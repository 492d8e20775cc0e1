// npm run publish:server: the framework-dependent, ReadyToRun server that the .vsix carries, in
// client-vscode/server/ (ignored by git). The extension runs it as `dotnet outreach.dll lsp`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_PROJECT, CLIENT, dotnetArtifactsArgs, mustRun } from './lib.mjs';

export async function publishServer() {
  const out = path.join(CLIENT, 'server');
  fs.rmSync(out, { recursive: true, force: true });
  // ReadyToRun needs a runtime identifier. The precompiled code is used on linux-x64 and ignored
  // elsewhere (the IL is still in the dll), so the same .vsix works on every platform with .NET 10;
  // UseAppHost=false leaves out the native launcher the extension does not use.
  const rid = process.env.OUTREACH_PUBLISH_RID || 'linux-x64';
  await mustRun('dotnet', [
    'publish', CLI_PROJECT, '-c', 'Release', '-r', rid, '-p:PublishReadyToRun=true', '--self-contained', 'false',
    '-p:UseAppHost=false', '-p:SatelliteResourceLanguages=en', '-o', out, '-nologo', ...dotnetArtifactsArgs(),
  ]);
  if (!fs.existsSync(path.join(out, 'outreach.dll'))) throw new Error(`publish did not produce ${path.join(out, 'outreach.dll')}`);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  publishServer().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
