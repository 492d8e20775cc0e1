// npm run package: publish the server, bundle the client, and write dist/outreach-<version>.vsix
// with @vscode/vsce. --skip-server reuses client-vscode/server from an earlier publish.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLIENT, mustRun, NPM, NPX, ROOT, vsixPath } from './lib.mjs';
import { publishServer } from './publish-server.mjs';

export async function packageExtension({ skipServer = false } = {}) {
  if (!skipServer) await publishServer();
  if (!fs.existsSync(path.join(CLIENT, 'server', 'outreach.dll'))) throw new Error('client-vscode/server/outreach.dll is missing: run npm run publish:server');
  await mustRun(NPM, ['run', 'bundle', '-w', 'client-vscode']);
  const out = vsixPath();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // --no-dependencies: esbuild has bundled them. --no-rewrite-relative-links: the README's
  // screenshots stay relative, which VS Code resolves inside the installed extension.
  await mustRun(
    NPX,
    ['--no-install', 'vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--skip-license', '-o', out],
    { cwd: CLIENT },
  );
  console.log(`wrote ${path.relative(ROOT, out)}`);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  packageExtension({ skipServer: process.argv.includes('--skip-server') }).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
