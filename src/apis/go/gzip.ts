import { crc32 } from 'node:zlib';

/**
 * gzip exactly as Go's compress/gzip writes it at the default level with a Flush before Close (what kops does for
 * compressed user data): Go's lazy-matching deflate (level 6) and its Huffman code construction, one block per
 * flush, an empty sync-flush block, then an empty final block. zlib's encoder picks different matches and codes,
 * so the bytes (and the launch templates that embed them) would differ.
 *
 * Sized for user data: the whole input is compressed as one window (inputs up to 32 KiB).
 */
export function goGzip(input: Buffer): Buffer {
  if (input.length > WINDOW_SIZE) throw new Error('goGzip: input larger than one deflate window');
  const w = new BitWriter();
  const tokens = lazyMatch(input);
  if (tokens.length > 0) writeBlock(w, tokens, input);
  writeStoredHeader(w, false); // Flush: sync marker
  writeStoredHeader(w, true); // Close: final empty block
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(input) >>> 0, 0);
  trailer.writeUInt32LE(input.length >>> 0, 4);
  return Buffer.concat([header, w.bytes(), trailer]);
}

const WINDOW_SIZE = 1 << 15;
const MIN_MATCH = 4;
const MAX_MATCH = 258;
const HASH_BITS = 17;
const HASH_MUL = 0x1e35a7bd;
// Level 6.
const GOOD = 8;
const LAZY = 16;
const NICE = 128;
const CHAIN = 128;

/** A token: a literal byte (0..255) or a match. */
type Token = { literal: number } | { length: number; offset: number };

function hash4(b: Buffer, i: number): number {
  const v = ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
  return Math.imul(v, HASH_MUL) >>> (32 - HASH_BITS);
}

/** Go's deflateLazy on a single window, run to the end (a sync flush). */
function lazyMatch(win: Buffer): Token[] {
  const tokens: Token[] = [];
  const hashHead = new Int32Array(1 << HASH_BITS); // 0 = empty; else index + 1
  const hashPrev = new Int32Array(WINDOW_SIZE);
  const windowEnd = win.length;
  const maxInsertIndex = windowEnd - (MIN_MATCH - 1);
  let index = 0;
  let length = MIN_MATCH - 1;
  let offset = 0;
  let byteAvailable = false;
  let chainHead = -1;

  for (;;) {
    const lookahead = windowEnd - index;
    if (lookahead === 0) {
      if (byteAvailable) tokens.push({ literal: win[index - 1] });
      return tokens;
    }
    if (index < maxInsertIndex) {
      const h = hash4(win, index);
      chainHead = hashHead[h];
      hashPrev[index & (WINDOW_SIZE - 1)] = chainHead;
      hashHead[h] = index + 1;
    }
    const prevLength = length;
    const prevOffset = offset;
    length = MIN_MATCH - 1;
    offset = 0;
    const minIndex = Math.max(index - WINDOW_SIZE, 0);
    if (chainHead - 1 >= minIndex && lookahead > prevLength && prevLength < LAZY) {
      const found = findMatch(win, hashPrev, index, chainHead - 1, MIN_MATCH - 1, lookahead);
      if (found) [length, offset] = found;
    }
    if (prevLength >= MIN_MATCH && length <= prevLength) {
      tokens.push({ length: prevLength, offset: prevOffset });
      const newIndex = index + prevLength - 1;
      for (index++; index < newIndex; index++) {
        if (index < maxInsertIndex) {
          const h = hash4(win, index);
          hashPrev[index & (WINDOW_SIZE - 1)] = hashHead[h];
          hashHead[h] = index + 1;
        }
      }
      byteAvailable = false;
      length = MIN_MATCH - 1;
    } else {
      if (byteAvailable) tokens.push({ literal: win[index - 1] });
      index++;
      byteAvailable = true;
    }
  }
}

