// Parsing of the three runners' results for scripts/test-all.mjs. Pure, tested in
// scripts/tests/test-summary.test.mjs.

/** Sums the <Counters> of one or more .trx files (the VSTest results format `dotnet test` writes). */
export function parseTrx(xmlTexts) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const xml of xmlTexts) {
    const m = /<Counters\b([^>]*)\/?>/.exec(xml);
    if (!m) continue;
    const attr = (name) => Number((new RegExp(`\\b${name}="(\\d+)"`).exec(m[1]) ?? [])[1] ?? 0);
    total.passed += attr('passed');
    total.failed += attr('failed') + attr('error') + attr('timeout') + attr('aborted');
    total.skipped += attr('notExecuted');
  }
  return total;
}

/**
 * Reads the closing summary of node's TAP reporter (`# pass 3`, `# fail 0`, ...). Cancelled
 * tests count as failed; todo and skipped tests as skipped.
 */
export function parseTap(text) {
  const get = (name) => {
    const all = [...text.matchAll(new RegExp(`^# ${name} (\\d+)\\s*$`, 'gm'))];
    return all.length ? Number(all[all.length - 1][1]) : 0;
  };
  return { passed: get('pass'), failed: get('fail') + get('cancelled'), skipped: get('skipped') + get('todo') };
}

/** The one closing line: `N passed, N failed`, with `, N skipped` when some were skipped. */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}
