/**
 * The Go kops conversion tests (HARNESS §3), v1alpha2 targets only: every `v1alpha2.yaml` and `legacy-v1alpha2.yaml`
 * of a case folder is decoded and re-encoded, and must give exactly the folder's `v1alpha2.yaml`.
 * v1alpha3 is not supported yet, so pairs from or to v1alpha3 are not counted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDocuments, encodeObject } from '../../../src/apis/codec.js';
import { firstDifference, goldenEqual, type CaseResult, type Suite } from '../suite.js';
import { caseDirs } from './cases.js';

const SOURCES = ['legacy-v1alpha2.yaml', 'v1alpha2.yaml'];

/** Decodes the sections of a file split as the Go test splits them, and re-encodes them joined as it joins them. */
export function convertToV1alpha2(text: string, source: string): string {
  const sections = text.replace(/\r\n/g, '\n').split('\n---\n');
  const objects = sections.flatMap((section) => decodeDocuments(section, source));
  return objects.map((o) => encodeObject(o)).join('\n---\n\n');
}

function runCase(caseDir: string, name: string): CaseResult {
  const id = `conversion/${name}`;
  const expectedFile = join(caseDir, 'v1alpha2.yaml');
  if (!existsSync(expectedFile)) return { id, outcome: 'skipped', reason: 'only v1alpha3 pairs (not supported yet)' };
  const expected = readFileSync(expectedFile, 'utf8').replace(/\r/g, '');
  for (const from of SOURCES.filter((f) => existsSync(join(caseDir, f)))) {
    let actual: string;
    try {
      actual = convertToV1alpha2(readFileSync(join(caseDir, from), 'utf8'), from).replace(/\r/g, '');
    } catch (err) {
      return { id, outcome: 'differ', reason: `${from}: ${(err as Error).message}` };
    }
    if (!goldenEqual(actual, expected)) return { id, outcome: 'differ', reason: `${from}: ${firstDifference(actual, expected)}` };
  }
  return { id, outcome: 'match' };
}

export const conversionSuite: Suite = {
  name: 'conversion',
  async run(suiteDir) {
    return { cases: caseDirs(suiteDir).map((c) => runCase(join(suiteDir, c), c)) };
  },
};
