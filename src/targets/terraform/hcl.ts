/**
 * Minimal HCL writer: emits blocks and attributes un-aligned, one per line; `format()` (hclwrite) does the layout.
 * An `Expr` is raw HCL (a reference or a function call); any other string is a quoted literal.
 */
export class Expr {
  constructor(readonly text: string) {}
}

export type HclValue = string | number | boolean | Expr | HclValue[] | HclMap;

/** A map attribute (`tags = { "k" = "v" }`); keys are written quoted and sorted. */
export class HclMap {
  constructor(readonly entries: Record<string, HclValue>) {}
}

/** A block body: attributes and nested blocks, written in key order (as the Go kops writes cty objects). */
export type HclBody = Map<string, HclValue | HclBlock | HclBlock[]>;

export class HclBlock {
  constructor(readonly body: HclBody) {}
}

export function quote(s: string): string {
  return JSON.stringify(s).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

export function renderValue(v: HclValue): string {
  if (v instanceof Expr) return v.text;
  if (v instanceof HclMap) {
    const keys = Object.keys(v.entries).sort();
    if (!keys.length) return '{}';
    return `{\n${keys.map((k) => `${quote(k)} = ${renderValue(v.entries[k])}`).join('\n')}\n}`;
  }
  if (Array.isArray(v)) return `[${v.map(renderValue).join(', ')}]`;
  if (typeof v === 'string') return quote(v);
  return String(v);
}

export function renderBody(body: HclBody): string {
  const lines: string[] = [];
  for (const key of [...body.keys()].sort()) {
    const v = body.get(key)!;
    if (v instanceof HclBlock) lines.push(renderBlock(key, [], v.body));
    else if (Array.isArray(v) && v.length > 0 && v.every((b) => b instanceof HclBlock)) {
      for (const b of v as HclBlock[]) lines.push(renderBlock(key, [], b.body));
    } else lines.push(`${key} = ${renderValue(v as HclValue)}`);
  }
  return lines.join('\n');
}

export function renderBlock(type: string, labels: string[], body: HclBody): string {
  const head = [type, ...labels.map(quote)].join(' ');
  const inner = renderBody(body);
  return inner ? `${head} {\n${inner}\n}` : `${head} {\n}`;
}
