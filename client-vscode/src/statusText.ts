// The status bar text for the active draft. Pure so it can be tested outside VS Code.

/** The numeric values of vscode.DiagnosticSeverity. */
export const Severity = { Error: 0, Warning: 1, Information: 2, Hint: 3 } as const;

export interface DiagnosticLike {
  severity: number;
  source?: string;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export const SOURCE = 'outreach';

export function countFindings(diagnostics: readonly DiagnosticLike[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    if (d.severity === Severity.Error) counts.errors++;
    else if (d.severity === Severity.Warning) counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What the status bar says when the server is not running: counts would be stale or empty. */
export const SERVER_OFF = {
  text: '$(circle-slash) Outreach off',
  tooltip: 'The Outreach server is not running, so this draft is not being checked. Click to restart it.',
};

/** "$(error) 2 $(warning) 1" while errors or warnings remain, else "$(check) Ready to send". */
export function statusText(c: Counts): { text: string; tooltip: string } {
  if (c.errors === 0 && c.warnings === 0) {
    const notes = c.infos > 0 ? ` (${plural(c.infos, 'suggestion')})` : '';
    return { text: '$(check) Ready to send', tooltip: `Outreach: no errors or warnings in this draft${notes}. Click to open Problems.` };
  }
  const parts: string[] = [];
  if (c.errors > 0) parts.push(`$(error) ${c.errors}`);
  if (c.warnings > 0) parts.push(`$(warning) ${c.warnings}`);
  if (c.infos > 0) parts.push(`$(info) ${c.infos}`);
  const words = [c.errors && plural(c.errors, 'error'), c.warnings && plural(c.warnings, 'warning'), c.infos && plural(c.infos, 'suggestion')]
    .filter(Boolean)
    .join(', ');
  return { text: parts.join(' '), tooltip: `Outreach: ${words} in this draft. Click to open Problems.` };
}
