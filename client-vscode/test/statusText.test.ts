import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countFindings, SERVER_OFF, Severity, statusText } from '../src/statusText';

test('only diagnostics from source outreach are counted', () => {
  const counts = countFindings([
    { severity: Severity.Error, source: 'outreach' },
    { severity: Severity.Error, source: 'outreach' },
    { severity: Severity.Warning, source: 'outreach' },
    { severity: Severity.Information, source: 'outreach' },
    { severity: Severity.Hint, source: 'outreach' },
    { severity: Severity.Error, source: 'markdownlint' },
    { severity: Severity.Error },
  ]);
  assert.deepEqual(counts, { errors: 2, warnings: 1, infos: 2 });
});

test('errors and warnings are shown with icons', () => {
  assert.equal(statusText({ errors: 2, warnings: 1, infos: 0 }).text, '$(error) 2 $(warning) 1');
  assert.equal(statusText({ errors: 0, warnings: 3, infos: 1 }).text, '$(warning) 3 $(info) 1');
  assert.match(statusText({ errors: 1, warnings: 0, infos: 0 }).tooltip, /1 error in this draft/);
});

test('a clean draft reads Ready to send', () => {
  assert.equal(statusText({ errors: 0, warnings: 0, infos: 0 }).text, '$(check) Ready to send');
});

test('suggestions alone still read Ready to send and are named in the tooltip', () => {
  const s = statusText({ errors: 0, warnings: 0, infos: 2 });
  assert.equal(s.text, '$(check) Ready to send');
  assert.match(s.tooltip, /2 suggestions/);
});

test('a stopped server is shown as off, never as Ready to send', () => {
  assert.doesNotMatch(SERVER_OFF.text, /Ready/);
  assert.match(SERVER_OFF.tooltip, /not running/);
});
