/**
 * Crash consistency: `update --yes` and `delete --yes` killed (SIGKILL) at their Nth mutating call, cloud or state
 * store, before that call reaches moto or after moto did it but before the answer came back; the next run must
 * converge to the same end state as an uninterrupted one, with nothing leaked or duplicated.
 *
 * Every run covers the points that matter most (a create whose tagging is a separate call, the first keyset
 * write, the completed-spec write, the state-store removal at the end of delete) plus a rotating, seeded share of
 * all the others; KOPS_CRASH_SEED picks the rotation and KOPS_CRASH_POINTS how many per run.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { kops, kopsBin } from '../helpers/cli.js';
import { cloudInventory } from '../helpers/cloud-inventory.js';
import { seededRandom, startFaultProxy, type FaultProxy, type ProxiedCall } from '../helpers/fault-proxy.js';
import { startMotoForKops, type KopsOnMoto } from '../helpers/kops-on-moto.js';

const CLUSTER = 'crash.k8s.local';
const BUCKET = 'crash-state';
// A new rotation each day, the same all day (so a failure can be re-run with its seed).
const SEED = Number(process.env.KOPS_CRASH_SEED ?? Math.floor(Date.now() / 86_400_000));
const ROTATING_PER_RUN = Number(process.env.KOPS_CRASH_POINTS ?? 1);

let world: KopsOnMoto;
let proxy: FaultProxy;
let dir: string;
let env: Record<string, string>;
let pristine: string[];
let applied: string[];
let updateCalls: ProxiedCall[];
let deleteCalls: ProxiedCall[];

const UPDATE = ['update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false'];
// A delete that cannot finish says why within a minute instead of waiting the default ten.
const DELETE = ['delete', 'cluster', CLUSTER, '--yes', '--wait', '60s', '--interval', '2s'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kops-crash-'));
  world = await startMotoForKops(dir);
  const s3 = new S3Client({ region: 'us-east-1', endpoint: world.moto.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  proxy = await startFaultProxy({ target: world.moto.endpoint, rate: 0, seed: 3 });
  // The state store goes through the proxy too, so keyset and spec writes are calls a kill can land on.
  env = { ...world.env, AWS_ENDPOINT_URL: proxy.endpoint, KOPS_STATE_STORE: `s3://${BUCKET}` };
  pristine = await cloudInventory(world.moto.endpoint);

  await createCluster();
  proxy.reset();
  expect((await kops(UPDATE, { env })).code).toBe(0);
  updateCalls = proxy.calls.filter((c) => c.mutating);
  applied = await cloudInventory(world.moto.endpoint);
  proxy.reset();
  expect((await kops(DELETE, { env })).code).toBe(0);
  deleteCalls = proxy.calls.filter((c) => c.mutating);
  expect(await cloudInventory(world.moto.endpoint)).toEqual(pristine);
}, 180_000);

afterAll(async () => {
  await proxy?.stop();
  await world?.moto.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function createCluster(): Promise<void> {
  const created = await kops(['create', 'cluster', '--name', CLUSTER, '--zones', 'us-east-1a', '--ssh-public-key', world.sshPublicKey], { env });
  expect(created.code).toBe(0);
}

interface Point {
  nth: number;
  when: 'before' | 'after';
  why: string;
  /** Count only the calls this accepts (a named call rather than an index, which concurrency can reorder). */
  match?: (call: ProxiedCall) => boolean;
}

/** Runs kops and SIGKILLs it from the proxy at the point; resolves with what it had printed. */
function runKilledAt(args: string[], point: Point): Promise<{ killedAt?: ProxiedCall; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [kopsBin, ...args], { env: { ...process.env, ...env } });
    let output = '';
    let killedAt: ProxiedCall | undefined;
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    proxy.killAt({
      nth: point.nth,
      when: point.when,
      match: point.match,
      kill: (call) => {
        killedAt = call;
        child.kill('SIGKILL');
      },
    });
    child.on('error', reject);
    child.on('close', () => {
      proxy.killAt(undefined);
      resolve({ killedAt, output });
    });
  });
}

