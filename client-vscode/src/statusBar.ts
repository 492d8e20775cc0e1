// A status bar item with the active draft's finding counts ("Ready to send" when clean).
import * as vscode from 'vscode';
import { countFindings, statusText } from './statusText';

export function registerStatusBar(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('outreach.status', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Outreach';
  item.command = 'workbench.actions.view.problems';

  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') return item.hide();
    const { text, tooltip } = statusText(countFindings(vscode.languages.getDiagnostics(doc.uri)));
    item.text = text;
    item.tooltip = tooltip;
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
}
