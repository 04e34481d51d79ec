import type { Cluster, InstanceGroup } from '../../apis/types.js';
import { usesLoadBalancerName } from '../api-endpoint.js';
import { UserError } from '../../errors.js';
import type { KubeApi } from '../kube.js';
import type { ClusterCloud } from './access.js';
import { drainNode, seconds, taintForUpdate } from './drain.js';
import { roleClass } from '../../apis/instance-group-role.js';
import { groupNames, joinGroups, needingUpdate, upToDate, type Group, type Member } from './instances.js';
import type { KubeNode } from '../kube.js';
import { selectInstanceGroups } from './select.js';
import { resolveRollSettings } from './settings.js';
import { failureConcernsGroup, validateCluster, type ValidationResult } from './validate.js';

export interface RollOptions {
  /** Replace every instance, up to date or not. */
  force: boolean;
  /** No Kubernetes API: no drain, no validation (downtime). */
  cloudOnly: boolean;
  interactive: boolean;
  failOnDrainError: boolean;
  failOnValidate: boolean;
  postDrainDelayMillis: number;
  validationTimeoutMillis: number;
  validateCount: number;
  drainTimeoutMillis: number;
  bastionIntervalMillis: number;
  controlPlaneIntervalMillis: number;
  nodeIntervalMillis: number;
  /** Pause between validation attempts that failed (30s in the Go kops; never past the validation deadline). */
  validateRetryMillis: number;
  /** Pause between two successful validations, to see the cluster does not flap (10s in the Go kops). */
  validateSuccessMillis: number;
}

export interface RollDeps {
  cluster: Cluster;
  cloud: ClusterCloud;
  kube?: KubeApi;
  validate?: () => Promise<ValidationResult>;
  log: (line: string) => void;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Asked after each instance with --interactive. */
  prompt?: (question: string) => Promise<'yes' | 'no' | 'always'>;
}

/** The cluster being rolled, as rollDeps needs it. */
export interface RolledCluster {
  clusterName: string;
  cluster: Cluster;
  instanceGroups: InstanceGroup[];
  cloud: ClusterCloud;
}

/**
 * What a roll runs on: the cloud, the Kubernetes API when there is one (and validation through it), the real clock.
 * Between two successful validations the roll waits the Go kops's 10s.
 */
