import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DRAFT_TYPES, parseCopyResult, parseNewDraftResult, parsePlan, planNodes, refusalMessage } from '../src/protocol';

test('the eight template types are offered', () => {
  assert.deepEqual(
    DRAFT_TYPES.map((t) => t.type),
    ['interest', 'visa-inquiry', 'thank-you', 'update', 'letter-of-intent', 'offer-response', 'offer-accept', 'offer-decline'],
  );
});

test('newDraft answers are read loosely', () => {
  assert.deepEqual(parseNewDraftResult({ uri: 'file:///a.md', extra: 1 }), { uri: 'file:///a.md' });
  assert.equal(parseNewDraftResult(null), undefined);
  assert.equal(parseNewDraftResult({ uri: '' }), undefined);
});

test('copyAsEmail: success and refusal', () => {
  assert.deepEqual(parseCopyResult({ ok: true, text: 'Dear Dr. A', html: '<p>Dear Dr. A</p>' }), { ok: true, text: 'Dear Dr. A', html: '<p>Dear Dr. A</p>' });
  const refused = parseCopyResult({ ok: false, findings: [{ line: 7, message: 'Do not ask how you will be ranked.', ruleId: 'ask-rank' }, 'junk'] });
  assert.deepEqual(refused, { ok: false, findings: [{ line: 7, message: 'Do not ask how you will be ranked.', ruleId: 'ask-rank' }] });
  assert.equal(parseCopyResult({ ok: 'yes' }), undefined);
});

test('the refusal lists the findings, at most three, with lines and rule ids', () => {
  const f = (n: number) => ({ line: n, message: `m${n}`, ruleId: `r${n}` });
  assert.equal(refusalMessage([f(3)]), 'Not copied: fix 1 error first: line 3: m3 (r3).');
  assert.equal(refusalMessage([f(1), f(2), f(3), f(4), f(5)]), 'Not copied: fix 5 errors first: line 1: m1 (r1); line 2: m2 (r2); line 3: m3 (r3); and 2 more.');
  assert.equal(refusalMessage([]), 'Not copied: the draft still has errors.');
  assert.equal(refusalMessage([], 3, 'the draft is not open'), 'Not copied: the draft is not open');
});

test('the plan becomes programs with their drafts sorted by send date', () => {
  const plan = parsePlan({
    programs: [
      {
        program: 'Riverside IM',
        drafts: [
          { uri: 'file:///w/riverside-thanks.md', type: 'thank-you', sendDate: '2026-01-20', interviewDate: '2026-01-18', findings: { error: 0, warning: 1, info: 0 } },
          { uri: 'file:///w/riverside-visa.md', type: 'visa-inquiry', sendDate: '2025-11-02', findings: { error: 2, warning: 0, info: 0 } },
        ],
      },
      { program: 'Atlas FM', drafts: [{ uri: 'file:///w/atlas%20loi.md', type: 'letter-of-intent', findings: {} }] },
    ],
  });
  assert.ok(plan);
  const nodes = planNodes(plan ?? []);
  assert.deepEqual(nodes.map((n) => n.label), ['Atlas FM', 'Riverside IM']);
  assert.equal(nodes[1].description, '2 drafts, 3 to fix');
  assert.deepEqual(nodes[1].children?.map((c) => [c.label, c.icon]), [['visa-inquiry', 'error'], ['thank-you', 'warning']]);
  assert.equal(nodes[1].children?.[1].description, 'send 2026-01-20, interview 2026-01-18 · 1 warning');
  assert.equal(nodes[0].children?.[0].description, 'ready to send');
  assert.match(nodes[0].children?.[0].tooltip ?? '', /^atlas loi\.md/);
});

test('a malformed plan is rejected, missing fields get defaults', () => {
  assert.equal(parsePlan({}), undefined);
  assert.deepEqual(parsePlan({ programs: [{ drafts: [{}] }] }), [
    { program: '(no program)', drafts: [{ uri: '', type: '(no type)', sendDate: undefined, interviewDate: undefined, findings: { error: 0, warning: 0, info: 0 } }] },
  ]);
});
