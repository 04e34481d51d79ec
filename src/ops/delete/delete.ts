import { runRemovals, type RemovalPolicy, type RemovalReport } from '../../engine/run.js';
import type { Blocker, ClusterObject, CloudDiscovery } from '../../cloud/types.js';

export type DeletePolicy = RemovalPolicy;

export const defaultDeletePolicy: DeletePolicy = { concurrency: 8, waitMs: 10 * 60_000, maxAttempts: 0, intervalMs: 10_000, explainAfter: 3 };

export type DeleteEvent =
  | { kind: 'done'; object: ClusterObject }
  | { kind: 'retrying'; object: ClusterObject; reason: string }
  | { kind: 'failed'; object: ClusterObject; reason: string };

export type DeleteReport = RemovalReport<ClusterObject, Blocker>;

/**
 * Deletes (or untags) the discovered objects through the cloud's removal calls, on the engine's scheduler: users
 * before what they use, bounded concurrency, refusals retried within the policy, foreign holders named.
 */
export function deleteObjects(
  discovery: CloudDiscovery,
  objects: readonly ClusterObject[],
  policy: DeletePolicy = defaultDeletePolicy,
  onEvent: (e: DeleteEvent) => void = () => {},
): Promise<DeleteReport> {
  return runRemovals(
    objects,
    policy,
    {
      remove: (o) => discovery.remove(o),
      classify: (err) => discovery.classify(err),
      describe: (err) => discovery.describe(err),
      explain: (o) => discovery.explainRefusal(o),
    },
    (e) => onEvent(e.kind === 'done' ? { kind: 'done', object: e.item } : { kind: e.kind, object: e.item, reason: e.reason }),
  );
}
