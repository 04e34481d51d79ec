/** The flag table (component-flags.tsv): which component config fields become flags, and how. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FlagRow {
  struct: string;
  json: string;
  flag: string;
  goType: string;
  options: string;
}

export function readFlagTable(sharedDir: string): FlagRow[] {
  const lines = readFileSync(join(sharedDir, 'kops-reference/component-flags.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [struct, json, flag, goType, options = ''] = line.split('\t');
    return { struct, json, flag, goType, options };
  });
}

/** The flag a row names, without its options (`service-account-key-file,repeat` -> `service-account-key-file`). */
export function flagName(row: FlagRow): string {
  return row.flag.split(',')[0];
}
