import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gaveUpMessage, RestartBudget } from '../src/restartPolicy';

test('four crashes within three minutes are restarted, the fifth is not', () => {
  let now = 0;
  const budget = new RestartBudget(4, 180_000, () => now);
  const answers = [0, 1, 2, 3, 4].map((i) => ((now = i * 10_000), budget.recordCrash()));
  assert.deepEqual(answers, [true, true, true, true, false]);
  assert.match(gaveUpMessage(budget), /5 times in 3 minutes/);
});

test('crashes older than the window are forgotten', () => {
  let now = 0;
  const budget = new RestartBudget(4, 180_000, () => now);
  for (let i = 0; i < 4; i++) budget.recordCrash();
  now = 180_001;
  assert.equal(budget.recordCrash(), true);
});

test('a manual restart resets the budget', () => {
  const budget = new RestartBudget(1, 180_000, () => 0);
  assert.equal(budget.recordCrash(), true);
  assert.equal(budget.recordCrash(), false);
  budget.reset();
  assert.equal(budget.recordCrash(), true);
});
