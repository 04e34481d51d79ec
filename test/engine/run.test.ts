import { describe, expect, test } from 'vitest';
import { parseLifecycleOverrides } from '../../src/engine/lifecycle.js';
import { formatPlan, formatSummary } from '../../src/engine/plan.js';
import { runTasks } from '../../src/engine/run.js';
import { ref } from '../../src/engine/task.js';
import { CloudError, FakeCloud, fakeOps, fakeProvider, task } from './fake-provider.js';

const noWait = () => 0;

function network() {
  const vpc = task('fake_vpc', 'main', { cidrBlock: '10.0.0.0/16', tags: { Name: 'main' } }, { kopsKind: 'VPC' });
  const subnet = task('fake_subnet', 'a', { vpcId: ref(vpc), cidrBlock: '10.0.1.0/24' }, { kopsKind: 'Subnet' });
  const role = task('fake_role', 'nodes', { path: '/' }, { kopsKind: 'IAMRole' });
  const profile = task('fake_profile', 'nodes', { role: ref(role, 'name') }, { kopsKind: 'IAMInstanceProfile' });
  return { vpc, subnet, role, profile, all: [profile, subnet, role, vpc] };
}

function setup() {
  const cloud = new FakeCloud();
  const provider = fakeProvider(cloud, [
    fakeOps('fake_vpc', { immutable: ['cidrBlock'] }),
    fakeOps('fake_subnet'),
    fakeOps('fake_role'),
    fakeOps('fake_profile'),
  ]);
  return { cloud, provider };
}

const mutating = (calls: string[]) => calls.filter((c) => !c.startsWith('find'));

