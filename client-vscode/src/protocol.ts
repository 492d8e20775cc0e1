// The shapes of the server's workspace/executeCommand results, checked loosely (the server is a
// separate program and may be older or newer), and the text the commands show. Pure.

export const DRAFT_TYPES: ReadonlyArray<{ type: string; label: string; detail: string }> = [
  { type: 'interest', label: 'Interest', detail: 'Introduce yourself and ask a question the website does not answer' },
  { type: 'visa-inquiry', label: 'Visa inquiry', detail: 'Ask whether the program sponsors J-1 or H-1B, before the interview' },
  { type: 'thank-you', label: 'Thank-you', detail: 'Thank an interviewer within a few days of the interview' },
  { type: 'update', label: 'Update', detail: 'Share news since the interview (a publication, Step 3, a rotation)' },
  { type: 'letter-of-intent', label: 'Letter of intent', detail: 'Tell ONE program it is your first choice, within NRMP rules' },
  { type: 'offer-response', label: 'Offer response', detail: 'Reply to an offer outside the Match, asking for time' },
  { type: 'offer-accept', label: 'Offer accept', detail: 'Accept an offer outside the Match (pre-Match or SOAP)' },
  { type: 'offer-decline', label: 'Offer decline', detail: 'Decline an offer outside the Match, politely' },
];

/** The client commands that call a server command of the same id (see extension.ts). */
export const SERVER_COMMANDS = { newDraft: 'outreach.newDraft', copyAsEmail: 'outreach.copyAsEmail', plan: 'outreach.communicationPlan' } as const;

export interface NewDraftArgs {
  type: string;
  program: string;
  to?: string;
  folderUri?: string;
}

export interface Finding {
  line: number;
  message: string;
  ruleId: string;
}

export type CopyResult = { ok: true; text: string; html: string } | { ok: false; findings: Finding[]; message?: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseNewDraftResult(v: unknown): { uri: string } | undefined {
  return isObject(v) && typeof v.uri === 'string' && v.uri ? { uri: v.uri } : undefined;
}

export function parseCopyResult(v: unknown): CopyResult | undefined {
  if (!isObject(v)) return undefined;
  if (v.ok === true && typeof v.text === 'string') return { ok: true, text: v.text, html: typeof v.html === 'string' ? v.html : '' };
  if (v.ok === false) {
    const findings = Array.isArray(v.findings) ? v.findings.filter(isObject) : [];
    return {
      ok: false,
      ...(typeof v.message === 'string' && v.message ? { message: v.message } : {}),
      findings: findings.map((f) => ({
        line: typeof f.line === 'number' ? f.line : 0,
        message: typeof f.message === 'string' ? f.message : '',
        ruleId: typeof f.ruleId === 'string' ? f.ruleId : '',
      })),
    };
  }
  return undefined;
}

/**
 * The refusal shown when errors remain. `line` is shown as given: the server sends 1-based lines
 * for people (LSP positions are 0-based, but these are for reading).
 */
export function refusalMessage(findings: readonly Finding[], max = 3, serverMessage?: string): string {
  const n = findings.length;
  const head = `Not copied: fix ${n} error${n === 1 ? '' : 's'} first`;
  if (n === 0) return serverMessage ? `Not copied: ${serverMessage}` : 'Not copied: the draft still has errors.';
  const shown = findings.slice(0, max).map((f) => `line ${f.line}: ${f.message}${f.ruleId ? ` (${f.ruleId})` : ''}`);
  const more = n > max ? `; and ${n - max} more` : '';
  return `${head}: ${shown.join('; ')}${more}.`;
}

// ---- communication plan --------------------------------------------------------------------

export interface PlanDraft {
  uri: string;
  type: string;
  sendDate?: string;
  interviewDate?: string;
  findings: { error: number; warning: number; info: number };
}

export interface PlanProgram {
  program: string;
  drafts: PlanDraft[];
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

export function parsePlan(v: unknown): PlanProgram[] | undefined {
  if (!isObject(v) || !Array.isArray(v.programs)) return undefined;
  return v.programs.filter(isObject).map((p) => ({
    program: str(p.program) ?? '(no program)',
    drafts: (Array.isArray(p.drafts) ? p.drafts : []).filter(isObject).map((d) => {
      const f = isObject(d.findings) ? d.findings : {};
      return {
        uri: str(d.uri) ?? '',
        type: str(d.type) ?? '(no type)',
        sendDate: str(d.sendDate),
        interviewDate: str(d.interviewDate),
        findings: { error: num(f.error), warning: num(f.warning), info: num(f.info) },
      };
    }),
  }));
}

/** A node of the plan tree, independent of the VS Code tree API. */
export interface PlanNode {
  label: string;
  description: string;
  tooltip: string;
  icon: 'organization' | 'error' | 'warning' | 'info' | 'pass';
  uri?: string;
  children?: PlanNode[];
}

function basename(uri: string): string {
  const last = uri.split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export function findingsSummary(f: PlanDraft['findings']): string {
  const parts = [f.error && `${f.error} error${f.error === 1 ? '' : 's'}`, f.warning && `${f.warning} warning${f.warning === 1 ? '' : 's'}`, f.info && `${f.info} info`];
  const text = parts.filter(Boolean).join(', ');
  return text || 'ready to send';
}

export function planNodes(programs: readonly PlanProgram[]): PlanNode[] {
  return [...programs]
    .sort((a, b) => a.program.localeCompare(b.program))
    .map((p) => {
      const drafts = [...p.drafts].sort((a, b) => (a.sendDate ?? '9999').localeCompare(b.sendDate ?? '9999') || a.uri.localeCompare(b.uri));
      const open = drafts.reduce((n, d) => n + d.findings.error + d.findings.warning, 0);
      return {
        label: p.program,
        description: `${drafts.length} draft${drafts.length === 1 ? '' : 's'}${open ? `, ${open} to fix` : ''}`,
        tooltip: `${p.program}: ${drafts.map((d) => d.type).join(', ') || 'no drafts'}`,
        icon: 'organization' as const,
        children: drafts.map((d) => {
          const dates = [d.sendDate && `send ${d.sendDate}`, d.interviewDate && `interview ${d.interviewDate}`].filter(Boolean).join(', ');
          const icon = d.findings.error ? 'error' : d.findings.warning ? 'warning' : d.findings.info ? 'info' : 'pass';
          return {
            label: `${d.type}`,
            description: [dates, findingsSummary(d.findings)].filter(Boolean).join(' · '),
            tooltip: `${basename(d.uri)}\n${dates || 'no dates'}\n${findingsSummary(d.findings)}`,
            icon,
            uri: d.uri || undefined,
          } satisfies PlanNode;
        }),
      };
    });
}
