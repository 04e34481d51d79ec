import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import type { VfsPath } from '../statestore/vfs.js';

export interface SshPublicKey {
  name: string;
  /** MD5 fingerprint of the key blob, hex without colons: the file name under pki/ssh/public/<name>/. */
  id: string;
  publicKey: string;
}

const KEY_TYPES = /^(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp(256|384|521)|ssh-dss)$/;

/** Parses a one-line OpenSSH public key; errors say what is wrong with it. */
export function parseSshPublicKey(text: string, source: string): { type: string; blob: Buffer; line: string } {
  const line = text.trim();
  const [type, data] = line.split(/\s+/);
  if (!type || !KEY_TYPES.test(type) || !data) {
    throw new UserError(`${source}: not an OpenSSH public key (expected "ssh-rsa AAAA..." on one line)`, 'pass the .pub file, not the private key');
  }
  const blob = Buffer.from(data, 'base64');
  const declared = blob.length > 4 ? blob.subarray(4, 4 + blob.readUInt32BE(0)).toString() : '';
  if (declared !== type) throw new UserError(`${source}: the key data does not match its type ${type}`);
  return { type, blob, line };
}

export function md5Fingerprint(blob: Buffer, separator = ':'): string {
  return createHash('md5').update(blob).digest('hex').match(/../g)!.join(separator);
}

/** SSH public keys of a cluster, under `<cluster>/pki/ssh/public/<name>/<id>` as the Go kops stores them. */
export class SshKeyStore {
  constructor(private readonly pki: VfsPath) {}

  async add(name: string, text: string, source: string): Promise<SshPublicKey> {
    const { blob, line } = parseSshPublicKey(text, source);
    const id = md5Fingerprint(blob, '');
    await this.pki.join('ssh', 'public', name, id).write(line + '\n');
    return { name, id, publicKey: line };
  }

  async list(): Promise<SshPublicKey[]> {
    const out: SshPublicKey[] = [];
    for (const dir of await this.pki.join('ssh', 'public').readDir()) {
      for (const file of await dir.readDir()) {
        out.push({ name: dir.base, id: file.base, publicKey: (await file.read()).toString('utf8').trim() });
      }
    }
    return out;
  }

  /** Removes every key stored under `name`; returns how many were removed. */
  async remove(name: string): Promise<number> {
    const files = await this.pki.join('ssh', 'public', name).readDir();
    for (const f of files) await f.remove();
    return files.length;
  }
}
