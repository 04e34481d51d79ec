const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses a Go duration (`10s`, `1m30s`, `18h0m0s`, `1.5h`) into milliseconds; undefined when malformed. */
export function parseGoDuration(text: string): number | undefined {
  const m = /^([-+]?)(.*)$/.exec(text)!;
  const body = m[2];
  if (body === '0') return 0;
  if (body === '') return undefined;
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  while (pos < body.length) {
    part.lastIndex = pos;
    const p = part.exec(body);
    if (!p) return undefined;
    total += parseFloat(p[1]) * UNIT_MS[p[2]];
    pos = part.lastIndex;
  }
  return m[1] === '-' ? -total : total;
}
