import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kops } from '../helpers/cli.js';
import { cloudInventory } from '../helpers/cloud-inventory.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { startMotoForKops, type KopsOnMoto } from '../helpers/kops-on-moto.js';

const CLUSTER = 'faults.k8s.local';
let world: KopsOnMoto;
let proxy: FaultProxy;
let dir: string;
let env: Record<string, string>;
let pristine: string[];
let faultFree: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kops-faults-'));
  world = await startMotoForKops(dir);
  proxy = await startFaultProxy({ target: world.moto.endpoint, rate: 0, seed: 14 });
  env = { ...world.env, AWS_ENDPOINT_URL: proxy.endpoint };
  pristine = await cloudInventory(world.moto.endpoint);

  // The reference: the same cluster made with no faults, then deleted.
  await createCluster();
  expect((await kops(['update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false'], { env })).code).toBe(0);
  faultFree = await cloudInventory(world.moto.endpoint);
  expect(faultFree.length).toBeGreaterThan(pristine.length + 20);
  expect((await kops(['delete', 'cluster', CLUSTER, '--yes'], { env })).code).toBe(0);
  expect(await cloudInventory(world.moto.endpoint)).toEqual(pristine);
}, 180_000);

afterAll(async () => {
  await proxy?.stop();
  await world?.moto.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function createCluster(): Promise<void> {
  const created = await kops(['create', 'cluster', '--name', CLUSTER, '--zones', 'us-east-1a', '--ssh-public-key', world.sshPublicKey], { env });
  expect(created.stderr).toBe('');
  expect(created.code).toBe(0);
}

for (const rate of [0.1, 0.3]) {
  test(`with ${rate * 100}% of AWS calls failing, update --yes and delete --yes finish in one run each, with the fault-free end state`, async () => {
    await createCluster();
    proxy.reset();
    proxy.setRate(rate);
    try {
      const update = await kops(['update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false', '-v', '2'], { env });
      expect(update.stderr).not.toMatch(/^error/m);
      expect(update.code).toBe(0);
      expect(update.stderr).toMatch(/^retrying \w+ \w+ in \d+ms \(attempt \d+\): /m);
      expect(await cloudInventory(world.moto.endpoint)).toEqual(faultFree);

      const removed = await kops(['delete', 'cluster', CLUSTER, '--yes', '-v', '2'], { env });
      expect(removed.stderr).not.toMatch(/^error/m);
      expect(removed.code).toBe(0);
      expect(await cloudInventory(world.moto.endpoint)).toEqual(pristine);
    } finally {
      proxy.setRate(0);
    }
    const faults = Object.values(proxy.injected).reduce((a, b) => a + b, 0);
    expect(faults).toBeGreaterThan(proxy.calls.length * rate * 0.5);
  }, 240_000);
}
