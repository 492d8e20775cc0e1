// The extension's commands. Each one that needs the server calls workspace/executeCommand and
// shows the answer; the work itself (rendering templates, checking, planning) is the server's.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient } from 'vscode-languageclient/node';
import { PlanView } from './planView';
import { DRAFT_TYPES, NewDraftArgs, parseCopyResult, parseNewDraftResult, parsePlan, refusalMessage, SERVER_COMMANDS } from './protocol';
import { RestartBudget } from './restartPolicy';

type ClientRef = () => LanguageClient | undefined;

async function execute(client: ClientRef, command: string, args: unknown[]): Promise<unknown> {
  const c = client();
  if (!c || !c.isRunning()) throw new Error('the Outreach server is not running (see the "Outreach" output)');
  return c.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
}

function reportFailure(what: string, e: unknown, output: vscode.OutputChannel): void {
  const message = e instanceof Error ? e.message : String(e);
  output.appendLine(`${what} failed: ${message}`);
  void vscode.window.showErrorMessage(`Outreach: ${what} failed: ${message}`);
}

export function registerCommands(context: vscode.ExtensionContext, client: ClientRef, budget: RestartBudget, output: vscode.OutputChannel): void {
  const plan = new PlanView(context, async () => parsePlan(await execute(client, SERVER_COMMANDS.plan, [])) ?? []);

  const newDraft = async (): Promise<void> => {
    const picked = await vscode.window.showQuickPick(
      DRAFT_TYPES.map((t) => ({ label: t.label, description: t.type, detail: t.detail, type: t.type })),
      { title: 'Outreach: New draft from template', placeHolder: 'What kind of email?', matchOnDescription: true, matchOnDetail: true },
    );
    if (!picked) return;
    const program = await vscode.window.showInputBox({
      title: `New ${picked.label.toLowerCase()} draft`,
      prompt: 'Program name, as the program writes it',
      placeHolder: 'e.g. Riverside Internal Medicine Residency',
      validateInput: (v) => (v.trim() ? undefined : 'Enter the program name'),
    });
    if (!program) return;
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
    const args: NewDraftArgs = { type: picked.type, program: program.trim(), ...(folder ? { folderUri: folder.uri.toString() } : {}) };
    try {
      const result = parseNewDraftResult(await execute(client, SERVER_COMMANDS.newDraft, [args]));
      if (!result) throw new Error('the server did not say which file it created');
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(result.uri));
      // The server's edit creates the file and inserts the text; save it so the draft is on disk
      // (and in the plan) as the command promises.
      if (editor.document.isDirty) await editor.document.save();
    } catch (e) {
      reportFailure('New draft', e, output);
    }
  };

  const copyAsEmail = async (uri?: vscode.Uri): Promise<void> => {
    const doc = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!doc) return void vscode.window.showWarningMessage('Outreach: open a draft to copy.');
    try {
      const result = parseCopyResult(await execute(client, SERVER_COMMANDS.copyAsEmail, [{ uri: doc.toString() }]));
      if (!result) throw new Error('unexpected answer from the server');
      if (result.ok) {
        await vscode.env.clipboard.writeText(result.text);
        void vscode.window.showInformationMessage('Outreach: copied the email body (plain text, without front matter) to the clipboard.');
      } else {
        const choice = await vscode.window.showErrorMessage(refusalMessage(result.findings, 3, result.message), 'Show Problems');
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      }
    } catch (e) {
      reportFailure('Copy as email', e, output);
    }
  };

  const restart = async (): Promise<void> => {
    budget.reset();
    const c = client();
    if (!c) return void vscode.window.showWarningMessage('Outreach: the server was not started (see the "Outreach" output); reload the window after installing .NET 10.');
    await c.restart();
    void plan.refresh();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('outreach.newDraft', newDraft),
    vscode.commands.registerCommand('outreach.copyAsEmail', copyAsEmail),
    vscode.commands.registerCommand('outreach.showPlan', () => plan.show()),
    vscode.commands.registerCommand('outreach.refreshPlan', () => plan.refresh()),
    vscode.commands.registerCommand('outreach.restartServer', restart),
  );
}
