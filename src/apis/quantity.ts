/**
 * Kubernetes resource.Quantity in its canonical string form, as Go prints a parsed quantity: "1024Mi" -> "1Gi",
 * "0.5" -> "500m", "1000m" -> "1", "2000Mi" stays (not a whole number of Gi).
 */

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_POWER = new Map(Object.entries(BINARY_SUFFIXES).map(([s, p]) => [p, s]));

type Format = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

/** The canonical form of a quantity, or undefined when `s` is not a valid quantity. */
export function canonicalQuantity(s: string): string | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([a-zA-Z]*|[eE][+-]?[0-9]+)$/.exec(s.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, whole, fraction = '', suffix] = m;

  let format: Format;
  let mantissa = BigInt(whole + fraction || '0');
  let scale = -fraction.length;
  if (suffix in BINARY_SUFFIXES) {
    format = 'BinarySI';
    mantissa *= 1024n ** BigInt(BINARY_SUFFIXES[suffix]);
  } else if (suffix in DECIMAL_SUFFIXES) {
    format = 'DecimalSI';
    scale += DECIMAL_SUFFIXES[suffix];
  } else if (/^[eE][+-]?[0-9]+$/.test(suffix)) {
    format = 'DecimalExponent';
    scale += Number(suffix.slice(1));
  } else {
    return undefined;
  }
  if (mantissa === 0n) return '0';

  // Quantities are kept to nanounits at most, rounding up.
  if (scale < -9) {
    const divisor = 10n ** BigInt(-9 - scale);
    mantissa = (mantissa + divisor - 1n) / divisor;
    scale = -9;
  }
  [mantissa, scale] = stripZeros(mantissa, scale);

  if (format === 'BinarySI') {
    const wholeValue = scale >= 0 ? mantissa * 10n ** BigInt(scale) : undefined;
    if (wholeValue !== undefined && wholeValue >= 1024n) return (sign === '-' ? '-' : '') + base1024(wholeValue);
    format = 'DecimalSI';
  }
  return (sign === '-' ? '-' : '') + base10(mantissa, scale, format);
}

function stripZeros(mantissa: bigint, scale: number): [bigint, number] {
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale++;
  }
  return [mantissa, scale];
}

function base10(mantissa: bigint, scale: number, format: Format): string {
  // The exponent goes down to a multiple of 3 (Go's % keeps the sign, so this always rounds down).
  const down = ((scale % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(down);
  scale -= down;
  if (format === 'DecimalExponent') return scale === 0 ? `${mantissa}` : `${mantissa}e${scale}`;
  const suffix = DECIMAL_BY_EXPONENT.get(scale);
  return suffix === undefined ? `${mantissa}e${scale}` : `${mantissa}${suffix}`;
}

function base1024(value: bigint): string {
  let power = 0;
  while (value % 1024n === 0n && power < 6) {
    value /= 1024n;
    power++;
  }
  return `${value}${power ? BINARY_BY_POWER.get(power) : ''}`;
}

/**
 * A quantity as the plain decimal Go's Quantity.AsDec().String() prints for it once parsed: the digits as given,
 * scaled by the suffix, with no exponent ("500m" -> "0.500", "1Ki" -> "1024", "2" -> "2"); undefined when `s` is not a
 * valid quantity.
 */
export function quantityAsDecimal(s: string): string | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([a-zA-Z]*|[eE][+-]?[0-9]+)$/.exec(s.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, whole, fraction = '', suffix] = m;
  let digits = BigInt(whole + fraction || '0');
  let scale = -fraction.length;
  if (suffix in BINARY_SUFFIXES) digits *= 1024n ** BigInt(BINARY_SUFFIXES[suffix]);
  else if (suffix in DECIMAL_SUFFIXES) scale += DECIMAL_SUFFIXES[suffix];
  else if (/^[eE][+-]?[0-9]+$/.test(suffix)) scale += Number(suffix.slice(1));
  else return undefined;
  const negative = sign === '-' && digits !== 0n ? '-' : '';
  if (scale >= 0) return negative + (digits * 10n ** BigInt(scale)).toString();
  const text = digits.toString().padStart(-scale + 1, '0');
  return `${negative}${text.slice(0, scale)}.${text.slice(scale)}`;
}

/** A quantity's exact value as a fraction (numerator, positive denominator), or undefined when `s` is not one. */
function quantityFraction(s: string): { num: bigint; den: bigint } | undefined {
  const decimal = quantityAsDecimal(s);
  if (decimal === undefined) return undefined;
  const [whole, fraction = ''] = decimal.split('.');
  return { num: BigInt(whole + fraction), den: 10n ** BigInt(fraction.length) };
}

/** Go's Quantity.AsInt64: the value when it is a whole number (else 0, as Go's unchecked result). */
export function quantityAsInt(s: string | number): number {
  const q = quantityFraction(String(s));
  if (!q || q.num % q.den !== 0n) return 0;
  return Number(q.num / q.den);
}

/** Go's Quantity.ScaledValue(10^exponent): the value in units of 10^exponent, rounded up. */
export function quantityScaledValue(s: string | number, exponent: number): number {
  const q = quantityFraction(String(s));
  if (!q) return 0;
  const den = q.den * 10n ** BigInt(exponent);
  const quotient = q.num / den;
  return Number(q.num % den > 0n ? quotient + 1n : quotient);
}
