// The thin client: find .NET, start `outreach lsp`, hand over settings. The client options, the
// commands and the status bar live in their own files. No lint logic here.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { registerCommands } from './commands';
import { DOWNLOAD_URL, missingRuntimeMessage, probeDotnet } from './dotnet';
import { RestartBudget } from './restartPolicy';
import { dotnetCommand, resolveServerLaunch } from './serverCommand';
import { registerStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Outreach');
  const config = vscode.workspace.getConfiguration('outreach');
  const launch = resolveServerLaunch({
    serverPath: config.get<string>('server.path'),
    dotnet: dotnetCommand(config.get<string>('dotnetPath')),
    extensionPath: context.extensionPath,
  });
  const budget = new RestartBudget();
  registerCommands(context, () => client, budget, output);
  const updateStatus = registerStatusBar(context, () => client?.isRunning() ?? false);
  void vscode.commands.executeCommand('setContext', 'outreach.active', true);

  if (launch.usesDotnet) {
    const probe = await probeDotnet(launch.command);
    if (!probe.ok) {
      // One notification, saying what to install and how; the server is not started.
      output.appendLine(missingRuntimeMessage(probe));
      void vscode.window.showErrorMessage(missingRuntimeMessage(probe), 'Download .NET 10', 'Open Settings').then((choice) => {
        if (choice === 'Download .NET 10') void vscode.env.openExternal(vscode.Uri.parse(DOWNLOAD_URL));
        if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'outreach.dotnetPath');
      });
      return;
    }
  }

  if (!fs.existsSync(launch.serverFile)) {
    const message = `Outreach: the language server is missing at ${launch.serverFile}. Reinstall the extension, or fix "outreach.server.path".`;
    output.appendLine(message);
    void vscode.window.showErrorMessage(message);
    return;
  }

  client = createClient(launch, output, budget);
  context.subscriptions.push(client.onDidChangeState(updateStatus));
  await client.start().catch((e: unknown) => output.appendLine(`Could not start ${launch.command} ${launch.args.join(' ')}: ${String(e)}`));
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