function findMatch(win: Buffer, hashPrev: Int32Array, pos: number, prevHead: number, prevLength: number, lookahead: number): [number, number] | undefined {
  const minMatchLook = Math.min(MAX_MATCH, lookahead);
  const end = pos + minMatchLook;
  const nice = Math.min(NICE, end - pos);
  let tries = CHAIN;
  let length = prevLength;
  if (length >= GOOD) tries >>= 2;
  let wEnd = win[pos + length];
  const minIndex = pos - WINDOW_SIZE;
  let best: [number, number] | undefined;
  for (let i = prevHead; tries > 0; tries--) {
    if (wEnd === win[i + length]) {
      let n = 0;
      while (n < minMatchLook && win[i + n] === win[pos + n]) n++;
      if (n > length && (n > MIN_MATCH || pos - i <= 4096)) {
        length = n;
        best = [n, pos - i];
        if (n >= nice) break;
        wEnd = win[pos + n];
      }
    }
    if (i === minIndex) break;
    i = hashPrev[i & (WINDOW_SIZE - 1)] - 1;
    if (i < minIndex || i < 0) break;
  }
  return best;
}

// DEFLATE code tables (RFC 1951 3.2.5).
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const OFFSET_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const OFFSET_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODEGEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const LENGTH_CODES_START = 257;
const END_BLOCK = 256;
const NUM_LITERALS = 286;
const NUM_OFFSETS = 30;

function lengthCode(length: number): number {
  let c = LENGTH_BASE.length - 1;
  while (LENGTH_BASE[c] > length) c--;
  return c;
}

function offsetCode(offset: number): number {
  let c = OFFSET_BASE.length - 1;
  while (OFFSET_BASE[c] > offset) c--;
  return c;
}

/** Code lengths as Go's huffmanEncoder.generate computes them (its bit-count algorithm and tie-breaking). */
function huffmanLengths(freq: number[], maxBits: number): number[] {
  const lens = new Array<number>(freq.length).fill(0);
  let list = freq.map((f, literal) => ({ literal, freq: f })).filter((n) => n.freq !== 0);
  if (list.length <= 2) {
    for (const n of list) lens[n.literal] = 1;
    return lens;
  }
  list = list.sort((a, b) => (a.freq === b.freq ? a.literal - b.literal : a.freq - b.freq));
  const bitCount = bitCounts(list, maxBits);
  // The most frequent literals (at the end of the list) get the shortest codes.
  let rest = list;
  bitCount.forEach((bits, n) => {
    if (n === 0 || bits === 0) return;
    for (const node of rest.slice(rest.length - bits)) lens[node.literal] = n;
    rest = rest.slice(0, rest.length - bits);
  });
  return lens;
}

function bitCounts(list: { literal: number; freq: number }[], maxBitsIn: number): number[] {
  const MAX = 0x7fffffff;
  const n = list.length;
  const freqAt = (i: number) => (i < n ? list[i].freq : MAX);
  const maxBits = Math.min(maxBitsIn, n - 1);
  const levels = Array.from({ length: 16 }, () => ({ level: 0, lastFreq: 0, nextCharFreq: 0, nextPairFreq: 0, needed: 0 }));
  const leafCounts = Array.from({ length: 16 }, () => new Array<number>(16).fill(0));
  for (let level = 1; level <= maxBits; level++) {
    levels[level] = { level, lastFreq: freqAt(1), nextCharFreq: freqAt(2), nextPairFreq: freqAt(0) + freqAt(1), needed: 0 };
    leafCounts[level][level] = 2;
    if (level === 1) levels[level].nextPairFreq = MAX;
  }
  levels[maxBits].needed = 2 * n - 4;
  let level = maxBits;
  while (level < 16) {
    const l = levels[level];
    if (l.nextPairFreq === MAX && l.nextCharFreq === MAX) {
      l.needed = 0;
      levels[level + 1].nextPairFreq = MAX;
      level++;
      continue;
    }
    const prevFreq = l.lastFreq;
    if (l.nextCharFreq < l.nextPairFreq) {
      const next = leafCounts[level][level] + 1;
      l.lastFreq = l.nextCharFreq;
      leafCounts[level][level] = next;
      l.nextCharFreq = freqAt(next);
    } else {
      l.lastFreq = l.nextPairFreq;
      for (let i = 0; i < level; i++) leafCounts[level][i] = leafCounts[level - 1][i];
      levels[l.level - 1].needed = 2;
    }
    l.needed--;
    if (l.needed === 0) {
      if (l.level === maxBits) break;
      levels[l.level + 1].nextPairFreq = prevFreq + l.lastFreq;
      level++;
    } else {
      while (levels[level - 1].needed > 0) level--;
    }
  }
  const bitCount = new Array<number>(maxBits + 1).fill(0);
  let bits = 1;
  const counts = leafCounts[maxBits];
  for (let lv = maxBits; lv > 0; lv--) {
    bitCount[bits] = counts[lv] - counts[lv - 1];
    bits++;
  }
  return bitCount;
}

