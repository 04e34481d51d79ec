import { UserError } from '../errors.js';
import type { VfsPath } from '../statestore/vfs.js';
import { certificateSerial, issueCertificate, parseCertificate, type IssueEnv } from './certificates.js';
import { generateRsaKey, parsePrivateKey, DEFAULT_RSA_BITS } from './keys.js';
import { compareIds, decodeKeyset, encodeKeyset, primaryItem, sortedItems, type Keyset, type KeysetItem } from './keyset.js';
import { DISCOVERY_CA } from '../apis/service-account-issuer.js';

/**
 * The cluster keystore, in the Go kops layout under `<cluster>/pki`: `private/<name>/keyset.yaml` holds certificates and
 * keys (written as secrets), `issued/<name>/keyset.yaml` the certificates only (what nodes may read).
 */
export class Keystore {
  constructor(
    private readonly pki: VfsPath,
    private readonly env: IssueEnv,
    private readonly rsaBits = DEFAULT_RSA_BITS,
  ) {}

  private privatePath(name: string): VfsPath {
    return this.pki.join('private', name, 'keyset.yaml');
  }

  async find(name: string): Promise<Keyset | undefined> {
    const path = this.privatePath(name);
    const bytes = await path.readIfExists();
    return bytes === undefined ? undefined : decodeKeyset(bytes.toString('utf8'), path.url);
  }

  async get(name: string): Promise<Keyset> {
    const keyset = await this.find(name);
    if (!keyset) throw new UserError(`keyset ${JSON.stringify(name)} not found in ${this.pki.url}`, 'list keysets with `kops get keypairs`');
    return keyset;
  }

  async list(): Promise<string[]> {
    const dirs = await this.pki.join('private').readDir();
    return dirs.map((d) => d.base).sort();
  }

  async write(keyset: Keyset): Promise<void> {
    await this.privatePath(keyset.name).write(encodeKeyset(keyset, true), { secret: true });
    await this.pki.join('issued', keyset.name, 'keyset.yaml').write(encodeKeyset(keyset, false));
  }

  /** A new self-signed CA keypair for keyset `name`. */
  async generateCaItem(name: string): Promise<KeysetItem> {
    const key = await generateRsaKey(this.rsaBits);
    const issued = await issueCertificate({ type: 'ca', commonName: name }, key, undefined, this.env);
    return { id: issued.serial.toString(), certificatePem: issued.pem, privateKeyPem: key.pem };
  }

  /** Creates each keyset that does not exist yet; existing ones are never regenerated. Returns the names created. */
  async ensureKeysets(names: string[]): Promise<string[]> {
    const missing: string[] = [];
    for (const name of names) if (!(await this.find(name))) missing.push(name);
    // Key generation runs on libuv's thread pool, so the keysets are made side by side.
    const items = await Promise.all(missing.map((name) => this.generateCaItem(name)));
    for (const [i, name] of missing.entries()) await this.write({ name, primaryId: items[i].id, items: [items[i]] });
    return missing;
  }

  /**
   * Adds a keypair to a keyset (creating the keyset if needed): generated, or imported from PEM. It becomes primary
   * when asked, or when it is the keyset's first.
   */
  async addKeypair(name: string, options: { primary?: boolean; certificatePem?: string; privateKeyPem?: string }): Promise<KeysetItem> {
    const item = options.certificatePem ? importItem(name, options.certificatePem, options.privateKeyPem) : await this.generateCaItem(name);
    const existing = await this.find(name);
    if (existing?.items.some((i) => i.id === item.id)) {
      throw new UserError(`keyset ${name} already has a keypair with id ${item.id}`);
    }
    const keyset: Keyset = existing ?? { name, primaryId: item.id, items: [] };
    keyset.items.push(item);
    if (options.primary || !existing) keyset.primaryId = item.id;
    await this.write(keyset);
    return item;
  }

  /** Makes the newest trusted keypair the primary. */
  async promote(name: string): Promise<KeysetItem> {
    const keyset = await this.get(name);
    const newest = sortedItems(keyset)
      .filter((i) => !i.distrustTimestamp && i.privateKeyPem)
      .pop();
    if (!newest) throw new UserError(`keyset ${name} has no trusted keypair with a private key to promote`);
    keyset.primaryId = newest.id;
    await this.write(keyset);
    return newest;
  }

  /** Makes the given trusted keypair the primary. */
  async setPrimary(name: string, id: string): Promise<KeysetItem> {
    const keyset = await this.get(name);
    const item = findItem(keyset, id);
    if (item.distrustTimestamp) throw new UserError(`keypair ${id} of keyset ${name} is distrusted; trust it before promoting it`);
    if (!item.privateKeyPem) throw new UserError(`keypair ${id} of keyset ${name} has no private key, so it cannot be primary`);
    keyset.primaryId = id;
    await this.write(keyset);
    return item;
  }

  /** Distrusts the given keypairs, or, with none given, every keypair older than the primary. */
  async distrust(name: string, ids: string[], now: Date): Promise<string[]> {
    const keyset = await this.get(name);
    const primary = primaryItem(keyset);
    const targets = ids.length ? ids : keyset.items.filter((i) => compareIds(i.id, primary.id) < 0).map((i) => i.id);
    for (const id of targets) {
      if (id === primary.id) throw new UserError(`keypair ${id} is the primary of keyset ${name}; promote another keypair first`);
      const item = findItem(keyset, id);
      item.distrustTimestamp ??= now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    await this.write(keyset);
    return targets;
  }

  async trust(name: string, ids: string[]): Promise<void> {
    const keyset = await this.get(name);
    for (const id of ids) delete findItem(keyset, id).distrustTimestamp;
    await this.write(keyset);
  }
}

function findItem(keyset: Keyset, id: string): KeysetItem {
  const item = keyset.items.find((i) => i.id === id);
  if (!item) throw new UserError(`keyset ${keyset.name} has no keypair with id ${id}`, `ids: ${keyset.items.map((i) => i.id).join(', ')}`);
  return item;
}

function importItem(name: string, certificatePem: string, privateKeyPem: string | undefined): KeysetItem {
  let cert;
  try {
    cert = parseCertificate(certificatePem);
  } catch {
    throw new UserError(`keypair for ${name}: --cert is not a PEM certificate`);
  }
  if (privateKeyPem !== undefined) {
    try {
      parsePrivateKey(privateKeyPem);
    } catch {
      throw new UserError(`keypair for ${name}: --key is not a PEM private key`);
    }
  }
  const item: KeysetItem = { id: certificateSerial(cert).toString(), certificatePem: certificatePem.trim() + '\n' };
  if (privateKeyPem !== undefined) item.privateKeyPem = privateKeyPem.trim() + '\n';
  return item;
}

/**
 * The keysets the Go kops creates for a cluster, given the names of its etcd clusters (a `cilium` one has its own
 * client CA) and whether it registers with a hosted discovery service (which needs its own CA).
 */
export function clusterKeysetNames(etcdClusterNames: string[], discoveryService = false): string[] {
  const perEtcd = etcdClusterNames.flatMap((e) => [`etcd-manager-ca-${e}`, `etcd-peers-ca-${e}`, ...(e === 'cilium' ? ['etcd-clients-ca-cilium'] : [])]);
  return ['apiserver-aggregator-ca', 'etcd-clients-ca', ...perEtcd, 'kubernetes-ca', 'service-account', ...(discoveryService ? [DISCOVERY_CA] : [])].sort();
}
