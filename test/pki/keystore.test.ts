import { describe, expect, test } from 'vitest';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openVfs } from '../../src/statestore/index.js';
import { Keystore, clusterKeysetNames } from '../../src/pki/keystore.js';
import { decodeKeyset } from '../../src/pki/keyset.js';
import { parseCertificate } from '../../src/pki/certificates.js';
import type { IssueEnv } from '../../src/pki/certificates.js';
import * as x509 from '@peculiar/x509';

function fixedEnv(startMillis = Date.UTC(2026, 0, 1)): IssueEnv {
  let t = startMillis;
  let r = 7;
  return { now: () => new Date((t += 1000)), random32: () => (r = (r * 1103515245 + 12345) >>> 0) };
}

function memKeystore(name: string): Keystore {
  return new Keystore(openVfs(`memfs://pki-tests/${name}/pki`), fixedEnv(), 1024);
}

describe('keystore', () => {
  test('creates the keysets a cluster needs, each with a self-signed CA whose serial is its id', async () => {
    const ks = memKeystore('create');
    const names = clusterKeysetNames(['main', 'events']);
    expect(names).toContain('etcd-manager-ca-main');
    expect(names).toContain('etcd-peers-ca-events');
    expect(await ks.ensureKeysets(names)).toEqual(names);
    const ca = await ks.get('kubernetes-ca');
    const cert = parseCertificate(ca.items[0].certificatePem);
    expect(BigInt('0x' + cert.serialNumber).toString()).toBe(ca.primaryId);
    expect(cert.subject).toBe('CN=kubernetes-ca');
    expect(cert.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true);
    expect(await ks.list()).toEqual(names);
  });

  test('a cluster registering with a discovery service also needs the discovery CA', () => {
    expect(clusterKeysetNames(['main'])).not.toContain('discovery-ca');
    expect(clusterKeysetNames(['main'], true)).toContain('discovery-ca');
  });

  test('never regenerates a keyset that exists', async () => {
    const ks = memKeystore('idempotent');
    await ks.ensureKeysets(['kubernetes-ca']);
    const before = await ks.get('kubernetes-ca');
    expect(await ks.ensureKeysets(['kubernetes-ca'])).toEqual([]);
    expect(await ks.get('kubernetes-ca')).toEqual(before);
  });

  test('the issued copy holds certificates only; the private copy holds the keys', async () => {
    const base = openVfs('memfs://pki-tests/layout/pki');
    const ks = new Keystore(base, fixedEnv(), 1024);
    await ks.ensureKeysets(['kubernetes-ca']);
    const privateText = (await base.join('private/kubernetes-ca/keyset.yaml').read()).toString();
    const issuedText = (await base.join('issued/kubernetes-ca/keyset.yaml').read()).toString();
    expect(privateText).toMatch(/privateMaterial: /);
    expect(issuedText).not.toMatch(/privateMaterial/);
    expect(issuedText).toMatch(/^apiVersion: kops.k8s.io\/v1alpha2\nkind: Keyset\n/);
    expect(decodeKeyset(issuedText, 'issued').items[0].privateKeyPem).toBeUndefined();
  });

  test('rotation: add a keypair, promote it, distrust the old one, trust it again', async () => {
    const ks = memKeystore('rotate');
    await ks.ensureKeysets(['kubernetes-ca']);
    const first = (await ks.get('kubernetes-ca')).primaryId;
    const added = await ks.addKeypair('kubernetes-ca', {});
    expect((await ks.get('kubernetes-ca')).primaryId).toBe(first);
    expect((await ks.promote('kubernetes-ca')).id).toBe(added.id);
    expect(await ks.distrust('kubernetes-ca', [], new Date('2026-02-03T04:05:06.789Z'))).toEqual([first]);
    const distrusted = await ks.get('kubernetes-ca');
    expect(distrusted.items.find((i) => i.id === first)?.distrustTimestamp).toBe('2026-02-03T04:05:06Z');
    await expect(ks.distrust('kubernetes-ca', [added.id], new Date())).rejects.toThrow(/is the primary/);
    await ks.trust('kubernetes-ca', [first]);
    expect((await ks.get('kubernetes-ca')).items.every((i) => !i.distrustTimestamp)).toBe(true);
  });

  test('imports a CA from PEM, keyed by its serial', async () => {
    const source = memKeystore('import-source');
    await source.ensureKeysets(['kubernetes-ca']);
    const item = (await source.get('kubernetes-ca')).items[0];
    const ks = memKeystore('import');
    const imported = await ks.addKeypair('kubernetes-ca', { certificatePem: item.certificatePem, privateKeyPem: item.privateKeyPem, primary: true });
    expect(imported.id).toBe(item.id);
    await expect(ks.addKeypair('kubernetes-ca', { certificatePem: 'junk' })).rejects.toThrow(/--cert is not a PEM certificate/);
  });

  test('a tampered or truncated keyset is a clear error and is not overwritten', async () => {
    const base = openVfs('memfs://pki-tests/tamper/pki');
    const ks = new Keystore(base, fixedEnv(), 1024);
    await ks.ensureKeysets(['kubernetes-ca']);
    const path = base.join('private/kubernetes-ca/keyset.yaml');
    const text = (await path.read()).toString();
    const truncated = text.slice(0, Math.floor(text.length / 2));
    await path.write(truncated);
    await expect(ks.get('kubernetes-ca')).rejects.toThrow(/keyset.yaml/);
    await expect(ks.ensureKeysets(['kubernetes-ca'])).rejects.toThrow(/keyset.yaml/);
    expect((await path.read()).toString()).toBe(truncated);

    const other = await memKeystore('tamper-other');
    await other.ensureKeysets(['kubernetes-ca']);
    const otherKey = (await other.get('kubernetes-ca')).items[0].privateKeyPem!;
    const swapped = text.replace(/privateMaterial: \S+/, `privateMaterial: ${Buffer.from(otherKey).toString('base64')}`);
    await path.write(swapped);
    await expect(ks.get('kubernetes-ca')).rejects.toThrow(/does not belong to the certificate/);
  });

  test('private keysets on a file:// store are written 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kops-pki-'));
    const ks = new Keystore(openVfs(`file://${dir}/c/pki`), fixedEnv(), 1024);
    await ks.ensureKeysets(['kubernetes-ca']);
    expect(statSync(join(dir, 'c/pki/private/kubernetes-ca/keyset.yaml')).mode & 0o777).toBe(0o600);
  });
});
