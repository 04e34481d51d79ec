/** Top-level blocks of a formatted Terraform file, keyed by their header line (`resource "aws_vpc" "x" {`). */
export function topLevelBlocks(text: string): Map<string, string> {
  const blocks = new Map<string, string>();
  let header: string | undefined;
  let lines: string[] = [];
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (header === undefined) {
      if (line.trim() && !line.startsWith(' ')) {
        header = line;
        lines = [line];
      }
      continue;
    }
    lines.push(line);
    if (line === '}') {
      blocks.set(header, lines.join('\n'));
      header = undefined;
    }
  }
  return blocks;
}

export interface BlockComparison {
  expected: number;
  matching: number;
  /** Header of the first expected block that is missing or differs, with the first differing line. */
  firstDifference?: string;
  missing: string[];
  extra: string[];
  differing: string[];
}

export function compareBlocks(actual: string, expected: string, filter: (header: string) => boolean = () => true): BlockComparison {
  const a = topLevelBlocks(actual);
  const e = topLevelBlocks(expected);
  const result: BlockComparison = { expected: 0, matching: 0, missing: [], extra: [], differing: [] };
  for (const [header, text] of e) {
    if (!filter(header)) continue;
    result.expected++;
    const got = a.get(header);
    if (got === text) result.matching++;
    else if (got === undefined) result.missing.push(header);
    else result.differing.push(header);
    if (got !== text && !result.firstDifference) result.firstDifference = `${header} ${firstLineDiff(got ?? '', text)}`;
  }
  for (const header of a.keys()) if (!e.has(header) && filter(header)) result.extra.push(header);
  return result;
}

function firstLineDiff(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return `expected ${JSON.stringify(e[i] ?? '<end>')}, got ${JSON.stringify(a[i] ?? '<end>')}`;
  }
  return 'equal';
}
