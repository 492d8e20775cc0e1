// npm run gen:snippets: writes client-vscode/snippets/outreach.code-snippets.json from the Scriban
// templates in snippets/, through the CLI (`outreach snippets --format vscode`), so that the
// editor's snippets and the server's templates cannot drift apart. The drift test runs the same
// generator and compares.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, CLIENT, run } from './lib.mjs';

export const SNIPPETS_FILE = path.join(CLIENT, 'snippets', 'outreach.code-snippets.json');

/** Returns the generated JSON text (normalised: parsed and re-printed with a final newline). */
export async function generateSnippets({ quiet = false } = {}) {
  const cli = await buildCli({ quiet });
  const r = await run(cli.command, [...cli.args, 'snippets', '--format', 'vscode'], { capture: true, quiet: true });
  if (r.code !== 0) throw new Error(`outreach snippets --format vscode exited with ${r.code}:\n${r.stderr || r.stdout}`);
  return `${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  generateSnippets()
    .then((text) => {
      fs.writeFileSync(SNIPPETS_FILE, text);
      console.log(`wrote ${SNIPPETS_FILE} (${Object.keys(JSON.parse(text)).length} snippets)`);
    })
    .catch((e) => {
      console.error(e.message);
      process.exit(1);
    });
}
