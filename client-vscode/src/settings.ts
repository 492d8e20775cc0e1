// Turns the user's `outreach.*` settings into what the server receives, both as
// initializationOptions and as the answer to workspace/configuration for section `outreach`.
// Pure (no `vscode` import) so node's test runner can check it.

export const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
export type RuleSeverity = (typeof SEVERITIES)[number];

export const DEFAULT_DEBOUNCE_MS = 150;
export const MAX_DEBOUNCE_MS = 5000;

/** The settings the server understands; the same shape in both places it receives them. */
export interface ServerSettings {
  debounceMs: number;
  rules: Record<string, RuleSeverity>;
}

export interface NormalizedSettings {
  settings: ServerSettings;
  /** Values that were ignored, in words a user understands (shown in the output channel). */
  problems: string[];
}

/** What `workspace.getConfiguration('outreach')` exposes, read loosely because users edit JSON by hand. */
export interface RawSettings {
  debounceMs?: unknown;
  rules?: unknown;
}

export function normalizeSettings(raw: RawSettings | undefined): NormalizedSettings {
  const problems: string[] = [];
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  const d = raw?.debounceMs;
  if (typeof d === 'number' && Number.isFinite(d)) {
    debounceMs = Math.min(MAX_DEBOUNCE_MS, Math.max(0, Math.round(d)));
    if (debounceMs !== d) problems.push(`outreach.debounceMs ${d} is outside 0..${MAX_DEBOUNCE_MS}; using ${debounceMs}.`);
  } else if (d !== undefined && d !== null) {
    problems.push(`outreach.debounceMs must be a number; using ${DEFAULT_DEBOUNCE_MS}.`);
  }

  const rules: Record<string, RuleSeverity> = {};
  const r = raw?.rules;
  if (r !== undefined && r !== null) {
    if (typeof r !== 'object' || Array.isArray(r)) {
      problems.push('outreach.rules must be an object of rule id to off|info|warning|error; ignored.');
    } else {
      for (const [id, value] of Object.entries(r as Record<string, unknown>)) {
        const severity = typeof value === 'string' ? value.trim().toLowerCase() : value;
        if (typeof severity === 'string' && (SEVERITIES as readonly string[]).includes(severity)) {
          rules[id] = severity as RuleSeverity;
        } else {
          problems.push(`outreach.rules["${id}"] = ${JSON.stringify(value)} is not one of ${SEVERITIES.join('|')}; ignored.`);
        }
      }
    }
  }
  return { settings: { debounceMs, rules }, problems };
}

/**
 * initializationOptions for the `initialize` request: the settings object itself, as the server's
 * OutreachSettings record reads it (server/OutreachLsp.Server/Protocol/OutreachCommands.cs).
 */
export function initializationOptions(raw: RawSettings | undefined): ServerSettings {
  return normalizeSettings(raw).settings;
}
