import { roleClass } from '../../apis/instance-group-role.js';
import type { ClusterStore } from '../../statestore/clientset.js';
import { usesLoadBalancerName } from '../api-endpoint.js';
import { updateCluster, type UpdateClusterResult } from '../update/update.js';
import type { KubeAccess } from './access.js';
import type { Group } from './instances.js';
import { openOperatedCluster, type OperatedCluster } from './operated-cluster.js';
import { needsRoll, rollDeps, rolledGroups, rollingUpdate, validateRetryMillis, VALIDATE_SUCCESS_MILLIS, type RollOptions } from './rolling-update.js';
import { validateCluster } from './validate.js';
import { validateUntilValid } from './validate-wait.js';

const CONTROL_PLANE_ROLES = ['control-plane', 'apiserver'];
const API_WAIT_MILLIS = 10 * 60_000;
const API_WAIT_INTERVAL_MILLIS = 10_000;
const VALIDATION_TIMEOUT_MILLIS = 15 * 60_000;

/** The roll settings of a reconcile: the Go kops's rolling-update defaults (its reconcile parses no roll flags). */
export const RECONCILE_ROLL: RollOptions = {
  force: false,
  cloudOnly: false,
  interactive: false,
  failOnDrainError: false,
  failOnValidate: true,
  postDrainDelayMillis: 5_000,
  validationTimeoutMillis: VALIDATION_TIMEOUT_MILLIS,
  validateCount: 2,
  drainTimeoutMillis: 15 * 60_000,
  bastionIntervalMillis: 15_000,
  controlPlaneIntervalMillis: 15_000,
  nodeIntervalMillis: 15_000,
  validateRetryMillis: validateRetryMillis(VALIDATION_TIMEOUT_MILLIS),
  validateSuccessMillis: VALIDATE_SUCCESS_MILLIS,
};

export type ReconcileStep = 'update-control-plane' | 'wait-for-api' | 'roll-control-plane' | 'update-nodes' | 'roll-nodes' | 'prune';

/** What a reconcile tells as it goes; the CLI prints it. */
export interface ReconcileEvents {
  step(step: ReconcileStep): void;
  /** An update step applied its changes. */
  updated(result: UpdateClusterResult): void;
  /** The groups a roll step looks at, before it replaces anything. */
  rollPlanned(groups: readonly Group[]): void;
  /** A roll step is over: `rolled` is false when nothing needed replacing. */
  rollDone(groups: readonly Group[], rolled: boolean): void;
  /** The API did not validate yet: why, before the next attempt. */
  waitRetry(why: string): void;
}

export interface ReconcileOptions {
  env: Record<string, string | undefined>;
  clock: () => Date;
  /** How to reach the Kubernetes API (--api-server, --use-kubeconfig). */
  access: KubeAccess;
  /** The update's plan (stdout). */
  print: (text: string) => void;
  /** Progress, warnings and failures, one line each (stderr). */
  log: (line: string) => void;
  events: ReconcileEvents;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * `reconcile cluster --yes`, in the Go kops's order: the control plane's configuration, a wait for its API, a roll of
 * the control plane, the nodes' configuration, a roll of the nodes, and a last update that prunes. The caller holds
 * the cluster's lock.
 */
export async function reconcileCluster(store: ClusterStore, clusterName: string, options: ReconcileOptions): Promise<void> {
  const { events } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const update = async (instanceGroupRoles: readonly string[]) => {
    const result = await updateCluster(store, clusterName, {
      target: 'direct',
      yes: true,
      instanceGroupRoles,
      env: options.env,
      clock: options.clock,
      print: options.print,
      log: options.log,
    });
    events.updated(result);
  };

  events.step('update-control-plane');
  await update(CONTROL_PLANE_ROLES);

  events.step('wait-for-api');
  const cluster = await openOperatedCluster(store, clusterName, options.access, { clock: options.clock });
  const kube = await cluster.kube();
  await validateUntilValid(
    () =>
      validateCluster({
        clusterName,
        publishesDns: !usesLoadBalancerName(cluster.cluster),
        instanceGroups: cluster.instanceGroups,
        cloud: cluster.cloud,
        kube,
        groupFilter: (ig) => CONTROL_PLANE_ROLES.includes(roleClass(ig)),
        checkPods: false,
      }),
    {
      waitMillis: API_WAIT_MILLIS,
      count: 0,
      intervalMillis: API_WAIT_INTERVAL_MILLIS,
      now: () => options.clock().getTime(),
      sleep,
      onResult: () => undefined,
      onRetry: events.waitRetry,
    },
  );

  events.step('roll-control-plane');
  await roll(cluster, CONTROL_PLANE_ROLES, options);
  events.step('update-nodes');
  await update([]);
  events.step('roll-nodes');
  await roll(cluster, [], options);
  events.step('prune');
  await update([]);
}

async function roll(cluster: OperatedCluster, roles: readonly string[], options: ReconcileOptions): Promise<void> {
  const kube = await cluster.kube();
  const groups = await rolledGroups(cluster, await kube.listNodes(), [], roles);
  options.events.rollPlanned(groups);
  if (!needsRoll(groups, RECONCILE_ROLL.force)) {
    options.events.rollDone(groups, false);
    return;
  }
  await rollingUpdate(rollDeps(cluster, kube, { log: options.log }), groups, RECONCILE_ROLL);
  options.events.rollDone(groups, true);
}
