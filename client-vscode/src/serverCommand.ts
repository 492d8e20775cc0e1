// Decides how to start the language server. Pure: file checks are passed in.
import * as path from 'node:path';

export interface ServerLaunch {
  command: string;
  args: string[];
  /** True when the command is `dotnet` and so needs the .NET runtime check. */
  usesDotnet: boolean;
  /** The server file the launch depends on, for a clear message when it is missing. */
  serverFile: string;
}

export interface ServerLaunchInput {
  /** The `outreach.server.path` setting (development). */
  serverPath?: string;
  /** The `outreach.dotnetPath` setting, or `dotnet`. */
  dotnet: string;
  extensionPath: string;
}

export const BUNDLED_SERVER = path.join('server', 'outreach.dll');

export function resolveServerLaunch(input: ServerLaunchInput): ServerLaunch {
  const custom = input.serverPath?.trim();
  const serverFile = custom ? path.resolve(input.extensionPath, custom) : path.join(input.extensionPath, BUNDLED_SERVER);
  if (serverFile.toLowerCase().endsWith('.dll')) {
    return { command: input.dotnet, args: [serverFile, 'lsp'], usesDotnet: true, serverFile };
  }
  return { command: serverFile, args: ['lsp'], usesDotnet: false, serverFile };
}

export function dotnetCommand(setting: string | undefined): string {
  return setting?.trim() || 'dotnet';
}
