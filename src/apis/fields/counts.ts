/** The counts `npm run api-coverage` prints, from classified leaves. */
import type { ClassifiedLeaf } from './coverage.js';

export interface CoverageCounts {
  examined: number;
  effect: number;
  refused: number;
  notBuilt: number;
  noEffect: number;
  ignored: number;
  /** One line per ignored leaf: the leaf and, when it is pending, who owns it. */
  ignoredLines: string[];
}

export function coverageCounts(leaves: readonly ClassifiedLeaf[]): CoverageCounts {
  const counts: CoverageCounts = { examined: leaves.length, effect: 0, refused: 0, notBuilt: 0, noEffect: 0, ignored: 0, ignoredLines: [] };
  const ignore = (l: ClassifiedLeaf, why: string) => {
    counts.ignored++;
    counts.ignoredLines.push(`${l.kind} ${l.leaf}: ${why}`);
  };
  for (const l of leaves) {
    const is = l.is;
    if (is.class === 'none') ignore(l, 'in no class');
    else if (is.class === 'other-cloud') counts.refused++;
    else if (is.class === 'flag') counts.effect++;
    else if (is.class === 'config-file') ignore(l, `pending (registry): a ${is.struct} config-file field; its config-file fragment is not written yet`);
    else if (is.entry.class === 'effect' || is.entry.class === 'selector') counts.effect++;
    else if (is.entry.class === 'refused') {
      counts.refused++;
      if (is.entry.why === 'not-built') counts.notBuilt++;
    } else if (is.entry.class === 'no-effect') counts.noEffect++;
    else ignore(l, `pending (${is.entry.owner}): ${is.entry.note}`);
  }
  return counts;
}

export function describeCounts(cloud: string, c: CoverageCounts): string {
  return `api fields ${cloud}: ${c.examined} examined, ${c.effect} with effect, ${c.refused} refused, ${c.noEffect} without effect in kops either, ${c.ignored} silently ignored`;
}
