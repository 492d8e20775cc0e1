// npm test: the .NET tests, then the node tests, then the end-to-end test in code-server. Streams
// their output and ends with exactly one line `N passed, N failed` (`, N skipped` when some were)
// totalling all three; exits non-zero when anything failed.
//
// The e2e test skips (with a message saying why) when it cannot run here: not linux-x64, or its
// prerequisites cannot be installed. Outside CI a skip is only reported; with CI=true every
// skipped e2e step counts as failed, so that CI never passes without having run it.
//
//   node scripts/test-all.mjs [--only dotnet,node,e2e] [--skip-e2e]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS, buildCli, CLIENT, dotnetArtifactsArgs, NPM, ROOT, run } from './lib.mjs';
import { parseTap, parseTrx, summaryLine } from './test-summary.mjs';

const argv = process.argv.slice(2);
const onlyIndex = argv.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(argv[onlyIndex + 1].split(',')) : new Set(['dotnet', 'node', 'e2e']);
if (argv.includes('--skip-e2e')) only.delete('e2e');
const CI = process.env.CI === 'true';

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function add(stage, counts, note = '') {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  lines.push(`  ${stage.padEnd(7)} passed ${counts.passed} · failed ${counts.failed} · skipped ${counts.skipped}${note ? `  (${note})` : ''}`);
}

function banner(text) {
  console.log(`\n==== ${text} ${'='.repeat(Math.max(0, 70 - text.length))}`);
}

async function dotnetStage() {
  banner('dotnet test OutreachLsp.sln');
  const results = path.join(ARTIFACTS, 'dotnet');
  fs.rmSync(results, { recursive: true, force: true });
  const r = await run('dotnet', ['test', path.join(ROOT, 'OutreachLsp.sln'), '--logger', 'trx', '--results-directory', results, '-nologo', ...dotnetArtifactsArgs()]);
  const trx = fs.existsSync(results) ? fs.readdirSync(results).filter((f) => f.endsWith('.trx')).map((f) => fs.readFileSync(path.join(results, f), 'utf8')) : [];
  const counts = parseTrx(trx);
  // A build error leaves no results: count it as one failure so it cannot pass unnoticed.
  if (r.code !== 0 && counts.failed === 0) counts.failed = 1;
  add('dotnet', counts, r.code !== 0 && trx.length === 0 ? 'build failed' : '');
}

async function nodeTests(stage, files, tapFile, extraEnv = {}) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const tap = path.join(ARTIFACTS, tapFile);
  fs.rmSync(tap, { force: true });
  const r = await run(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files], {
    env: { ...process.env, ...extraEnv },
  });
  const counts = fs.existsSync(tap) ? parseTap(fs.readFileSync(tap, 'utf8')) : { passed: 0, failed: 0, skipped: 0 };
  if (r.code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

/** *.test.mjs and *.test.js files under `dir`, skipping build output and dependencies. */
function findTests(dir) {
  if (!fs.existsSync(dir)) return [];
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!['bin', 'obj', 'node_modules', 'TestResults'].includes(entry.name)) found.push(...findTests(path.join(dir, entry.name)));
    } else if (/\.test\.(mjs|js)$/.test(entry.name)) {
      found.push(path.join(dir, entry.name));
    }
  }
  return found.sort();
}

async function nodeStage() {
  banner('node tests');
  const compile = await run(NPM, ['run', 'compile', '-w', 'client-vscode']);
  if (compile.code !== 0) return add('node', { passed: 0, failed: 1, skipped: 0 }, 'TypeScript did not compile');
  const clientTests = fs.readdirSync(path.join(CLIENT, 'out', 'test')).filter((f) => f.endsWith('.test.js')).map((f) => path.join(CLIENT, 'out', 'test', f));
  const scriptTests = fs.readdirSync(path.join(ROOT, 'scripts', 'tests')).filter((f) => f.endsWith('.test.mjs')).map((f) => path.join(ROOT, 'scripts', 'tests', f));
  // Node tests others add under tests/ (e.g. a protocol test of the server) run here too.
  const repoTests = findTests(path.join(ROOT, 'tests'));
  // They find the server through OUTREACH_SERVER_DLL: the CLI as built for the .NET tests.
  const env = {};
  if (!process.env.OUTREACH_SERVER_DLL) {
    const cli = await buildCli({ quiet: true }).catch(() => undefined);
    if (cli) env.OUTREACH_SERVER_DLL = cli.args[0];
  }
  add('node', await nodeTests('node', [...clientTests, ...scriptTests, ...repoTests], 'node.tap', env));
}

async function e2eStage() {
  banner('end-to-end test in code-server');
  const counts = await nodeTests('e2e', [path.join(ROOT, 'scripts', 'e2e', 'e2e.test.mjs')], 'e2e.tap');
  if (CI && counts.skipped > 0) {
    console.log(`[e2e] CI=true: ${counts.skipped} skipped e2e step(s) count as failed (the e2e test must run in CI).`);
    add('e2e', { passed: counts.passed, failed: counts.failed + counts.skipped, skipped: 0 }, 'skipped steps counted as failed in CI');
  } else {
    add('e2e', counts, counts.skipped ? 'skipped: see the [e2e] message above' : '');
  }
}

const started = Date.now();
if (only.has('dotnet')) await dotnetStage();
if (only.has('node')) await nodeStage();
if (only.has('e2e')) await e2eStage();

banner(`summary (${((Date.now() - started) / 1000).toFixed(0)}s)`);
for (const l of lines) console.log(l);
console.log(summaryLine(totals));
process.exitCode = totals.failed > 0 ? 1 : 0;
