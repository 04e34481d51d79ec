/** One golden case's outcome. `id` is `<suite>/<case>`, the form used in the ratchet file passing.txt. */
export interface CaseResult {
  id: string;
  outcome: 'match' | 'differ' | 'skipped';
  /** One short line: why it differs, or why it was skipped. */
  reason?: string;
}

export interface SuiteReport {
  cases: CaseResult[];
  /** Extra summary lines printed after the suite line (e.g. mean resource-match share). */
  summary?: string[];
}

export interface Suite {
  name: string;
  run(suiteDir: string): Promise<SuiteReport>;
}

/** The harness's comparison: both sides trimmed, CRLF turned into LF, then exact equality. */
export function goldenEqual(actual: string, expected: string): boolean {
  return normalizeGolden(actual) === normalizeGolden(expected);
}

export function normalizeGolden(text: string): string {
  return text.replace(/\r\n/g, '\n').trim();
}

/** The first line where two texts differ, for a one-line reason. */
export function firstDifference(actual: string, expected: string): string {
  const a = normalizeGolden(actual).split('\n');
  const e = normalizeGolden(expected).split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) {
      return `line ${i + 1}: expected ${JSON.stringify(e[i] ?? '<end>')}, got ${JSON.stringify(a[i] ?? '<end>')}`;
    }
  }
  return 'texts are equal';
}