export function rollDeps(rolled: RolledCluster, kube: KubeApi | undefined, io: Pick<RollDeps, 'log' | 'prompt'>): RollDeps {
  const { clusterName, cluster, instanceGroups, cloud } = rolled;
  return {
    cluster,
    cloud,
    kube,
    validate: kube ? () => validateCluster({ clusterName, publishesDns: !usesLoadBalancerName(cluster), instanceGroups, cloud, kube }) : undefined,
    log: io.log,
    prompt: io.prompt,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** The groups a rolling update looks at (by --instance-group / --instance-group-roles), with their instances and nodes. */
export async function rolledGroups(rolled: RolledCluster, nodes: readonly KubeNode[], names: readonly string[], roles: readonly string[]): Promise<Group[]> {
  const selected = selectInstanceGroups(rolled.instanceGroups, names, roles, rolled.clusterName);
  return joinGroups(await rolled.cloud.groups.list(rolled.clusterName, groupNames(rolled.instanceGroups)), selected, nodes);
}

/** Whether a roll has anything to replace: an instance of an old configuration, or any with --force. */
export const needsRoll = (groups: readonly Group[], force: boolean): boolean => force || groups.some((g) => needingUpdate(g).length > 0);

/** The Go kops's pause between two successful validations while rolling. */
export const VALIDATE_SUCCESS_MILLIS = 10_000;

/**
 * Pause between failed validations: the Go kops's 30s, but at least ten tries within a shorter --validation-timeout
 * (never under a second), so that a short timeout still sees the cluster settle.
 */
export function validateRetryMillis(validationTimeoutMillis: number): number {
  return Math.min(30_000, Math.max(1_000, Math.floor(validationTimeoutMillis / 10)));
}

/** Validation did not pass in time (or a load balancer could not let go of an instance): the roll stops. */
export class RollStopped extends UserError {}

/** Exit code when the user answers no at an interactive prompt (as the Go kops). */
const STOPPED_BY_USER_EXIT_CODE = 3;

/**
 * Replaces the instances that need it, in the Go kops's order: bastions, then control-plane groups one instance at a
 * time, then API-server groups, then node groups.
 */
export async function rollingUpdate(deps: RollDeps, groups: Group[], options: RollOptions): Promise<void> {
  if (!options.cloudOnly && !deps.kube) throw new Error('a rolling update that is not --cloudonly needs the Kubernetes API');
  const state = { interactive: options.interactive };
  const byRole = (role: string) => groups.filter((g) => roleClass(g.spec) === role).sort((a, b) => (a.spec.metadata.name! < b.spec.metadata.name! ? -1 : 1));
  const roll = (g: Group, interval: number) => rollGroup(deps, g, options, interval, state);

  for (const g of byRole('bastion')) {
    try {
      await roll(g, options.bastionIntervalMillis);
    } catch (err) {
      throw new RollStopped(`bastion not healthy after update, stopping rolling-update: ${(err as Error).message}`, undefined, exitCodeOf(err));
    }
  }
  for (const g of byRole('control-plane')) {
    try {
      await roll(g, options.controlPlaneIntervalMillis);
    } catch (err) {
      throw new RollStopped(`control-plane node not healthy after update, stopping rolling-update: ${(err as Error).message}`, undefined, exitCodeOf(err));
    }
  }
  const errors: string[] = [];
  for (const g of [...byRole('apiserver'), ...byRole('node')]) {
    try {
      await roll(g, options.nodeIntervalMillis);
    } catch (err) {
      if (err instanceof RollStopped) throw err;
      deps.log(`failed to roll InstanceGroup "${g.spec.metadata.name}": ${(err as Error).message}`);
      errors.push(`${g.spec.metadata.name}: ${(err as Error).message}`);
    }
  }
  if (errors.length > 0) throw new UserError(`rolling update failed for ${errors.length} instance group(s): ${errors.join('; ')}`);
}

function exitCodeOf(err: unknown): number {
  return err instanceof UserError ? err.exitCode : 1;
}

async function rollGroup(deps: RollDeps, group: Group, o: RollOptions, interval: number, state: { interactive: boolean }): Promise<void> {
  const role = roleClass(group.spec);
  const name = group.spec.metadata.name ?? '';
  let noneReady = upToDate(group).length === 0;
  let update = o.force ? [...needingUpdate(group), ...upToDate(group)] : needingUpdate(group);
  if (update.length === 0) return;
  deps.log(`Rolling instance group "${name}": ${update.length} instance(s) to replace`);

  if (role !== 'bastion') await maybeValidate(deps, o, '', 1, group);
  if (!o.cloudOnly) await taintAll(deps, o, group, update);

  for (const m of update.filter((u) => u.state === 'WarmPool')) {
    deps.log(`deleting warm pool instance "${m.id}"`);
    await deps.cloud.groups.terminate(m.id, group.cloud);
  }
  update = update.filter((u) => u.state !== 'WarmPool');

  const settings = resolveRollSettings(deps.cluster, group.spec, group.members.length);
  let maxSurge = Math.min(settings.maxSurge, update.length);
  let maxConcurrency = maxSurge + settings.maxUnavailable;
  if (group.spec.spec?.manager === 'Karpenter') maxSurge = 0;
  if (role === 'control-plane' && maxSurge !== 0) {
    // A control-plane instance joins through its own API server and etcd member: it cannot be surged.
    maxSurge = 0;
    maxConcurrency = settings.maxUnavailable || 1;
  }
  if (state.interactive) {
    maxSurge = Math.min(maxSurge, 1);
    maxConcurrency = 1;
  }
  // Attached instances first, detached ones (surged earlier, their replacements already running) last.
  update = [...update.filter((u) => u.status !== 'Detached'), ...update.filter((u) => u.status === 'Detached')];

  if (maxSurge > 0 && !o.cloudOnly) {
    let skipped = 0;
    for (let surge = 1; surge <= maxSurge; surge++) {
      const u = update[update.length - surge - skipped];
      if (u.status === 'Detached') continue;
      try {
        deps.log(`Detaching instance "${u.id}"${nodePart(u)}, in group "${group.cloud.cloudName}".`);
        await deps.cloud.groups.detach(group.cloud, u.id);
        u.status = 'Detached';
      } catch (err) {
        deps.log(`failed to detach instance "${u.id}": ${(err as Error).message}`);
        skipped++;
        surge--;
        maxSurge = Math.min(maxSurge, update.length - skipped);
        continue;
      }
      if (surge === maxSurge || noneReady) {
        deps.log(`waiting for ${seconds(interval)} after detaching instance`);
        await deps.sleep(interval);
        await maybeValidate(deps, o, ' after detaching instance', o.validateCount, group);
        noneReady = false;
      }
    }
  }

  if (!settings.drainAndTerminate) {
    deps.log(`Rolling updates for InstanceGroup ${name} are disabled`);
    return;
  }

  const pool = new CompletionPool();
  for (let i = 0; i < update.length; i++) {
    const u = update[i];
    pool.start(drainTerminateAndWait(deps, o, u, interval));
    // After the first replacement of a group with no ready instance has validated, the rest may go concurrently.
    if (pool.running < maxConcurrency && (!noneReady || i > 0)) continue;
    await pool.next();
    await pool.settleOnError(() => maybeValidate(deps, o, ' after terminating instance', o.validateCount, group));
    if (state.interactive) {
      const answer = (await deps.prompt?.(`Continue? (Y)es, (N)o, (A)lwaysYes: [Y] `)) ?? 'yes';
      if (answer === 'no') {
        await pool.drain();
        throw new UserError('stopped at the user\'s request', undefined, STOPPED_BY_USER_EXIT_CODE);
      }
      if (answer === 'always') state.interactive = false;
    }
    await pool.sweep();
  }
  if (pool.running > 0) {
    await pool.all();
    await maybeValidate(deps, o, ' after terminating instance', o.validateCount, group);
  }
}

async function taintAll(deps: RollDeps, o: RollOptions, group: Group, update: Member[]): Promise<void> {
  const nodes = update.map((u) => u.node).filter((n) => n !== undefined);
  let tainted = 0;
  for (const node of nodes) {
    try {
      if (await taintForUpdate(deps.kube!, node)) tainted++;
    } catch (err) {
      if (o.failOnDrainError) throw new Error(`failed to taint node "${node.metadata?.name}": ${(err as Error).message}`);
      deps.log(`Ignoring error tainting node "${node.metadata?.name}": ${(err as Error).message}`);
    }
  }
  if (tainted > 0) deps.log(`Tainted ${tainted} ${tainted === 1 ? 'node' : 'nodes'} in "${group.spec.metadata.name}" instancegroup.`);
}

async function drainTerminateAndWait(deps: RollDeps, o: RollOptions, u: Member, interval: number): Promise<void> {
  const nodeName = u.node?.metadata?.name;
  if (roleClass(u.group.spec) !== 'bastion') {
    if (o.cloudOnly) deps.log(`Not draining cluster nodes as 'cloudonly' flag is set.`);
    else if (nodeName) {
      deps.log(`Draining the node: "${nodeName}".`);
      try {
        await drainNode(deps.kube!, nodeName, o.drainTimeoutMillis, deps, deps.log);
        if (o.postDrainDelayMillis > 0) {
          deps.log(`Waiting for ${seconds(o.postDrainDelayMillis)} for pods to stabilize after draining.`);
          await deps.sleep(o.postDrainDelayMillis);
        }
      } catch (err) {
        if (o.failOnDrainError) throw new Error(`failed to drain node "${nodeName}" of group "${u.group.spec.metadata.name}": ${(err as Error).message}`);
        deps.log(`Ignoring error draining node "${nodeName}": ${(err as Error).message}`);
      }
    } else deps.log(`Skipping drain of instance "${u.id}", because it is not registered in kubernetes`);
  }
  deps.log(`Stopping instance "${u.id}"${nodePart(u)}, in group "${u.group.cloud.cloudName}" (this may take a while).`);
  // A detached instance is no longer its group's: the group is not asked to terminate it.
  await deps.cloud.groups.terminate(u.id, u.status === 'Detached' ? undefined : u.group.cloud);
  deps.log(`waiting for ${seconds(interval)} after terminating instance`);
  await deps.sleep(interval);
}

const nodePart = (u: Member) => (u.node?.metadata?.name ? `, node "${u.node.metadata.name}"` : '');

async function maybeValidate(deps: RollDeps, o: RollOptions, operation: string, count: number, group: Group): Promise<void> {
  if (o.cloudOnly) {
    deps.log('Not validating cluster as cloudonly flag is set.');
    return;
  }
  deps.log('Validating the cluster.');
  try {
    await validateWithTimeout(deps, o, count, group);
  } catch (err) {
    if (o.failOnValidate) {
      throw new RollStopped(`error validating cluster${operation}: ${(err as Error).message}`, 'fix what the failures name, then run the rolling update again: it resumes where it stopped', 1);
    }
    deps.log(`Cluster validation failed${operation}, proceeding since fail-on-validate is set to false: ${(err as Error).message}`);
  }
}

async function validateWithTimeout(deps: RollDeps, o: RollOptions, count: number, group: Group): Promise<void> {
  if (count === 0) {
    deps.log('skipping cluster validation because validate-count was 0');
    return;
  }
  const deadline = deps.now() + o.validationTimeoutMillis;
  let successes = 0;
  let last = '';
  for (;;) {
    let failures: string[];
    try {
      const result = await deps.validate!();
      failures = result.failures.filter((f) => failureConcernsGroup(f, group.spec)).map((f) => f.message);
    } catch (err) {
      failures = [(err as Error).message];
    }
    if (failures.length === 0) {
      successes++;
      if (successes >= count) {
        deps.log('Cluster validated.');
        return;
      }
      deps.log(`Cluster validated; revalidating in ${seconds(o.validateSuccessMillis)} to make sure it does not flap.`);
      await deps.sleep(o.validateSuccessMillis);
      continue;
    }
    last = failures.join(', ');
    successes = 0;
    const left = deadline - deps.now();
    if (left <= 0) break;
    deps.log(`Cluster did not pass validation, will retry in ${seconds(Math.min(o.validateRetryMillis, left))}: ${last}.`);
    await deps.sleep(Math.min(o.validateRetryMillis, left));
  }
  throw new Error(`cluster did not validate within ${seconds(o.validationTimeoutMillis)} (group "${group.spec.metadata.name}"): ${last}`);
}

/** Drains and terminations under way, finishing in any order (the Go kops's channel of results). */
class CompletionPool {
  private done: unknown[] = [];
  private waiters: ((v: unknown) => void)[] = [];
  running = 0;

  start(work: Promise<void>): void {
    this.running++;
    const settle = (outcome: unknown) => {
      const waiter = this.waiters.shift();
      if (waiter) waiter(outcome);
      else this.done.push(outcome);
    };
    work.then(() => settle(undefined), (err: unknown) => settle(err ?? new Error('failed')));
  }

  /** Waits for the next to finish; throws its error after the others have finished too. */
  async next(): Promise<void> {
    const outcome = this.done.length > 0 ? this.done.shift() : await new Promise((resolve) => this.waiters.push(resolve));
    this.running--;
    if (outcome) {
      await this.drain();
      throw outcome;
    }
  }

  /** Runs `step`; if it throws, waits for the others first. */
  async settleOnError(step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (err) {
      await this.drain();
      throw err;
    }
  }

  /** Collects those already finished, without waiting. */
  async sweep(): Promise<void> {
    while (this.running > 0 && this.done.length > 0) await this.next();
  }

  async all(): Promise<void> {
    while (this.running > 0) await this.next();
  }

  /** Waits for everything under way, ignoring outcomes. */
  async drain(): Promise<void> {
    while (this.running > 0) {
      if (this.done.length === 0) await new Promise((resolve) => this.waiters.push((v) => (this.done.push(v), resolve(v))));
      this.done.shift();
      this.running--;
    }
  }
}

/**
 * `kops delete instance`: replaces one instance. With `surge` (not for the control plane) it is detached first and
 * the cluster validated with its replacement; then it is drained and terminated.
 */
export async function replaceInstance(deps: RollDeps, member: Member, options: RollOptions, surge: boolean): Promise<void> {
  if (surge) {
    if (roleClass(member.group.spec) === 'control-plane') deps.log('cannot detach control-plane instances. Assuming --surge=false');
    else if (member.group.spec.spec?.manager !== 'Karpenter' && member.status !== 'Detached') {
      deps.log(`Detaching instance "${member.id}"${nodePart(member)}, in group "${member.group.cloud.cloudName}".`);
      await deps.cloud.groups.detach(member.group.cloud, member.id);
      member.status = 'Detached';
      await maybeValidate(deps, options, ' after detaching instance', options.validateCount, member.group);
    }
  }
  await drainTerminateAndWait(deps, options, member, 0);
}
