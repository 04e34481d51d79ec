/** A TOML document as nested tables; leaves are strings, numbers or booleans. */
export interface TomlTable {
  [key: string]: TomlTable | string | number | boolean;
}

/**
 * TOML the way go-toml writes containerd's config: a table's values (sorted) before its sub-tables (sorted), each
 * table header after a blank line and indented two spaces per level below the first.
 */
export function emitToml(root: TomlTable): string {
  const lines: string[] = [];
  writeTable(root, [], lines);
  return lines.join('\n') + '\n';
}

function writeTable(table: TomlTable, path: string[], lines: string[]): void {
  const keys = Object.keys(table).sort();
  const pad = ' '.repeat(path.length * 2);
  for (const key of keys) {
    const value = table[key];
    if (typeof value !== 'object') lines.push(`${pad}${tomlKey(key)} = ${tomlValue(value)}`);
  }
  for (const key of keys) {
    const value = table[key];
    if (typeof value !== 'object') continue;
    const childPath = [...path, key];
    lines.push('', `${' '.repeat(path.length * 2)}[${childPath.map(tomlKey).join('.')}]`);
    writeTable(value, childPath, lines);
  }
}

function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

function tomlValue(value: string | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Sets `a."b.c".d` (a dotted TOML key path, quoted parts allowed) in the tree, making tables on the way. */
export function setPath(root: TomlTable, dotted: string, value: string | number | boolean): void {
  const parts = [...dotted.matchAll(/"([^"]*)"|([^.]+)/g)].map((m) => m[1] ?? m[2]);
  let table = root;
  for (const part of parts.slice(0, -1)) {
    const next = table[part];
    if (typeof next !== 'object') table[part] = {};
    table = table[part] as TomlTable;
  }
  table[parts[parts.length - 1]] = value;
}
