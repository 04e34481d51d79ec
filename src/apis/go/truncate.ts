/** kops's object-name truncation (its pkg/truncate): cut a name to fit and append a short FNV-1a hash. */
/** Go's base32 "extended hex" alphabet, as kops's truncate package encodes its hash. */
const BASE32_HEX = '0123456789ABCDEFGHIJKLMNOPQRSTUV';

/** 32-bit FNV-1a of the UTF-8 bytes. */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, 'utf8')) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

function fnv32aBytes(s: string): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(fnv32a(s));
  return out;
}

function base32Hex(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_HEX[(value << (5 - bits)) & 31];
  return out;
}

/** kops's HashString: the first `length` characters of the name's hash, as truncated names end with. */
export function hashString(s: string, length: number): string {
  return base32Hex(fnv32aBytes(s)).toLowerCase().slice(0, length);
}

/** kops's TruncateString: cut to fit `maxLength` with `-<hash>` appended (always, when `alwaysAddHash`). */
export function truncateName(s: string, maxLength: number, alwaysAddHash: boolean, hashLength = 6): string {
  if (!alwaysAddHash && s.length <= maxLength) return s;
  const hash = hashString(s, hashLength);
  const base = s.slice(0, maxLength - hash.length - 1);
  return `${base}-${hash}`;
}
