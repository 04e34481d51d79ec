/** Go time.Duration text (metav1.Duration fields): parsed as time.ParseDuration does, printed as Duration.String(). */

const NS_PER_UNIT: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** Nanoseconds, or undefined when `s` is not a Go duration ("5m", "1h30m", "1.5s", "0"). */
export function parseGoDuration(s: string): bigint | undefined {
  const m = /^([-+]?)(.*)$/.exec(s)!;
  const body = m[2];
  if (body === '0') return 0n;
  if (body === '') return undefined;
  let total = 0n;
  const part = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]+)/;
  let rest = body;
  while (rest) {
    const p = part.exec(rest);
    if (!p || (p[1] === '' && !p[2])) return undefined;
    const unit = NS_PER_UNIT[p[3]];
    if (unit === undefined) return undefined;
    const fraction = p[2] ?? '';
    total += BigInt(p[1] || '0') * unit;
    if (fraction) total += (BigInt(fraction) * unit) / 10n ** BigInt(fraction.length);
    rest = rest.slice(p[0].length);
  }
  return m[1] === '-' ? -total : total;
}

/** Duration.String(): "1h2m3s", "10m0s", "1.5s", "250ms", "0s". */
export function formatGoDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const sign = ns < 0n ? '-' : '';
  let u = ns < 0n ? -ns : ns;
  if (u < NS_PER_UNIT.s) {
    if (u < NS_PER_UNIT.us) return `${sign}${u}ns`;
    if (u < NS_PER_UNIT.ms) return `${sign}${decimal(u, NS_PER_UNIT.us)}µs`;
    return `${sign}${decimal(u, NS_PER_UNIT.ms)}ms`;
  }
  const hours = u / NS_PER_UNIT.h;
  u %= NS_PER_UNIT.h;
  const minutes = u / NS_PER_UNIT.m;
  u %= NS_PER_UNIT.m;
  let out = '';
  if (hours > 0n) out += `${hours}h`;
  if (hours > 0n || minutes > 0n) out += `${minutes}m`;
  return `${sign}${out}${decimal(u, NS_PER_UNIT.s)}s`;
}

function decimal(value: bigint, unit: bigint): string {
  const whole = value / unit;
  const fraction = value % unit;
  if (fraction === 0n) return `${whole}`;
  const digits = unit.toString().length - 1;
  return `${whole}.${fraction.toString().padStart(digits, '0').replace(/0+$/, '')}`;
}

/** The form Go prints for a duration given as text, or undefined when it is not a duration. */
export function canonicalDuration(s: string): string | undefined {
  const ns = parseGoDuration(s);
  return ns === undefined ? undefined : formatGoDuration(ns);
}
