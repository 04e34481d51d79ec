import { gunzipSync } from 'node:zlib';
import { UserError } from '../errors.js';

const BLOCK = 512;

/**
 * The regular files of a gzipped tar archive (release archives: containerd, crictl, nerdctl), by their path inside
 * it without a leading `./`. Reads ustar headers, GNU long names and pax `path` records; other entries (directories,
 * links, devices) hold no bytes nodeup installs and are skipped. `source` names the archive in errors.
 */
export function readTarGz(data: Buffer, source: string): Map<string, Buffer> {
  let tar: Buffer;
  try {
    tar = gunzipSync(data);
  } catch (err) {
    throw new UserError(`${source}: not a gzip archive (${(err as Error).message})`);
  }
  const files = new Map<string, Buffer>();
  let offset = 0;
  let nextName: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = parseOctal(header.subarray(124, 136), source);
    const type = String.fromCharCode(header[156] || 0x30);
    const body = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    if (body.length < size) throw new UserError(`${source}: the archive is truncated`);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L') {
      nextName = cString(body);
      continue;
    }
    if (type === 'x') {
      nextName = paxPath(body) ?? nextName;
      continue;
    }
    const prefix = cString(header.subarray(345, 500));
    const name = nextName ?? (prefix ? `${prefix}/${cString(header.subarray(0, 100))}` : cString(header.subarray(0, 100)));
    nextName = undefined;
    if (type !== '0' && type !== '7') continue;
    files.set(entryPath(name, source), Buffer.from(body));
  }
  return files;
}

function cString(b: Buffer): string {
  const end = b.indexOf(0);
  return b.subarray(0, end < 0 ? b.length : end).toString('utf8');
}

function parseOctal(field: Buffer, source: string): number {
  const text = cString(field).trim();
  const value = text === '' ? 0 : Number.parseInt(text, 8);
  if (!Number.isFinite(value)) throw new UserError(`${source}: a tar header has the size ${JSON.stringify(text)}`);
  return value;
}

/** The `path` of a pax extended header (`<length> path=<value>\n` records). */
function paxPath(body: Buffer): string | undefined {
  for (const record of body.toString('utf8').split('\n')) {
    const m = /^\d+ path=(.*)$/.exec(record);
    if (m) return m[1];
  }
  return undefined;
}

/** A relative path inside the archive; entries escaping it are refused. */
function entryPath(name: string, source: string): string {
  const path = name.replace(/^(\.\/)+/, '');
  if (path.startsWith('/') || path.split('/').includes('..')) throw new UserError(`${source}: the archive entry ${JSON.stringify(name)} points outside it`);
  return path;
}
