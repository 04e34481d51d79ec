import { resolve } from 'node:path';
import { parse } from 'yaml';
import { UserError } from '../errors.js';
import { openVfs } from '../statestore/index.js';
import type { Keypair, TrustedCertificate } from './builders/context.js';

/** A local path (relative or absolute) or a state-store URL, as openVfs takes it. */
export function normaliseLocation(location: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location) ? location : resolve(location);
}

export async function readLocation(location: string): Promise<string> {
  const url = normaliseLocation(location);
  const data = await openVfs(url)
    .readIfExists()
    .catch((err: Error) => {
      throw new UserError(`${location}: cannot read: ${err.message}`);
    });
  if (data === undefined) throw new UserError(`${location}: not found`, 'check --conf; kops writes <cluster>/igconfig/<role>/<group>/nodeupconfig.yaml');
  return data.toString('utf8');
}

/** Fetches each URL; the ones that cannot be read are returned apart, with the reason. */
export async function fetchAll(urls: string[]): Promise<{ fetched: Map<string, string>; failed: Array<{ url: string; reason: string }> }> {
  const fetched = new Map<string, string>();
  const failed: Array<{ url: string; reason: string }> = [];
  for (const url of urls) {
    try {
      const data = await openVfs(url).readIfExists();
      if (data === undefined) failed.push({ url, reason: 'not found' });
      else fetched.set(url, data.toString('utf8'));
    } catch (err) {
      failed.push({ url, reason: (err as Error).message.split('\n')[0] });
    }
  }
  return { fetched, failed };
}

/**
 * The cluster's state-store folder: the config's own location when it sits in the kops layout
 * (<base>/igconfig/<role>/<group>/nodeupconfig.yaml), else the folder of the channels manifest.
 */
export function configBaseOf(confUrl: string, channelsManifest: string | undefined): string | undefined {
  const fromConf = /^(.*)\/igconfig\/[^/]+\/[^/]+\/nodeupconfig\.yaml$/.exec(confUrl)?.[1];
  return fromConf ?? /^(.*)\/manifests\/channels\/[^/]+$/.exec(channelsManifest ?? '')?.[1];
}

/** The instance group a config in the kops layout (<base>/igconfig/<role>/<group>/nodeupconfig.yaml) belongs to. */
export function instanceGroupOf(confUrl: string): string | undefined {
  return /\/igconfig\/[^/]+\/([^/]+)\/nodeupconfig\.yaml$/.exec(confUrl)?.[1];
}

/**
 * The primary certificate and private key of each named keyset (`<keypairs>/private/<name>/keyset.yaml`, the kops
 * keystore layout); keysets that cannot be read are returned apart.
 */
export async function readKeypairs(
  keypairsBase: string,
  names: string[],
): Promise<{ keypairs: Map<string, Keypair>; trusted: Map<string, TrustedCertificate[]>; failed: Array<{ url: string; reason: string }> }> {
  const urls = names.map((name) => `${keypairsBase}/private/${name}/keyset.yaml`);
  const { fetched, failed } = await fetchAll(urls);
  const keypairs = new Map<string, Keypair>();
  const trusted = new Map<string, TrustedCertificate[]>();
  names.forEach((name, i) => {
    const text = fetched.get(urls[i]);
    if (text === undefined) return;
    const keyset = parse(text) as { spec?: { primaryId?: string; keys?: Array<{ id?: string; publicMaterial?: string; privateMaterial?: string; distrustTimestamp?: string }> } };
    const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');
    const items = (keyset.spec?.keys ?? []).filter((k) => !k.distrustTimestamp && k.publicMaterial);
    trusted.set(name, items.map((k) => ({ id: String(k.id), certificate: decode(k.publicMaterial!) })));
    const primary = keyset.spec?.keys?.find((k) => String(k.id) === String(keyset.spec?.primaryId));
    if (!primary?.publicMaterial || !primary.privateMaterial) {
      failed.push({ url: urls[i], reason: 'no primary key pair with private material' });
      return;
    }
    keypairs.set(name, { certificate: decode(primary.publicMaterial), privateKey: decode(primary.privateMaterial) });
  });
  return { keypairs, trusted, failed };
}

/**
 * A cluster secret (`<secrets>/<name>`, JSON `{"Data": "<base64>"}` as kops stores it), as text; undefined when the
 * store has no such secret.
 */
export async function readSecret(secretsBase: string, name: string): Promise<string | undefined> {
  const url = `${secretsBase}/${name}`;
  const data = await openVfs(url).readIfExists();
  if (data === undefined) return undefined;
  const parsed = JSON.parse(data.toString('utf8')) as { Data?: unknown };
  if (typeof parsed.Data !== 'string') throw new UserError(`${url}: the secret has no Data field`);
  return Buffer.from(parsed.Data, 'base64').toString('utf8');
}
