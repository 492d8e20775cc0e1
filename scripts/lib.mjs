// Small helpers shared by the build, package and test scripts. No dependencies beyond Node.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLIENT = path.join(ROOT, 'client-vscode');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const CLI_PROJECT = path.join(ROOT, 'server', 'OutreachLsp.Cli');

export function clientVersion() {
  return JSON.parse(fs.readFileSync(path.join(CLIENT, 'package.json'), 'utf8')).version;
}

export function vsixPath() {
  return path.join(ROOT, 'dist', `outreach-${clientVersion()}.vsix`);
}

/**
 * Extra arguments for every dotnet build/publish: OUTREACH_DOTNET_ARTIFACTS=/tmp/x keeps obj/ and
 * bin/ out of the tree, so that a build here does not collide with another build of the same
 * projects running at the same time.
 */
export function dotnetArtifactsArgs() {
  const dir = process.env.OUTREACH_DOTNET_ARTIFACTS;
  return dir ? ['--artifacts-path', dir] : [];
}

/**
 * Runs a command with its output streamed through (and optionally captured). Resolves with the
 * exit code and the captured text; never rejects for a non-zero exit.
 */
export function run(command, args, options = {}) {
  const { cwd = ROOT, env = process.env, capture = false, quiet = false, timeoutMs } = options;
  return new Promise((resolve) => {
    if (!quiet) console.log(`$ ${[command, ...args].join(' ')}`);
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer;
    if (timeoutMs) timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d) => {
      if (capture) stdout += d;
      if (!quiet) process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      if (capture) stderr += d;
      if (!quiet) process.stderr.write(d);
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: stderr + String(e) });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

export async function mustRun(command, args, options) {
  const r = await run(command, args, options);
  if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.code}`);
  return r;
}

/** npm's executable for child processes (npm.cmd on Windows). */
export const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
export const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/**
 * Builds the CLI (Debug, as `dotnet test` already did, so usually a quick incremental build) and
 * returns how to run it: `dotnet <dll>`. Used by gen:snippets and by the snippets drift test.
 */
export async function buildCli({ quiet = false } = {}) {
  const r = await run('dotnet', ['build', CLI_PROJECT, '-nologo', '-v', 'q', '-getProperty:TargetPath', ...dotnetArtifactsArgs()], { quiet, capture: true });
  const dll = r.stdout.trim().split(/\r?\n/).pop()?.trim() ?? '';
  if (r.code !== 0 || !dll.endsWith('.dll') || !fs.existsSync(dll)) throw new Error(`dotnet build of the CLI failed:\n${r.stdout}${r.stderr}`);
  return { command: 'dotnet', args: [dll] };
}
