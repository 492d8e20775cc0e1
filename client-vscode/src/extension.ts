// The thin client: find .NET, start `outreach lsp`, hand over settings; commands, the plan view and
// the status bar live in their own files. No lint logic here.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { DOWNLOAD_URL, missingRuntimeMessage, probeDotnet } from './dotnet';
import { gaveUpMessage, RestartBudget } from './restartPolicy';
import { dotnetCommand, resolveServerLaunch } from './serverCommand';
import { initializationOptions, normalizeSettings, RawSettings } from './settings';
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
  if (launch.usesDotnet) {
    const probe = await probeDotnet(launch.command);
    if (!probe.ok) {
      output.appendLine(missingRuntimeMessage(probe));
      const choice = await vscode.window.showErrorMessage(missingRuntimeMessage(probe), 'Download .NET 10', 'Open Settings');
      if (choice === 'Download .NET 10') void vscode.env.openExternal(vscode.Uri.parse(DOWNLOAD_URL));
      if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'outreach.dotnetPath');
      return;
    }
  }

  const budget = new RestartBudget();
  const serverOptions: ServerOptions = { command: launch.command, args: launch.args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel: output,
    initializationOptions: initializationOptions(readSettings(config)),
    synchronize: { configurationSection: 'outreach' },
    middleware: {
      workspace: {
        // Answers section `outreach` with the validated settings, the same shape as initializationOptions.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) => {
            if (item.section !== 'outreach') return answers[i];
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            const { settings, problems } = normalizeSettings(readSettings(vscode.workspace.getConfiguration('outreach', scope)));
            problems.forEach((p) => output.appendLine(`[settings] ${p}`));
            return settings;
          });
        },
      },
    },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        if (budget.recordCrash()) return { action: CloseAction.Restart, handled: true };
        void vscode.window.showErrorMessage(gaveUpMessage(budget), 'Show Output').then((c) => c && output.show());
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };

  client = new LanguageClient('outreach', 'Outreach', serverOptions, clientOptions);
  // The server advertises outreach.newDraft and outreach.copyAsEmail, which this extension
  // registers itself (with pickers and the clipboard). Without this filter the client's automatic
  // registration of server commands throws "command already exists" and the start fails.
  const feature = client.getFeature(ExecuteCommandRequest.method);
  const register = feature.register.bind(feature);
  feature.register = (data) =>
    register({ ...data, registerOptions: { ...data.registerOptions, commands: (data.registerOptions.commands ?? []).filter((c) => !OWN_COMMANDS.has(c)) } });

  registerCommands(context, () => client, budget, output);
  registerStatusBar(context);
  void vscode.commands.executeCommand('setContext', 'outreach.active', true);
  await client.start().catch((e: unknown) => output.appendLine(`Could not start ${launch.command} ${launch.args.join(' ')}: ${String(e)}`));
}

const OWN_COMMANDS = new Set(['outreach.newDraft', 'outreach.copyAsEmail']);

function readSettings(config: vscode.WorkspaceConfiguration): RawSettings {
  return { debounceMs: config.get('debounceMs'), rules: config.get('rules') };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
