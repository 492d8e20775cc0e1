import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DEBOUNCE_MS, initializationOptions, normalizeSettings } from '../src/settings';

test('no settings give the defaults as initializationOptions', () => {
  assert.deepEqual(initializationOptions(undefined), { debounceMs: DEFAULT_DEBOUNCE_MS, rules: {} });
  assert.deepEqual(initializationOptions({}), { debounceMs: 150, rules: {} });
});

test('debounce and rule overrides are passed through', () => {
  const n = normalizeSettings({ debounceMs: 300, rules: { 'thank-you-timing': 'info', 'ask-rank': 'error' } });
  assert.deepEqual(n.settings, { debounceMs: 300, rules: { 'thank-you-timing': 'info', 'ask-rank': 'error' } });
  assert.deepEqual(n.problems, []);
});

test('severities are case-insensitive and trimmed', () => {
  assert.deepEqual(normalizeSettings({ rules: { a: ' Warning ', b: 'OFF' } }).settings.rules, { a: 'warning', b: 'off' });
});

test('an unknown severity is dropped with a problem naming the rule', () => {
  const n = normalizeSettings({ rules: { 'ask-rank': 'loud', ok: 'info' } });
  assert.deepEqual(n.settings.rules, { ok: 'info' });
  assert.equal(n.problems.length, 1);
  assert.match(n.problems[0], /ask-rank/);
});

test('a debounce outside the range is clamped, a non-number replaced by the default', () => {
  assert.equal(normalizeSettings({ debounceMs: -5 }).settings.debounceMs, 0);
  assert.equal(normalizeSettings({ debounceMs: 999999 }).settings.debounceMs, 5000);
  assert.equal(normalizeSettings({ debounceMs: 12.6 }).settings.debounceMs, 13);
  const n = normalizeSettings({ debounceMs: 'fast' });
  assert.equal(n.settings.debounceMs, 150);
  assert.equal(n.problems.length, 1);
});

test('rules that are not an object are ignored with a problem', () => {
  for (const rules of [['a'], 'a', 3]) {
    const n = normalizeSettings({ rules });
    assert.deepEqual(n.settings.rules, {});
    assert.equal(n.problems.length, 1);
  }
});

test('the settings object is plain JSON (what goes over the wire)', () => {
  const o = initializationOptions({ debounceMs: 10, rules: { x: 'error' } });
  assert.deepEqual(JSON.parse(JSON.stringify(o)), o);
});
