import { createPublicKey } from 'node:crypto';
import { clusterKeysetNames, type Keystore } from '../../pki/keystore.js';
import { sortedItems, type Keyset } from '../../pki/keyset.js';
import type { KeysetPublic } from '../../model/bootstrap/types.js';

/**
 * The cluster's keysets, creating the missing ones. With `persist` false (a dry run) missing keysets are made in
 * memory only, so that a plan can be computed without writing to the state store; existing keysets are never
 * regenerated.
 */
export async function loadClusterKeysets(
  keystore: Keystore,
  etcdClusterNames: string[],
  persist: boolean,
  discoveryService = false,
): Promise<{ keysets: Map<string, Keyset>; created: string[] }> {
  const names = clusterKeysetNames(etcdClusterNames, discoveryService);
  const keysets = new Map<string, Keyset>();
  const missing: string[] = [];
  for (const name of names) {
    const keyset = await keystore.find(name);
    if (keyset) keysets.set(name, keyset);
    else missing.push(name);
  }
  if (persist) {
    await keystore.ensureKeysets(missing);
    for (const name of missing) keysets.set(name, await keystore.get(name));
  } else {
    const items = await Promise.all(missing.map((name) => keystore.generateCaItem(name)));
    missing.forEach((name, i) => keysets.set(name, { name, primaryId: items[i].id, items: [items[i]] }));
  }
  return { keysets, created: missing };
}

/** What nodes are given of each keyset: the primary id, the trusted certificates and, for service-account, public keys. */
export function publicMaterial(keysets: Map<string, Keyset>): Record<string, KeysetPublic> {
  const out: Record<string, KeysetPublic> = {};
  for (const [name, keyset] of keysets) {
    const trusted = sortedItems(keyset).filter((i) => !i.distrustTimestamp);
    out[name] = { primaryId: keyset.primaryId, certificatesPem: trusted.map((i) => i.certificatePem.trim() + '\n').join('') };
    if (name === 'service-account') out[name].publicKeysPem = trusted.map((i) => serviceAccountPublicKeyPem(i.certificatePem)).join('');
  }
  return out;
}

/** kops writes service-account public keys as PKIX DER under an `RSA PUBLIC KEY` label. */
function serviceAccountPublicKeyPem(certificatePem: string): string {
  const der = createPublicKey(certificatePem).export({ type: 'spki', format: 'der' });
  const body = der.toString('base64').match(/.{1,64}/g)!.join('\n');
  return `-----BEGIN RSA PUBLIC KEY-----\n${body}\n-----END RSA PUBLIC KEY-----\n`;
}
