import { parseDocument, stringify } from 'yaml';
import { UserError } from '../errors.js';
import { certificateSerial, parseCertificate } from './certificates.js';
import { parsePrivateKey, publicKeyDer } from './keys.js';
import { createPublicKey } from 'node:crypto';

/** One keypair of a keyset: a certificate and (in the private copy) its key. `id` is the certificate serial. */
export interface KeysetItem {
  id: string;
  certificatePem: string;
  privateKeyPem?: string;
  /** RFC 3339; set once the keypair is distrusted during a CA rotation. */
  distrustTimestamp?: string;
}

export interface Keyset {
  name: string;
  primaryId: string;
  items: KeysetItem[];
}

/** Items ordered by numeric id (issue time), as kops bundles them. */
export function sortedItems(keyset: Keyset): KeysetItem[] {
  return [...keyset.items].sort((a, b) => compareIds(a.id, b.id));
}

export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function primaryItem(keyset: Keyset): KeysetItem {
  const item = keyset.items.find((i) => i.id === keyset.primaryId);
  if (!item) throw new UserError(`keyset ${keyset.name}: primary id ${keyset.primaryId} is not one of its keypairs`);
  return item;
}

/** The trusted certificates of a keyset, concatenated in id order (what nodes are given as the CA bundle). */
export function trustedCertificateBundle(keyset: Keyset): string {
  return sortedItems(keyset)
    .filter((i) => !i.distrustTimestamp)
    .map((i) => i.certificatePem.trim() + '\n')
    .join('');
}

/**
 * Encodes a keyset as the Go kops writes `pki/private/<name>/keyset.yaml` (with keys) or `pki/issued/<name>/keyset.yaml`
 * (certificates only): a kops.k8s.io/v1alpha2 Keyset whose materials are base64 of the PEM bytes.
 */
export function encodeKeyset(keyset: Keyset, includePrivate: boolean): string {
  const keys = sortedItems(keyset).map((item) => {
    const out: Record<string, string> = {};
    if (item.distrustTimestamp) out.distrustTimestamp = item.distrustTimestamp;
    out.id = item.id;
    if (includePrivate && item.privateKeyPem) out.privateMaterial = Buffer.from(item.privateKeyPem).toString('base64');
    out.publicMaterial = Buffer.from(item.certificatePem).toString('base64');
    return out;
  });
  const doc = {
    apiVersion: 'kops.k8s.io/v1alpha2',
    kind: 'Keyset',
    metadata: { creationTimestamp: null, name: keyset.name },
    spec: { keys, primaryId: keyset.primaryId, type: 'Keypair' },
  };
  return stringify(doc, { lineWidth: 0, indentSeq: false });
}

/**
 * Decodes and checks a keyset file: every certificate and key must parse, ids must be decimal, each key must belong to
 * its certificate, and the primary must exist. A tampered or truncated file is an error naming the file, never
 * silently replaced.
 */
export function decodeKeyset(text: string, source: string): Keyset {
  const fail = (what: string): never => {
    throw new UserError(`${source}: ${what}`, 'the keyset is damaged; restore it from a backup of the state store (it is never regenerated over)');
  };
  const doc = parseDocument(text);
  if (doc.errors.length) fail(`not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
  const obj = doc.toJS() as Record<string, any> | null;
  if (!obj || obj.kind !== 'Keyset') fail('not a Keyset object');
  const spec = obj!.spec ?? {};
  const name = obj!.metadata?.name;
  if (typeof name !== 'string' || !name) fail('metadata.name is missing');
  if (!Array.isArray(spec.keys) || spec.keys.length === 0) fail('spec.keys is empty');
  const items: KeysetItem[] = spec.keys.map((k: Record<string, unknown>, i: number) => {
    const path = `spec.keys[${i}]`;
    const id = String(k.id ?? '');
    if (!/^\d+$/.test(id)) fail(`${path}.id: ${JSON.stringify(k.id)} is not a decimal keypair id`);
    const certificatePem = decodeMaterial(k.publicMaterial, `${path}.publicMaterial`, fail);
    let cert;
    try {
      cert = parseCertificate(certificatePem);
    } catch {
      return fail(`${path}.publicMaterial: not a valid certificate`);
    }
    const item: KeysetItem = { id, certificatePem };
    if (k.privateMaterial !== undefined) {
      item.privateKeyPem = decodeMaterial(k.privateMaterial, `${path}.privateMaterial`, fail);
      let key;
      try {
        key = parsePrivateKey(item.privateKeyPem);
      } catch {
        return fail(`${path}.privateMaterial: not a valid private key`);
      }
      const certKey = createPublicKey(cert.toString('pem')).export({ type: 'spki', format: 'der' });
      if (!publicKeyDer(key).equals(certKey)) fail(`${path}: the private key does not belong to the certificate`);
    }
    if (typeof k.distrustTimestamp === 'string') item.distrustTimestamp = k.distrustTimestamp;
    if (certificateSerial(cert) !== BigInt(id)) fail(`${path}.id: ${id} is not the certificate's serial ${certificateSerial(cert)}`);
    return item;
  });
  const primaryId = String(spec.primaryId ?? '');
  if (!items.some((i) => i.id === primaryId)) fail(`spec.primaryId: ${JSON.stringify(spec.primaryId)} is not one of the keys`);
  return { name: name as string, primaryId, items };
}

function decodeMaterial(value: unknown, path: string, fail: (what: string) => never): string {
  if (typeof value !== 'string' || !value) return fail(`${path} is missing`);
  if (!/^[A-Za-z0-9+/]+=*$/.test(value)) return fail(`${path} is not base64`);
  return Buffer.from(value, 'base64').toString('utf8');
}
