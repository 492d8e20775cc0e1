// A status bar item with the active draft's finding counts ("Ready to send" when clean).
import * as vscode from 'vscode';
import { countFindings, SERVER_OFF, statusText } from './statusText';

/** Returns the update function, to be called when the server starts or stops. */
export function registerStatusBar(context: vscode.ExtensionContext, isRunning: () => boolean): () => void {
  const item = vscode.window.createStatusBarItem('outreach.status', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Outreach';

  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') return item.hide();
    const running = isRunning();
    const { text, tooltip } = running ? statusText(countFindings(vscode.languages.getDiagnostics(doc.uri))) : SERVER_OFF;
    item.text = text;
    item.tooltip = tooltip;
    item.command = running ? 'workbench.actions.view.problems' : 'outreach.restartServer';
    item.show();
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) update();
    }),
  );
  update();
  return update;
}