async function stateKeys(): Promise<string[]> {
  const s3 = new S3Client({ region: 'us-east-1', endpoint: world.moto.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  return ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key!);
}

/** The points every run covers, found in the uninterrupted run's calls, then a seeded rotation of the rest. */
function choosePoints(calls: ProxiedCall[], fixed: Array<Point | undefined>, random: () => number): Point[] {
  const points = fixed.filter((p): p is Point => p !== undefined);
  const taken = new Set<string>();
  for (let tries = 0; taken.size < ROTATING_PER_RUN && tries < 1000; tries++) {
    const nth = 1 + Math.floor(random() * calls.length);
    const when = random() < 0.5 ? 'before' : 'after';
    if (taken.has(`${nth}/${when}`)) continue;
    taken.add(`${nth}/${when}`);
    points.push({ nth, when, why: `rotating: mutating call ${nth} (${calls[nth - 1].action} in the uninterrupted run)` });
  }
  return points;
}

/** The first call of the uninterrupted run that `match` accepts, as a point (undefined when there is none). */
const at = (calls: ProxiedCall[], match: (c: ProxiedCall) => boolean, when: Point['when'], why: string): Point | undefined =>
  calls.some(match) ? { nth: 1, when, why, match } : undefined;

test(`update --yes and delete --yes killed at seeded points (seed ${SEED}) converge on the next run`, async () => {
  const random = seededRandom(SEED);
  // The create whose tags are written by a separate call (moto drops the tags CreateDhcpOptions carries).
  const taggedAfter = updateCalls.findLast((c, i) => c.service === 'ec2' && /^Create/.test(c.action) && i < updateCalls.findIndex((t) => t.action === 'CreateTags'));
  const named = (action: string | undefined) => (c: ProxiedCall) => c.action === action;
  const keysetWrite = (c: ProxiedCall) => c.service === 's3' && c.action.startsWith('PUT') && c.action.includes('/pki/');
  const specWrite = (c: ProxiedCall) => c.service === 's3' && c.action.startsWith('PUT') && c.action.endsWith('/cluster-completed.spec');
  const updatePoints = choosePoints(
    updateCalls,
    [
      at(updateCalls, named(taggedAfter?.action), 'after', `between ${taggedAfter?.action} and its CreateTags`),
      at(updateCalls, named('CreateVpc'), 'after', 'between CreateVpc and its attributes'),
      at(updateCalls, named('CreateAutoScalingGroup'), 'after', 'after the first CreateAutoScalingGroup'),
      at(updateCalls, keysetWrite, 'after', 'right after the first keyset write'),
      at(updateCalls, keysetWrite, 'before', 'at the first keyset write'),
      at(updateCalls, specWrite, 'before', 'at the completed-spec write'),
    ],
    random,
  );
  const stateRemoval = (c: ProxiedCall) => c.service === 's3' && !c.action.includes('/.kops-locks/');
  const deletePoints = choosePoints(
    deleteCalls,
    [at(deleteCalls, stateRemoval, 'after', 'after the first state-store removal'), at(deleteCalls, named('DeleteVpc'), 'before', 'at DeleteVpc')],
    random,
  );
  expect(taggedAfter, 'a create followed by a separate tagging call').toBeDefined();
  expect(updateCalls.some(keysetWrite), 'a keyset write through the state store').toBe(true);

  const failures: string[] = [];
  const rounds = Math.max(updatePoints.length, deletePoints.length);
  for (let round = 0; round < rounds; round++) {
    const up = updatePoints[round];
    const down = deletePoints[round];
    await createCluster();
    if (up) {
      const killed = await runKilledAt(UPDATE, up);
      if (!killed.killedAt) failures.push(`update point ${up.nth}/${up.when} (${up.why}) was never reached`);
    }
    progress(`round ${round}: update killed at ${up?.nth}/${up?.when} (${up?.why})`);
    const rerun = await kops(UPDATE, { env });
    const inventory = await cloudInventory(world.moto.endpoint);
    if (rerun.code !== 0) failures.push(`update killed at ${up?.nth}/${up?.when} (${up?.why}): the next run failed: ${rerun.stderr.trim().split('\n').slice(-2).join(' | ')}`);
    else if (JSON.stringify(inventory) !== JSON.stringify(applied)) failures.push(`update killed at ${up?.nth}/${up?.when} (${up?.why}): end state differs: ${diff(applied, inventory)}`);

    if (down) {
      const killed = await runKilledAt(DELETE, down);
      if (!killed.killedAt) failures.push(`delete point ${down.nth}/${down.when} (${down.why}) was never reached`);
    }
    progress(`round ${round}: delete killed at ${down?.nth}/${down?.when} (${down?.why})`);
    const cleanup = await kops(DELETE, { env });
    if (cleanup.code !== 0) failures.push(`delete killed at ${down?.nth}/${down?.when} (${down?.why}): the next run failed: ${cleanup.stderr.trim().split('\n').slice(-2).join(' | ')}`);
    const left = await cloudInventory(world.moto.endpoint);
    if (JSON.stringify(left) !== JSON.stringify(pristine)) failures.push(`delete killed at ${down?.nth}/${down?.when} (${down?.why}): left behind: ${diff(pristine, left)}`);
    const keys = await stateKeys();
    if (keys.length > 0) failures.push(`delete killed at ${down?.nth}/${down?.when}: state store keeps ${keys.slice(0, 3).join(', ')}`);
    if (failures.length > 0) break;
  }
  expect(failures).toEqual([]);
}, 600_000 + ROTATING_PER_RUN * 150_000);

function progress(line: string): void {
  if (process.env.KOPS_CRASH_PROGRESS) process.stderr.write(`${new Date().toISOString()} ${line}\n`);
}

function diff(expected: string[], actual: string[]): string {
  const missing = expected.filter((l) => !actual.includes(l));
  const extra = actual.filter((l) => !expected.includes(l));
  return `missing [${missing.join('; ')}] extra [${extra.join('; ')}]`;
}
