import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { gceCloud } from '../../../src/cloud/gce/cloud.js';
import { addPolicyMember, GceIam } from '../../../src/cloud/gce/iam.js';
import { GceProjectIamBinding, GceServiceAccount } from '../../../src/cloud/gce/resources/index.js';
import { runTasks } from '../../../src/engine/run.js';
import { ref, type Task } from '../../../src/engine/task.js';
import { startComputeFake, type ComputeFake } from '../../helpers/compute-fake.js';
import { writeServiceAccountKey } from '../../helpers/gce-credentials.js';

const P = 'p1';
let fake: ComputeFake;
let env: NodeJS.ProcessEnv;
const iam = () => new GceIam(env);

beforeAll(async () => {
  fake = await startComputeFake();
  env = { KOPS_GCE_ENDPOINT: fake.endpoint, GOOGLE_APPLICATION_CREDENTIALS: writeServiceAccountKey(P) };
  vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', env.GOOGLE_APPLICATION_CREDENTIALS!);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake?.stop();
});

const status = (p: Promise<unknown>) => p.then(() => 'ok', (err: { status?: number }) => err.status);

describe('the IAM and Resource Manager REST fake, through the generated clients at the KOPS_GCE_ENDPOINT root', () => {
  test('service accounts: created by account id, 409 when taken, listed page by page, written, 404 after delete', async () => {
    const api = iam();
    const made = await api.createServiceAccount(P, 'fake-one', { displayName: 'one' });
    expect(made).toEqual({ name: 'projects/p1/serviceAccounts/fake-one@p1.iam.gserviceaccount.com', email: 'fake-one@p1.iam.gserviceaccount.com', displayName: 'one', description: undefined });
    expect(await status(api.createServiceAccount(P, 'fake-one', {}))).toBe(409);
    expect(await status(api.createServiceAccount(P, 'Bad_Id', {}))).toBe(400);
    expect(fake.requests.at(-1)).toBe('POST /v1/projects/p1/serviceAccounts');

    await api.updateServiceAccount(made.email, { description: 'first', displayName: 'one' });
    expect(await api.getServiceAccount(made.email)).toMatchObject({ description: 'first', displayName: 'one' });

    for (let i = 0; i < 3; i++) await api.createServiceAccount(P, `fake-page-${i}`, {});
    const pages: unknown[] = [];
    let token = '';
    do {
      const res = await fetch(`${fake.endpoint}/v1/projects/p1/serviceAccounts?pageSize=2${token ? `&pageToken=${token}` : ''}`);
      const page = (await res.json()) as { accounts: { email: string }[]; nextPageToken?: string };
      pages.push(page.accounts.map((a) => a.email.split('@')[0]));
      token = page.nextPageToken ?? '';
    } while (token);
    expect(pages).toEqual([['fake-one', 'fake-page-0'], ['fake-page-1', 'fake-page-2']]);
    expect((await api.listServiceAccounts(P)).map((a) => a.email.split('@')[0])).toEqual(['fake-one', 'fake-page-0', 'fake-page-1', 'fake-page-2']);

    await api.deleteServiceAccount(made.name);
    expect(await api.getServiceAccount(made.email)).toBeUndefined();
    expect(await status(api.deleteServiceAccount(made.name))).toBe(404);
    const unknownField = await fetch(`${fake.endpoint}/v1/projects/p1/serviceAccounts`, { method: 'POST', body: JSON.stringify({ accountId: 'fake-two', serviceAccount: { owner: 'x' } }) });
    expect(unknownField.status).toBe(400);
  });

  test('a policy is written with the etag read: a stale etag gets 409 ABORTED, and a read-modify-write starts over', async () => {
    const api = iam();
    const first = await api.getProjectPolicy('p2');
    expect(first).toMatchObject({ etag: expect.any(String), bindings: [] });
    await api.modifyProjectPolicy('p2', (p) => addPolicyMember(p, 'roles/viewer', 'user:a@example.com'));
    const stale = await fetch(`${fake.endpoint}/v1/projects/p2:setIamPolicy`, { method: 'POST', body: JSON.stringify({ policy: { etag: first.etag, bindings: [] } }) });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { status: string } }).error.status).toBe('ABORTED');

    let calls = 0;
    const changed = await api.modifyProjectPolicy('p2', (p) => {
      // Someone else writes the policy between our first read and our write.
      if (calls++ === 0) fake.iam.policies.set('projects/p2', { version: 1, etag: 'other-writer', bindings: [{ role: 'roles/editor', members: ['user:b@example.com'] }] });
      return addPolicyMember(p, 'roles/viewer', 'user:c@example.com');
    });
    expect(changed).toBe(true);
    expect(calls).toBe(2);
    expect((await api.getProjectPolicy('p2')).bindings).toEqual([
      { role: 'roles/editor', members: ['user:b@example.com'] },
      { role: 'roles/viewer', members: ['user:c@example.com'] },
    ]);
    expect(await api.modifyProjectPolicy('p2', (p) => addPolicyMember(p, 'roles/viewer', 'user:c@example.com'))).toBe(false);
  });
});

