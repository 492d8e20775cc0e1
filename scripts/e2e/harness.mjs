// Runs real VS Code (code-server) with the packaged extension and drives it with Playwright in
// Debian's chromium. Everything binds to 127.0.0.1; nothing is fetched from any other host.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { run } from '../lib.mjs';

/** User settings for the test profile: no trust prompt, welcome page, AI pane, telemetry or updates. */
export const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'npm.fetchOnlinePackageInfo': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'window.restoreWindows': 'none',
  'files.autoSave': 'off',
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
  'outreach.debounceMs': 50,
};

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A fresh scratch folder with the code-server profile and a copy of the workspace. */
export function makeScratch(workspaceSource) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outreach-e2e-'));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    config: path.join(root, 'code-server.yaml'),
    workspace: path.join(root, path.basename(workspaceSource)),
  };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensions, { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  // An explicit config file: without one code-server writes ~/.config/code-server/config.yaml.
  fs.writeFileSync(dirs.config, 'auth: none\n');
  fs.cpSync(workspaceSource, dirs.workspace, { recursive: true });
  return dirs;
}

/**
 * The code-server process environment. EXTENSIONS_GALLERY={} leaves the gallery unset, so it never
 * asks a marketplace; any other outbound HTTP goes to a closed port on loopback.
 */
function codeServerEnv() {
  const env = { ...process.env, EXTENSIONS_GALLERY: '{}' };
  for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) env[k] = 'http://127.0.0.1:9';
  env.NO_PROXY = env.no_proxy = '127.0.0.1,localhost';
  return env;
}

function commonArgs(p, dirs) {
  return [p.entry, '--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

export async function installExtension(p, dirs, vsix) {
  const r = await run(p.node, [...commonArgs(p, dirs), '--install-extension', vsix, '--force'], { env: codeServerEnv(), capture: true, quiet: true });
  const out = `${r.stdout}${r.stderr}`;
  if (r.code !== 0 || !/successfully installed/i.test(out)) throw new Error(`installing ${vsix} failed (exit ${r.code}):\n${out}`);
  return out.trim();
}

/** Starts code-server on a free port of 127.0.0.1 and resolves when it listens. */
export async function startCodeServer(p, dirs, logFile) {
  const args = [
    ...commonArgs(p, dirs),
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    dirs.workspace,
  ];
  const log = fs.createWriteStream(logFile);
  // Its own process group, so that stopping it also ends the extension host and the language
  // server it started.
  const child = spawn(p.node, args, { env: codeServerEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let text = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60s:\n${text}`)), 60_000);
    const onData = (d) => {
      log.write(d);
      text += d;
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}:\n${text}`));
    });
  });
  child.stdout.on('data', (d) => log.write(d));
  child.stderr.on('data', (d) => log.write(d));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
    log.end();
  };
  return { port, url: `http://127.0.0.1:${port}/`, stop, pid: child.pid };
}

/**
 * Launches Debian's chromium and opens the workbench. Every request to a host other than
 * 127.0.0.1 is aborted and recorded, so the test cannot reach the network by accident.
 */
export async function openWorkbench(chromiumPath, server, folder, { width = 1400, height = 900 } = {}) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const consoleErrors = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    // Generous timeouts: the first load compiles a lot of JavaScript, slow on a busy 2-core machine.
    await page.goto(`${server.url}?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    // The explorer lists the folder once the remote file system is connected.
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
    return { browser, context, page, blocked, consoleErrors };
  } catch (e) {
    // Close the browser here: nobody else holds it, and a live chromium keeps node from exiting.
    await browser.close().catch(() => undefined);
    throw e;
  }
}

// ---- workbench actions, as a person would do them ----------------------------------------

const MOD = 'Control';

/** Runs a command through the command palette (F1), by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/**
 * Opens a file by clicking it in the Explorer, as a person would. (Quick Open depends on the file
 * search service, which was seen to stay busy for a long time right after start-up.)
 */
export async function openFile(page, name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 20_000 });
  await row.click();
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor();
}

/** The visible text of the active editor (Monaco renders the lines in view). */
export async function editorText(page) {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
}

export async function shot(page, dir, name) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
