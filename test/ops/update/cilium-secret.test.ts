import { beforeEach, describe, expect, test } from 'vitest';
import type { Cluster } from '../../../src/apis/types.js';
import { UserError } from '../../../src/errors.js';
import { cilium } from '../../../src/addons/templates/cilium.js';
import { loadCiliumSecret } from '../../../src/ops/update/cilium-secret.js';
import { SecretStore } from '../../../src/pki/secrets.js';
import { openVfs, resetMemfs } from '../../../src/statestore/index.js';

const KEYS = 'keys: 3 rfc4106(gcm(aes)) 0123456789abcdef 128';
const withCilium = (settings: Record<string, unknown>): Cluster =>
  ({ apiVersion: 'kops.k8s.io/v1alpha2', kind: 'Cluster', metadata: { name: 'c.example.com' }, spec: { networking: { cilium: settings } } }) as Cluster;

describe("Cilium's ciliumpassword secret", () => {
  let secrets: SecretStore;
  beforeEach(() => {
    resetMemfs();
    secrets = new SecretStore(openVfs('memfs://state/c.example.com/secrets'));
  });

  test('IPsec encryption without the secret stops the build, naming the field and the command that fixes it', async () => {
    const err = await loadCiliumSecret(withCilium({ enableEncryption: true, encryptionType: 'ipsec' }), secrets).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain('spec.networking.cilium.enableEncryption');
    expect(err.hint).toContain('kops create secret ciliumpassword');
  });

  test('the secret, when there is one, is read for any Cilium cluster; WireGuard and no encryption need none', async () => {
    expect(await loadCiliumSecret(withCilium({ enableEncryption: true, encryptionType: 'wireguard' }), secrets)).toBeUndefined();
    expect(await loadCiliumSecret(withCilium({}), secrets)).toBeUndefined();
    await secrets.put('ciliumpassword', Buffer.from(KEYS), { replace: false });
    expect(await loadCiliumSecret(withCilium({ enableEncryption: true, encryptionType: 'ipsec' }), secrets)).toBe(KEYS);
    expect(await loadCiliumSecret({ ...withCilium({}), spec: { networking: { calico: {} } } } as Cluster, secrets)).toBeUndefined();
  });

  test('the manifest carries the keys in the cilium-ipsec-keys Secret', () => {
    const manifest = cilium({ metadata: { name: 'c.example.com' }, spec: { networking: { cilium: { enableEncryption: true, encryptionType: 'ipsec' } } } }, { kopsVersion: '1.37.0', ciliumSecret: KEYS });
    expect(manifest).toMatch(/name: cilium-ipsec-keys\n {2}namespace: kube-system\nstringData:\n {2}keys: 3 rfc4106/);
    expect(manifest).toContain('enable-ipsec: "true"');
  });
});