describe('runTasks', () => {
  test('creates in dependency order, resolving references to the ids just created', async () => {
    const { cloud, provider } = setup();
    const { all } = network();
    const result = await runTasks(all, { provider, apply: true });
    expect(result.failed).toEqual([]);
    expect(mutating(cloud.calls)).toEqual(['create fake_role/nodes', 'create fake_vpc/main', 'create fake_profile/nodes', 'create fake_subnet/a']);
    const vpcId = cloud.objects.get('fake_vpc/main')!.id;
    expect(cloud.objects.get('fake_subnet/a')!.fields.vpcId).toBe(vpcId);
    expect(cloud.objects.get('fake_profile/nodes')!.fields.role).toBe('nodes');
    expect(formatSummary(result)).toBe('Resources: created 4, updated 0, unchanged 0');
  });

  test('a second apply makes no mutating call and the plan says there is nothing to do', async () => {
    const { cloud, provider } = setup();
    await runTasks(network().all, { provider, apply: true });
    cloud.calls.length = 0;
    const again = await runTasks(network().all, { provider, apply: true });
    expect(mutating(cloud.calls)).toEqual([]);
    expect(again.outcomes.map((o) => o.action)).toEqual(['none', 'none', 'none', 'none']);
    expect(formatPlan(await runTasks(network().all, { provider, apply: false }))).toBe('No changes need to be applied\n');
  });

  test('a dry run finds and diffs but makes no mutating call, showing refs to unborn objects by name', async () => {
    const { cloud, provider } = setup();
    const result = await runTasks(network().all, { provider, apply: false });
    expect(mutating(cloud.calls)).toEqual([]);
    // The subnet's VPC does not exist, so neither can the subnet: it is not even looked up.
    expect(cloud.calls).not.toContain('find fake_subnet/a');
    const plan = formatPlan(result);
    expect(plan).toContain('Will create resources:\n  IAMInstanceProfile/nodes\n');
    expect(plan).toContain('  Subnet/a\n  \tCidrBlock           \t10.0.1.0/24\n');
    expect(plan).toContain('  \tVpcId               \tname:main\n');
    expect(plan).not.toContain('Will modify');
  });

  test('an object whose field awaits a replacement (foundWithoutPending) is found and shown changing to it, then moved by apply', async () => {
    const cloud = new FakeCloud();
    const provider = fakeProvider(cloud, [fakeOps('fake_template'), fakeOps('fake_group', { foundWithoutPending: ['template'] })]);
    const plan = (name: string) => {
      const template = task('fake_template', name, { machine: name }, { kopsKind: 'Template' });
      return [template, task('fake_group', 'g', { template: ref(template), size: 1 }, { kopsKind: 'Group' })];
    };
    expect((await runTasks(plan('t1'), { provider, apply: true })).failed).toEqual([]);
    const first = cloud.objects.get('fake_group/g')!.fields.template;

    const preview = await runTasks(plan('t2'), { provider, apply: false });
    expect(preview.outcomes.map((o) => `${o.task.name} ${o.action}`)).toEqual(['t2 create', 'g update']);
    expect(formatPlan(preview)).toContain(`Will modify resources:\n  Group/g\n  \tTemplate            \t ${String(first)} -> name:t2\n`);
    expect(mutating(cloud.calls)).not.toContain('update fake_group/g template');

    expect((await runTasks(plan('t2'), { provider, apply: true })).failed).toEqual([]);
    expect(cloud.objects.get('fake_group/g')!.fields.template).toBe(cloud.objects.get('fake_template/t2')!.id);
    // Other fields are still awaited as before: a group naming a missing subnet is not looked up.
    const withSubnet = task('fake_group', 'h', { template: 'x', subnet: ref({ type: 'fake_subnet', name: 'missing' }) });
    const missing = task('fake_subnet', 'missing', {});
    cloud.calls.length = 0;
    await runTasks([missing, withSubnet], { provider: fakeProvider(cloud, [fakeOps('fake_subnet'), fakeOps('fake_group', { foundWithoutPending: ['template'] })]), apply: false });
    expect(cloud.calls).not.toContain('find fake_group/h');
  });

  test('a change made by hand is shown old -> new, then fixed by apply', async () => {
    const { cloud, provider } = setup();
    await runTasks(network().all, { provider, apply: true });
    cloud.objects.get('fake_vpc/main')!.fields.tags = { Name: 'renamed' };
    const plan = formatPlan(await runTasks(network().all, { provider, apply: false }));
    expect(plan).toBe('Will modify resources:\n  VPC/main\n  \tTags                \t {Name: renamed} -> {Name: main}\n\n');
    cloud.calls.length = 0;
    await runTasks(network().all, { provider, apply: true });
    expect(mutating(cloud.calls)).toEqual(['update fake_vpc/main tags']);
  });

  test('a change to multi-line text is shown as the lines that differ', async () => {
    const { cloud, provider } = setup();
    const script = (n: number) => task('fake_role', 'nodes', { userData: `#!/bin/bash\necho one\necho ${n}\nexit 0` }, { kopsKind: 'LaunchTemplate' });
    await runTasks([script(1)], { provider, apply: true });
    const plan = formatPlan(await runTasks([script(2)], { provider, apply: false }));
    expect(plan).toBe(`Will modify resources:\n  LaunchTemplate/nodes\n  \tUserData            \n  \t                    \t- echo 1\n  \t                    \t+ echo 2\n\n`);
    expect(cloud.objects.size).toBe(1);
    const created = formatPlan(await runTasks([{ ...script(3), name: 'other', spec: { ...script(3).spec, name: 'other' } }], { provider, apply: false }));
    expect(created).toContain('  \tUserData            \t<resource>\n');
  });

  test('a field the cloud does not report back is not a change', async () => {
    const { cloud, provider } = setup();
    await runTasks(network().all, { provider, apply: true });
    cloud.unreported.add('cidrBlock');
    const subnet = task('fake_subnet', 'a', { vpcId: ref(network().vpc), cidrBlock: '10.9.9.0/24' }, { kopsKind: 'Subnet' });
    const result = await runTasks([network().vpc, subnet], { provider, apply: false });
    expect(result.outcomes.map((o) => o.action)).toEqual(['none', 'none']);
  });

  test('an immutable field change is reported as "cannot change in place", and apply refuses it', async () => {
    const { cloud, provider } = setup();
    await runTasks(network().all, { provider, apply: true });
    const moved = task('fake_vpc', 'main', { cidrBlock: '172.20.0.0/16', tags: { Name: 'main' } }, { kopsKind: 'VPC' });
    const plan = formatPlan(await runTasks([moved], { provider, apply: false }));
    expect(plan).toContain('  \tCidrBlock           \t 10.0.0.0/16 -> 172.20.0.0/16\n  \tcannot change in place: cidrBlock\n');
    cloud.calls.length = 0;
    const result = await runTasks([moved], { provider, apply: true });
    expect(result.failed.map((o) => o.error)).toEqual(['cannot change in place: cidrBlock']);
    expect(mutating(cloud.calls)).toEqual([]);
  });

  test('never runs more tasks at once than the concurrency bound', async () => {
    const { cloud, provider } = setup();
    cloud.callDelayMs = 5;
    const many = Array.from({ length: 30 }, (_, i) => task('fake_role', `r${i}`, {}));
    await runTasks(many, { provider, apply: true, concurrency: 4 });
    expect(cloud.maxInFlight).toBe(4);
    expect(cloud.objects.size).toBe(30);
  });

  test('Ignore skips the task: no create, no update, and a failed look-up is no error', async () => {
    const { cloud, provider } = setup();
    const { role } = network();
    const result = await runTasks([{ ...role, lifecycle: 'Ignore' }], { provider, apply: true });
    expect(result.outcomes[0].action).toBe('skip');
    expect(mutating(cloud.calls)).toEqual([]);
    cloud.failures.set('find fake_role/nodes', [new CloudError('accessDenied', 'GetRole: denied')]);
    const unreadable = await runTasks([{ ...role, lifecycle: 'Ignore' }], { provider, apply: true });
    expect(unreadable.failed).toEqual([]);
  });

  test('ExistsAndValidates fails when the object is missing or differs', async () => {
    const { provider, cloud } = setup();
    const { role } = network();
    const missing = await runTasks([role], { provider, apply: true, lifecycleOverrides: parseLifecycleOverrides(['IAMRole=ExistsAndValidates']) });
    expect(missing.failed[0].error).toBe('IAMRole nodes does not exist, and its lifecycle ExistsAndValidates requires it to');
    cloud.put('fake_role', { name: 'nodes', path: '/other/' });
    const differs = await runTasks([role], { provider, apply: true, lifecycleOverrides: parseLifecycleOverrides(['IAMRole=ExistsAndValidates']) });
    expect(differs.failed[0].error).toContain('differs from its declaration (path)');
  });

  test('ExistsAndWarnIfChanges (set by --lifecycle-overrides on the kops kind) warns and leaves the object alone', async () => {
    const { provider, cloud } = setup();
    cloud.put('fake_role', { name: 'nodes', path: '/other/' });
    const { role, profile } = network();
    const result = await runTasks([role, profile], { provider, apply: true, lifecycleOverrides: parseLifecycleOverrides(['IAMRole=ExistsAndWarnIfChanges']) });
    expect(result.failed).toEqual([]);
    expect(result.outcomes[0].warnings).toEqual(['differs from its declaration (path); left unchanged (lifecycle ExistsAndWarnIfChanges)']);
    expect(mutating(cloud.calls)).toEqual(['create fake_profile/nodes']);
  });

  test('WarnIfInsufficientAccess turns access denied into a warning; Sync reports it as a failure', async () => {
    const { provider, cloud } = setup();
    const { role } = network();
    cloud.failures.set('create fake_role/nodes', [new CloudError('accessDenied', 'CreateRole: not authorized'), new CloudError('accessDenied', 'CreateRole: not authorized')]);
    const warned = await runTasks([{ ...role, lifecycle: 'WarnIfInsufficientAccess' }], { provider, apply: true });
    expect(warned.failed).toEqual([]);
    expect(warned.outcomes[0].warnings).toEqual(['insufficient access, skipped: CreateRole: not authorized']);
    const failed = await runTasks([role], { provider, apply: true });
    expect(failed.failed[0].error).toBe('CreateRole: not authorized');
  });

  test('retryable errors are retried a bounded number of times', async () => {
    const { provider, cloud } = setup();
    const { role } = network();
    cloud.failures.set('create fake_role/nodes', [new CloudError('retryable', 'not yet'), new CloudError('retryable', 'not yet')]);
    const ok = await runTasks([role], { provider, apply: true, retryDelay: noWait });
    expect(ok.failed).toEqual([]);
    const other = task('fake_role', 'other', {});
    cloud.failures.set('create fake_role/other', Array.from({ length: 10 }, () => new CloudError('retryable', 'still not')));
    const gaveUp = await runTasks([other], { provider, apply: true, retryDelay: noWait, maxAttempts: 3 });
    expect(gaveUp.failed[0].error).toBe('still not');
    expect(cloud.calls.filter((c) => c === 'create fake_role/other')).toHaveLength(3);
  });

  test('by default a retryable error (an account or profile still propagating) is retried for minutes, not found on create only six times', async () => {
    const { provider, cloud } = setup();
    const slow = task('fake_role', 'slow', {});
    cloud.failures.set('create fake_role/slow', Array.from({ length: 20 }, () => new CloudError('retryable', 'not visible yet')));
    expect((await runTasks([slow], { provider, apply: true, retryDelay: noWait })).failed).toEqual([]);
    expect(cloud.calls.filter((c) => c === 'create fake_role/slow')).toHaveLength(21);
    const missing = task('fake_role', 'missing', {});
    cloud.failures.set('create fake_role/missing', Array.from({ length: 20 }, () => new CloudError('notFound', 'InvalidGroup.NotFound')));
    expect((await runTasks([missing], { provider, apply: true, retryDelay: noWait })).failed[0].error).toBe('InvalidGroup.NotFound');
    expect(cloud.calls.filter((c) => c === 'create fake_role/missing')).toHaveLength(6);
  });

  test('a create that meets "not found" (a dependency not visible yet) is retried; a find is not', async () => {
    const { provider, cloud } = setup();
    const { role } = network();
    cloud.failures.set('create fake_role/nodes', [new CloudError('notFound', 'InvalidGroup.NotFound')]);
    const result = await runTasks([role], { provider, apply: true, retryDelay: noWait });
    expect(result.failed).toEqual([]);
    cloud.failures.set('find fake_role/nodes', [new CloudError('notFound', 'odd'), new CloudError('notFound', 'odd')]);
    const found = await runTasks([role], { provider, apply: true, retryDelay: noWait });
    expect(found.failed[0].error).toBe('odd');
  });

  test('a failed task stops its dependents but not the independent tasks', async () => {
    const { provider, cloud } = setup();
    cloud.failures.set('create fake_vpc/main', [new Error('boom')]);
    const result = await runTasks(network().all, { provider, apply: true });
    const byKey = Object.fromEntries(result.outcomes.map((o) => [o.key, o]));
    expect(byKey['fake_vpc/main'].error).toBe('boom');
    expect(byKey['fake_subnet/a'].error).toBe('not attempted: it depends on fake_vpc/main, which failed');
    expect(byKey['fake_profile/nodes'].applied).toBe(true);
  });

  test('a shared object is never created or changed, only tagged', async () => {
    const { provider, cloud } = setup();
    const shared = task('fake_vpc', 'theirs', { cidrBlock: '10.0.0.0/16', tags: { 'kubernetes.io/cluster/c': 'shared' } }, { shared: true, kopsKind: 'VPC' });
    const missing = await runTasks([shared], { provider, apply: true });
    expect(missing.failed[0].error).toContain('shared VPC theirs was not found');
    cloud.put('fake_vpc', { name: 'theirs', cidrBlock: '10.1.0.0/16', tags: {} });
    cloud.calls.length = 0;
    await runTasks([shared], { provider, apply: true });
    expect(mutating(cloud.calls)).toEqual(['update fake_vpc/theirs tags']);
  });
});
