// Finds a .NET runtime that can run the bundled server. Parsing is pure so it can be tested;
// `probeDotnet` runs the real `dotnet --list-runtimes`.
import { execFile } from 'node:child_process';

export const REQUIRED_MAJOR = 10;
export const DOWNLOAD_URL = 'https://dotnet.microsoft.com/download/dotnet/10.0';

export interface Runtime {
  name: string;
  version: string;
  major: number;
}

/** Parses lines such as `Microsoft.NETCore.App 10.0.12 [/usr/share/dotnet/shared/Microsoft.NETCore.App]`. */
export function parseRuntimes(output: string): Runtime[] {
  const runtimes: Runtime[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = /^\s*(\S+)\s+((\d+)\.\d+\.\d+\S*)\s+\[/.exec(line);
    if (m) runtimes.push({ name: m[1], version: m[2], major: Number(m[3]) });
  }
  return runtimes;
}

export function hasRequiredRuntime(runtimes: Runtime[], major = REQUIRED_MAJOR): boolean {
  return runtimes.some((r) => r.name === 'Microsoft.NETCore.App' && r.major === major);
}

export type DotnetProbe =
  | { ok: true; command: string; version: string }
  | { ok: false; command: string; reason: 'not-found' | 'no-runtime'; found: string[] };

export function evaluateRuntimes(command: string, output: string): DotnetProbe {
  const runtimes = parseRuntimes(output);
  const match = runtimes.find((r) => r.name === 'Microsoft.NETCore.App' && r.major === REQUIRED_MAJOR);
  if (match) return { ok: true, command, version: match.version };
  const found = runtimes.filter((r) => r.name === 'Microsoft.NETCore.App').map((r) => r.version);
  return { ok: false, command, reason: 'no-runtime', found };
}

/** Runs `<command> --list-runtimes`; a missing or broken executable counts as not found. */
export function probeDotnet(command: string, timeoutMs = 15000): Promise<DotnetProbe> {
  return new Promise((resolve) => {
    execFile(command, ['--list-runtimes'], { timeout: timeoutMs, windowsHide: true }, (error, stdout) => {
      if (error && !stdout) resolve({ ok: false, command, reason: 'not-found', found: [] });
      else resolve(evaluateRuntimes(command, String(stdout)));
    });
  });
}

/** The one notification shown when .NET 10 is missing: what to install, and how. */
export function missingRuntimeMessage(probe: Extract<DotnetProbe, { ok: false }>): string {
  const where = probe.command === 'dotnet' ? '`dotnet` on PATH' : `"${probe.command}" (outreach.dotnetPath)`;
  const what =
    probe.reason === 'not-found'
      ? `Outreach could not run ${where}.`
      : `Outreach found ${where}, but it has no .NET ${REQUIRED_MAJOR} runtime (found: ${probe.found.join(', ') || 'none'}).`;
  return (
    `${what} Install the .NET ${REQUIRED_MAJOR} Runtime (Microsoft.NETCore.App ${REQUIRED_MAJOR}.x) from the download page ` +
    `or your package manager (e.g. \`apt-get install dotnet-runtime-${REQUIRED_MAJOR}.0\`, \`winget install Microsoft.DotNet.Runtime.${REQUIRED_MAJOR}\`, ` +
    `\`brew install --cask dotnet\`), then reload the window. If it is installed elsewhere, set "outreach.dotnetPath".`
  );
}
