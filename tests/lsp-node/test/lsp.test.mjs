// Drives the real `outreach lsp` process the way VS Code's language client does: the same protocol
// library (vscode-languageserver-protocol) and the capabilities VS Code sends. Run after building
// the server: `dotnet build server/OutreachLsp.Cli` (or set OUTREACH_SERVER_DLL to outreach.dll).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import {
  createProtocolConnection, InitializeRequest, InitializedNotification, ShutdownRequest, ExitNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DocumentDiagnosticRequest, HoverRequest,
  CodeActionRequest, CompletionRequest, ExecuteCommandRequest, RegistrationRequest, ConfigurationRequest,
  WorkDoneProgressCreateRequest, DiagnosticRefreshRequest, WorkspaceDiagnosticRequest,
} from 'vscode-languageserver-protocol';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..', '..');
const capabilities = JSON.parse(readFileSync(join(here, 'vscode-capabilities.json'), 'utf8'));

function findServer() {
  const candidates = [
    process.env.OUTREACH_SERVER_DLL,
    join(repo, 'artifacts', 'bin', 'OutreachLsp.Cli', 'debug', 'outreach.dll'),
    join(repo, 'artifacts', 'bin', 'OutreachLsp.Cli', 'release', 'outreach.dll'),
    join(repo, 'server', 'OutreachLsp.Cli', 'bin', 'Debug', 'net10.0', 'outreach.dll'),
    join(repo, 'server', 'OutreachLsp.Cli', 'bin', 'Release', 'net10.0', 'outreach.dll'),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`outreach.dll not found; build server/OutreachLsp.Cli or set OUTREACH_SERVER_DLL. Looked in:\n${candidates.join('\n')}`);
  return found;
}

const draft = (body) => [
  '---', 'to: pd@example.org', 'to_name: Dr. Ana Ruiz', 'program: Pinecrest Internal Medicine', 'nrmp: true',
  'stage: post-interview', 'type: update', 'match_year: 2026', '---', 'Dear Dr. Ruiz,', '', body, '', 'Sincerely,', 'Jane Applicant', '',
].join('\n');

let server, connection, folder, exitCode, stdoutBytes = 0;
const logs = [];
const registrations = [];

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'outreach-node-'));
  writeFileSync(join(folder, '.outreach.yaml'), 'profile:\n  name: Amara Okafor\n  degree: MBBS\n  aamc_id: "12345678"\n');
  writeFileSync(join(folder, 'disk.md'), draft('Where am I on your rank list?'));
  server = spawn('dotnet', [findServer(), 'lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
  server.stdout.on('data', (chunk) => { stdoutBytes += chunk.length; });
  exitCode = new Promise((resolveExit) => server.on('exit', (code) => resolveExit(code)));
  connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  connection.onNotification('window/logMessage', (p) => logs.push(p));
  connection.onNotification('$/progress', () => {});
  connection.onNotification('textDocument/publishDiagnostics', () => {});
  connection.onRequest(RegistrationRequest.type, (p) => { registrations.push(...p.registrations); return null; });
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({ debounceMs: 0 })));
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
  connection.onRequest(DiagnosticRefreshRequest.type, () => null);
  connection.listen();
});

after(() => {
  connection?.dispose();
  if (server && server.exitCode === null) server.kill();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const uri = () => pathToFileURL(join(folder, 'open.md')).href;

test('initialize answers utf-16, server info and pull diagnostics for VS Code', async () => {
  const folderUri = pathToFileURL(folder).href;
  const result = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, clientInfo: { name: 'Visual Studio Code', version: '1.99.0' }, locale: 'en',
    rootPath: folder, rootUri: folderUri, capabilities, trace: 'off',
    workspaceFolders: [{ uri: folderUri, name: 'drafts' }],
  });
  assert.equal(result.capabilities.positionEncoding, 'utf-16');
  assert.equal(result.serverInfo.name, 'outreach');
  assert.equal(result.capabilities.textDocumentSync.change, 2);
  assert.equal(result.capabilities.diagnosticProvider.interFileDependencies, true);
  assert.deepEqual(result.capabilities.executeCommandProvider.commands, ['outreach.newDraft', 'outreach.copyAsEmail', 'outreach.communicationPlan']);
  await connection.sendNotification(InitializedNotification.type, {});
});

test('pulled diagnostics carry rule id, source and documentation link', async () => {
  const text = draft('Thank you 😀 for the tour.\nWhere am I on your rank list?');
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(), languageId: 'markdown', version: 1, text } });
  const report = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uri() } });
  assert.equal(report.kind, 'full');
  const d = report.items.find((i) => i.code === 'rank-inquiry');
  assert.ok(d, JSON.stringify(report.items));
  assert.equal(d.source, 'outreach');
  assert.equal(d.severity, 1);
  assert.match(d.codeDescription.href, /^https?:/);
  assert.equal(d.range.start.line, 12);
  const again = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uri() }, previousResultId: report.resultId });
  assert.equal(again.kind, 'unchanged');
});

test('the disk draft appears in the workspace report after the start-up load', async () => {
  let found;
  for (let i = 0; i < 100 && !found; i++) {
    const report = await connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    found = report.items.find((r) => r.uri.endsWith('/disk.md') && r.items?.some((x) => x.code === 'rank-inquiry'));
    if (!found) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(found);
  assert.ok(registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
});

test('incremental change, hover, code action and completion', async () => {
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: uri(), version: 2 },
    contentChanges: [{ range: { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } }, text: 'Kindly intimate me at the earliest. ' }],
  });
  const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri() }, position: { line: 12, character: 20 } });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /rank-inquiry/);
  const actions = await connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: uri() },
    range: { start: { line: 11, character: 8 }, end: { line: 11, character: 8 } },
    context: { diagnostics: [], triggerKind: 1 },
  });
  const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(fix.edit.documentChanges[0].textDocument.version, 2);
  const completion = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri() }, position: { line: 2, character: 0 } });
  assert.ok(completion.items.some((i) => i.label === 'stage' || i.label === 'type' || i.kind === 10));
});

test('copy as email refuses while an error remains', async () => {
  const result = await connection.sendRequest(ExecuteCommandRequest.type, { command: 'outreach.copyAsEmail', arguments: [{ uri: uri() }] });
  assert.equal(result.ok, false);
  assert.ok(result.findings.some((f) => f.ruleId === 'rank-inquiry' && f.line === 13));
});

test('shutdown then exit ends the process with code 0, and stdout held only protocol', async () => {
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  assert.equal(await exitCode, 0);
  assert.ok(stdoutBytes > 0);
  assert.ok(logs.some((l) => /Outreach language server/.test(l.message)));
});
