import { createHash } from 'node:crypto';
import { KeyPair } from '../cloud/aws/resources/key-pair.js';
import type { Task } from '../engine/task.js';
import { UserError } from '../errors.js';
import type { ModelContext } from './context.js';

/** The MD5 fingerprint AWS shows for an imported OpenSSH public key (colon-separated hex of the key blob's digest). */
export function sshKeyFingerprint(publicKey: string): string {
  const blob = publicKey.trim().split(/\s+/)[1];
  if (!blob) throw new UserError('SSH public key is not in OpenSSH format', 'give a key line like "ssh-rsa AAAA... comment"');
  const hex = createHash('md5').update(Buffer.from(blob, 'base64')).digest('hex');
  return hex.match(/../g)!.join(':');
}

/** The key pair instances are launched with: the admin key imported as `kubernetes.<cluster>-<fingerprint>`. */
export function buildSshKey(m: ModelContext): Task[] {
  const existing = m.spec.sshKeyName;
  if (existing !== undefined) {
    // An existing key pair by name (empty: no key at all); nothing to create.
    return existing ? [KeyPair.task(existing, { id: existing, keyName: existing, publicKey: '' }, { shared: true })] : [];
  }
  if (!m.aws.sshPublicKey) return [];
  const fingerprint = sshKeyFingerprint(m.aws.sshPublicKey);
  const keyName = `kubernetes.${m.clusterName}-${fingerprint}`;
  // The task (and Terraform) name drops the colons, which Terraform labels cannot hold.
  const name = `kubernetes.${m.clusterName}-${fingerprint.replace(/:/g, '')}`;
  return [KeyPair.task(name, { keyName, publicKey: m.aws.sshPublicKey, tags: m.cloudTags(m.clusterName) })];
}
