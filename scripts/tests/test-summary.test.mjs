import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTap, parseTrx, summaryLine } from '../test-summary.mjs';

test('trx counters of several projects are added up', () => {
  const a = '<TestRun><ResultSummary outcome="Completed"><Counters total="5" executed="5" passed="4" failed="1" error="0" timeout="0" aborted="0" inconclusive="0" passedButRunAborted="0" notRunnable="0" notExecuted="0" disconnected="0" warning="0" completed="0" inProgress="0" pending="0" /></ResultSummary></TestRun>';
  const b = '<Counters total="3" executed="2" passed="2" failed="0" notExecuted="1" />';
  assert.deepEqual(parseTrx([a, b]), { passed: 6, failed: 1, skipped: 1 });
  assert.deepEqual(parseTrx(['<TestRun/>']), { passed: 0, failed: 0, skipped: 0 });
});

test('the last TAP summary wins; cancelled is failed, todo is skipped', () => {
  const tap = 'ok 1 - a\n# pass 1\n# fail 0\n...\n# tests 5\n# pass 2\n# fail 1\n# cancelled 1\n# skipped 0\n# todo 1\n';
  assert.deepEqual(parseTap(tap), { passed: 2, failed: 2, skipped: 1 });
  assert.deepEqual(parseTap(''), { passed: 0, failed: 0, skipped: 0 });
});

test('the closing line reads N passed, N failed', () => {
  assert.equal(summaryLine({ passed: 10, failed: 0, skipped: 0 }), '10 passed, 0 failed');
  assert.equal(summaryLine({ passed: 10, failed: 2, skipped: 3 }), '10 passed, 2 failed, 3 skipped');
  assert.match(summaryLine({ passed: 1, failed: 0, skipped: 1 }), /^\d+ passed, \d+ failed(, \d+ skipped)?$/);
});