/** Canonical codes for code lengths (RFC 1951 3.2.2), bit-reversed for LSB-first writing. */
function canonicalCodes(lens: number[]): { code: number; len: number }[] {
  const maxLen = Math.max(0, ...lens);
  const blCount = new Array<number>(maxLen + 1).fill(0);
  for (const l of lens) if (l) blCount[l]++;
  const next = new Array<number>(maxLen + 2).fill(0);
  let code = 0;
  for (let bits = 1; bits <= maxLen; bits++) {
    code = (code + blCount[bits - 1]) << 1;
    next[bits] = code;
  }
  return lens.map((len) => {
    if (!len) return { code: 0, len: 0 };
    const c = next[len]++;
    let r = 0;
    for (let i = 0; i < len; i++) r |= ((c >> i) & 1) << (len - 1 - i);
    return { code: r, len };
  });
}

const FIXED_LITERAL_LENS = Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8));
const FIXED_OFFSET_LENS = new Array<number>(30).fill(5);

function bitLength(freq: number[], lens: number[]): number {
  let total = 0;
  freq.forEach((f, i) => (total += f * (lens[i] ?? 0)));
  return total;
}

/** Go's huffmanBitWriter.writeBlock: the smallest of stored, fixed and dynamic Huffman coding. */
function writeBlock(w: BitWriter, tokens: Token[], input: Buffer): void {
  const literalFreq = new Array<number>(NUM_LITERALS).fill(0);
  const offsetFreq = new Array<number>(NUM_OFFSETS).fill(0);
  for (const t of tokens) {
    if ('literal' in t) literalFreq[t.literal]++;
    else {
      literalFreq[LENGTH_CODES_START + lengthCode(t.length)]++;
      offsetFreq[offsetCode(t.offset)]++;
    }
  }
  literalFreq[END_BLOCK]++;
  let numLiterals = NUM_LITERALS;
  while (literalFreq[numLiterals - 1] === 0) numLiterals--;
  let numOffsets = NUM_OFFSETS;
  while (numOffsets > 0 && offsetFreq[numOffsets - 1] === 0) numOffsets--;
  if (numOffsets === 0) {
    offsetFreq[0] = 1;
    numOffsets = 1;
  }
  const litLens = huffmanLengths(literalFreq, 15);
  const offLens = huffmanLengths(offsetFreq, 15);

  let extraBits = 0;
  for (let c = LENGTH_CODES_START + 8; c < numLiterals; c++) extraBits += literalFreq[c] * LENGTH_EXTRA[c - LENGTH_CODES_START];
  for (let c = 4; c < numOffsets; c++) extraBits += offsetFreq[c] * OFFSET_EXTRA[c];

  const fixedSize = 3 + bitLength(literalFreq, FIXED_LITERAL_LENS) + bitLength(offsetFreq, FIXED_OFFSET_LENS) + extraBits;
  const { codegen, codegenFreq } = generateCodegen([...litLens.slice(0, numLiterals), ...offLens.slice(0, numOffsets)]);
  const codegenLens = huffmanLengths(codegenFreq, 7);
  let numCodegens = codegenFreq.length;
  while (numCodegens > 4 && codegenFreq[CODEGEN_ORDER[numCodegens - 1]] === 0) numCodegens--;
  const dynamicSize =
    3 + 5 + 5 + 4 + 3 * numCodegens + bitLength(codegenFreq, codegenLens) + codegenFreq[16] * 2 + codegenFreq[17] * 3 + codegenFreq[18] * 7 +
    bitLength(literalFreq, litLens) + bitLength(offsetFreq, offLens) + extraBits;
  const storedSize = (input.length + 5) * 8;

  const dynamic = dynamicSize < fixedSize;
  const size = Math.min(fixedSize, dynamicSize);
  if (input.length <= 65535 && storedSize < size) {
    writeStoredHeader(w, false, input.length);
    w.writeBytes(input);
    return;
  }
  let litCodes: { code: number; len: number }[];
  let offCodes: { code: number; len: number }[];
  if (dynamic) {
    w.writeBits(4, 3);
    w.writeBits(numLiterals - 257, 5);
    w.writeBits(numOffsets - 1, 5);
    w.writeBits(numCodegens - 4, 4);
    for (let i = 0; i < numCodegens; i++) w.writeBits(codegenLens[CODEGEN_ORDER[i]], 3);
    const cgCodes = canonicalCodes(codegenLens);
    for (let i = 0; i < codegen.length; i++) {
      const cw = codegen[i];
      w.writeCode(cgCodes[cw]);
      if (cw === 16) w.writeBits(codegen[++i], 2);
      else if (cw === 17) w.writeBits(codegen[++i], 3);
      else if (cw === 18) w.writeBits(codegen[++i], 7);
    }
    litCodes = canonicalCodes(litLens);
    offCodes = canonicalCodes(offLens);
  } else {
    w.writeBits(2, 3);
    litCodes = canonicalCodes(FIXED_LITERAL_LENS);
    offCodes = canonicalCodes(FIXED_OFFSET_LENS);
  }
  for (const t of tokens) {
    if ('literal' in t) {
      w.writeCode(litCodes[t.literal]);
      continue;
    }
    const lc = lengthCode(t.length);
    w.writeCode(litCodes[LENGTH_CODES_START + lc]);
    if (LENGTH_EXTRA[lc]) w.writeBits(t.length - LENGTH_BASE[lc], LENGTH_EXTRA[lc]);
    const oc = offsetCode(t.offset);
    w.writeCode(offCodes[oc]);
    if (OFFSET_EXTRA[oc]) w.writeBits(t.offset - OFFSET_BASE[oc], OFFSET_EXTRA[oc]);
  }
  w.writeCode(litCodes[END_BLOCK]);
}

