// Builds the LanguageClient: document selector, settings in both directions, bounded restarts.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, ExecuteCommandRequest, LanguageClient, LanguageClientOptions } from 'vscode-languageclient/node';
import { gaveUpMessage, RestartBudget } from './restartPolicy';
import { ServerLaunch } from './serverCommand';
import { initializationOptions, normalizeSettings, RawSettings } from './settings';

/** Server commands this extension registers itself, with pickers and the clipboard around them. */
const OWN_COMMANDS = new Set(['outreach.newDraft', 'outreach.copyAsEmail']);

function readSettings(scope?: vscode.Uri): RawSettings {
  const config = vscode.workspace.getConfiguration('outreach', scope);
  return { debounceMs: config.get('debounceMs'), rules: config.get('rules') };
}

export function createClient(launch: ServerLaunch, output: vscode.OutputChannel, budget: RestartBudget): LanguageClient {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel: output,
    initializationOptions: initializationOptions(readSettings()),
    synchronize: { configurationSection: 'outreach' },
    middleware: {
      workspace: {
        // Answers section `outreach` with the validated settings, the same shape as initializationOptions.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) => {
            if (item.section !== 'outreach') return answers[i];
            const { settings, problems } = normalizeSettings(readSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined));
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

  const client = new LanguageClient('outreach', 'Outreach', { command: launch.command, args: launch.args }, clientOptions);
  // The client registers every command the server advertises as a VS Code command; for the two
  // this extension registers itself that would throw "command already exists" and fail the start.
  const feature = client.getFeature(ExecuteCommandRequest.method);
  const register = feature.register.bind(feature);
  feature.register = (data) =>
    register({ ...data, registerOptions: { ...data.registerOptions, commands: (data.registerOptions.commands ?? []).filter((c) => !OWN_COMMANDS.has(c)) } });
  return client;
}
