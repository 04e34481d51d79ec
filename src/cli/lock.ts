import { withClusterLock } from '../ops/lock.js';
import { openVfs } from '../statestore/index.js';
import type { CliContext } from './context.js';
import type { Invocation } from './invocation.js';
import type { Manifests } from './manifests.js';

/**
 * Runs `work` holding the lock of each named cluster (taken in name order, so two commands never wait on each
 * other), waiting up to --lock-timeout for another writer.
 */
export async function withCliLocks<T>(ctx: CliContext, inv: Invocation, clusterNames: Iterable<string>, work: () => Promise<T>): Promise<T> {
  const root = openVfs(await ctx.stateStoreUrl());
  const command = [inv.commandPath, ...inv.args].join(' ');
  const names = [...new Set(clusterNames)].filter(Boolean).sort();
  const hold = (i: number): Promise<T> =>
    i === names.length
      ? work()
      : withClusterLock({ root, clusterName: names[i], command, timeoutMs: inv.number('lock-timeout'), warn: (m) => ctx.stderr.write(`warning: ${m}\n`) }, () => hold(i + 1));
  return hold(0);
}

/** The clusters whose state a `create -f`/`replace -f` input writes. */
export function manifestClusters(manifests: Manifests): string[] {
  return [
    ...manifests.clusters.map((c) => c.object.metadata.name ?? ''),
    ...manifests.instanceGroups.map((g) => g.clusterName),
    ...manifests.sshCredentials.map((c) => c.clusterName),
  ];
}