describe('service accounts and project IAM bindings through the engine', () => {
  const tasks = (description = 'kubernetes worker nodes'): Task[] => {
    const account = GceServiceAccount.task('node', { email: 'node-c@p1.iam.gserviceaccount.com', accountId: 'node-c', project: P, description, displayName: 'node' });
    const binding = GceProjectIamBinding.task('node-binding', { project: P, role: 'roles/container.serviceAgent', members: [ref(account, 'email', 'serviceAccount:')] });
    return [account, binding];
  };
  const provider = () => gceCloud({ project: P, region: 'europe-west4', env }).direct();
  const run = (list: Task[], apply: boolean) => runTasks(list, { provider: provider(), apply, retryDelay: () => 1 });
  const actions = (r: Awaited<ReturnType<typeof run>>) => r.outcomes.map((o) => `${o.task.name} ${o.action}${o.action === 'update' ? ` ${o.changes.map((c) => c.field).join(',')}` : ''}`);
  const mutating = (from: number) => fake.requests.slice(from).filter((r) => !r.startsWith('GET ') && !r.endsWith(':getIamPolicy'));

  test('made once, found unchanged, described anew in place, and deleted leaving the policy’s other members', async () => {
    fake.iam.policies.set('projects/p1', { version: 1, etag: 'seed', bindings: [{ role: 'roles/container.serviceAgent', members: ['user:admin@example.com'] }, { role: 'roles/owner', members: ['user:admin@example.com'] }] });
    const created = await run(tasks(), true);
    expect(created.failed).toEqual([]);
    expect(actions(created)).toEqual(['node create', 'node-binding create']);
    expect(fake.iam.policies.get('projects/p1')?.bindings).toEqual([
      { role: 'roles/container.serviceAgent', members: ['user:admin@example.com', 'serviceAccount:node-c@p1.iam.gserviceaccount.com'] },
      { role: 'roles/owner', members: ['user:admin@example.com'] },
    ]);

    let mark = fake.requests.length;
    expect(actions(await run(tasks(), true))).toEqual(['node none', 'node-binding none']);
    expect(mutating(mark)).toEqual([]);

    mark = fake.requests.length;
    expect(actions(await run(tasks('workers'), true))).toEqual(['node update description', 'node-binding none']);
    expect(mutating(mark)).toEqual(['PUT /v1/projects/p1/serviceAccounts/node-c@p1.iam.gserviceaccount.com']);

    const found = await run(tasks('workers'), false);
    const ops = provider();
    for (const outcome of [...found.outcomes].reverse()) await ops.ops(outcome.task.type)!.delete(ops.cloud, outcome.actual!);
    expect([...fake.iam.resources.keys()].filter((k) => k.includes('node-c'))).toEqual([]);
    expect(fake.iam.policies.get('projects/p1')?.bindings).toEqual([
      { role: 'roles/container.serviceAgent', members: ['user:admin@example.com'] },
      { role: 'roles/owner', members: ['user:admin@example.com'] },
    ]);
  });

  test('a binding naming an account IAM has not propagated yet is retried until the account is seen; one naming no account fails', async () => {
    fake.iam.accountPropagation = 2;
    const account = GceServiceAccount.task('late', { email: 'late-c@p1.iam.gserviceaccount.com', accountId: 'late-c', project: P, displayName: 'late' });
    const binding = GceProjectIamBinding.task('late-binding', { project: P, role: 'roles/viewer', members: [ref(account, 'email', 'serviceAccount:')] });
    const retried: string[] = [];
    try {
      const made = await runTasks([account, binding], { provider: provider(), apply: true, retryDelay: () => 1, onEvent: (e) => e.kind === 'retrying' && retried.push(`${e.key} ${e.message}`) });
      expect(made.failed).toEqual([]);
      expect(retried).toEqual(Array(2).fill('google_project_iam_binding/late-binding 400 INVALID_ARGUMENT: Service account late-c@p1.iam.gserviceaccount.com does not exist.'));
      expect(fake.iam.policies.get('projects/p1')?.bindings).toContainEqual({ role: 'roles/viewer', members: ['serviceAccount:late-c@p1.iam.gserviceaccount.com'] });
    } finally {
      fake.iam.accountPropagation = 0;
    }

    const orphan = GceProjectIamBinding.task('orphan-binding', { project: P, role: 'roles/viewer', members: ['serviceAccount:never-made@p1.iam.gserviceaccount.com'] });
    const failed = await runTasks([orphan], { provider: provider(), apply: true, maxAttempts: 3, retryDelay: () => 1 });
    expect(failed.failed.map((o) => o.error)).toEqual(['400 INVALID_ARGUMENT: Service account never-made@p1.iam.gserviceaccount.com does not exist.']);
  });

  test('a shared account must exist; the default one is never looked up', async () => {
    const shared = (email: string) => [GceServiceAccount.task('shared', { email, accountId: email.split('@')[0], project: P }, { shared: true })];
    expect((await run(shared('default'), true)).failed).toEqual([]);
    const missing = await run(shared('gone-sa@p1.iam.gserviceaccount.com'), true);
    expect(missing.failed.map((o) => o.error)).toEqual([expect.stringMatching(/shared ServiceAccount shared was not found/)]);
  });
});