/** Run-length coding of the code lengths (codes 16, 17, 18), as Go's generateCodegen. */
function generateCodegen(sizes: number[]): { codegen: number[]; codegenFreq: number[] } {
  const codegenFreq = new Array<number>(19).fill(0);
  const codegen: number[] = [];
  let i = 0;
  while (i < sizes.length) {
    const size = sizes[i];
    let count = 1;
    while (i + count < sizes.length && sizes[i + count] === size) count++;
    i += count;
    if (size !== 0) {
      codegen.push(size);
      codegenFreq[size]++;
      count--;
      while (count >= 3) {
        const n = Math.min(6, count);
        codegen.push(16, n - 3);
        codegenFreq[16]++;
        count -= n;
      }
    } else {
      while (count >= 11) {
        const n = Math.min(138, count);
        codegen.push(18, n - 11);
        codegenFreq[18]++;
        count -= n;
      }
      if (count >= 3) {
        codegen.push(17, count - 3);
        codegenFreq[17]++;
        count = 0;
      }
    }
    for (; count > 0; count--) {
      codegen.push(size);
      codegenFreq[size]++;
    }
  }
  return { codegen, codegenFreq };
}

function writeStoredHeader(w: BitWriter, final: boolean, length = 0): void {
  w.writeBits(final ? 1 : 0, 3);
  w.alignToByte();
  w.writeBits(length, 16);
  w.writeBits(~length & 0xffff, 16);
}

class BitWriter {
  private readonly out: number[] = [];
  private bits = 0;
  private nbits = 0;

  writeBits(value: number, n: number): void {
    for (let i = 0; i < n; i++) {
      this.bits |= ((value >>> i) & 1) << this.nbits;
      this.nbits++;
      if (this.nbits === 8) {
        this.out.push(this.bits);
        this.bits = 0;
        this.nbits = 0;
      }
    }
  }

  writeCode(c: { code: number; len: number }): void {
    this.writeBits(c.code, c.len);
  }

  alignToByte(): void {
    if (this.nbits > 0) this.writeBits(0, 8 - this.nbits);
  }

  writeBytes(b: Buffer): void {
    this.alignToByte();
    for (const x of b) this.out.push(x);
  }

  bytes(): Buffer {
    this.alignToByte();
    return Buffer.from(this.out);
  }
}
