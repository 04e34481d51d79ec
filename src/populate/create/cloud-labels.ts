import { UserError } from '../../errors.js';

/**
 * `--cloud-labels` as the Go kops reads it: `k=v` records separated by commas, each record read as CSV with `=` as
 * the separator (so a value holding `=` or `:` can be double-quoted), leading spaces trimmed, exactly two fields.
 */
export function parseCloudLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const record of text.split(',')) {
    if (!record.trim()) continue;
    const fields = parseCsvRecord(record, '=');
    if (fields.length !== 2) throw new UserError(`--cloud-labels: "${record.trim()}" is not a key=value pair`, 'quote values that contain "=", e.g. dn="cn=x"');
    labels[fields[0]] = fields[1];
  }
  return labels;
}

function parseCsvRecord(record: string, separator: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    while (record[i] === ' ' || record[i] === '\t') i++;
    let field = '';
    if (record[i] === '"') {
      i++;
      for (;;) {
        if (i >= record.length) throw new UserError(`--cloud-labels: unterminated quote in "${record.trim()}"`);
        if (record[i] === '"') {
          if (record[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += record[i++];
      }
      if (i < record.length && record[i] !== separator) throw new UserError(`--cloud-labels: unexpected text after a quoted value in "${record.trim()}"`);
    } else {
      while (i < record.length && record[i] !== separator) {
        if (record[i] === '"') throw new UserError(`--cloud-labels: a quote inside an unquoted value in "${record.trim()}"`);
        field += record[i++];
      }
    }
    fields.push(field);
    if (i >= record.length) return fields;
    i++; // separator
  }
}
