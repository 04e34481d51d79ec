import type { Blocker, ClusterObject, ClusterObjects } from '../../cloud/types.js';
import { deleteClusterFlow, type DeleteClusterOptions } from '../../ops/delete/cluster.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { renderTable } from '../output.js';
import { withCliLocks } from '../lock.js';
import { openClusterStore } from '../store.js';

export type { DeleteClusterOptions };

/** `kops delete cluster [NAME] [--yes]`: deletes every cloud object the cluster owns, then its state. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  expectArgs(inv, 0, 1, 'at most the name of the cluster');
  const name = await ctx.clusterName(inv.args[0]);
  const options: DeleteClusterOptions = {
    yes: inv.bool('yes'),
    unregister: inv.bool('unregister'),
    external: inv.bool('external'),
    region: inv.string('region') || undefined,
    policy: {
      waitMs: inv.number('wait'),
      intervalMs: inv.number('interval'),
      ...(inv.isSet('count') ? { maxAttempts: inv.number('count') } : {}),
    },
  };
  // The lock is released once the cluster's state is gone, so nobody starts on a half-deleted cluster.
  return withCliLocks(ctx, inv, options.yes ? [name] : [], () => deleteCluster(ctx, name, options));
}

/** Shared with `kops delete -f` for Cluster objects. */
export async function deleteCluster(ctx: CliContext, name: string, options: DeleteClusterOptions): Promise<number> {
  const store = await openClusterStore(ctx);
  const retried = new Set<string>();
  const outcome = await deleteClusterFlow(
    store,
    name,
    { ...options, env: ctx.env === process.env ? undefined : { ...ctx.env } },
    {
      found: (found) => writePlan(ctx, name, found),
      event: (e) => {
        if (e.object.internal && e.kind !== 'failed') return;
        if (e.kind === 'done') ctx.stdout.write(`${e.object.key}\t${e.object.action === 'untag' ? 'untagged' : 'ok'}\n`);
        else if (e.kind === 'retrying') {
          if (!retried.has(e.object.key)) ctx.stdout.write(`${e.object.key}\tstill has dependencies, will retry\n`);
          else ctx.log(1, `${e.object.key}\tstill has dependencies (${e.reason}), will retry`);
          retried.add(e.object.key);
        }
      },
    },
  );
  switch (outcome.kind) {
    case 'would-unregister':
      ctx.stdout.write(`Cluster "${name}" would be removed from the state store; its cloud resources stay.\n\nMust specify --yes to unregister the cluster\n`);
      return 0;
    case 'unregistered':
      ctx.stdout.write(`\nDeleted cluster: "${name}"\n`);
      return 0;
    case 'planned':
      ctx.stdout.write('\nMust specify --yes to delete cluster\n');
      return 0;
    case 'blocked':
      ctx.stderr.write(`error: nothing was deleted: resources outside cluster "${name}" use its network (listed above)\n  deal with them, then run 'kops delete cluster --name ${name} --yes' again\n`);
      return 1;
    case 'failed': {
      const { report } = outcome;
      for (const { item, reason } of report.failed) ctx.stderr.write(`error: could not delete ${label(item)}: ${reason}\n`);
      if (report.blockers.length > 0) writeBlockers(ctx, report.blockers);
      if (report.skipped.length > 0) ctx.stderr.write(`${report.skipped.length} more resource(s) were left for later because they depend on the above\n`);
      ctx.stderr.write(`  the cluster stays in the state store: fix the above, then run 'kops delete cluster --name ${name} --yes' again to finish\n`);
      return 1;
    }
    case 'deleted': {
      const { report } = outcome;
      const removed = report.done.filter((o) => !o.internal && o.action === 'delete').length;
      const untaggedCount = report.done.filter((o) => o.action === 'untag').length;
      ctx.stdout.write(`\nDeleted ${removed} cloud resource(s)${untaggedCount ? `, untagged ${untaggedCount} shared one(s)` : ''} in ${outcome.seconds.toFixed(1)}s\n`);
      const { kubeconfigPath, removeFromKubeconfig } = await import('../../ops/kubeconfig.js');
      if (await removeFromKubeconfig(kubeconfigPath(undefined, ctx.env), name)) ctx.stdout.write(`Deleted kubectl config for ${name}\n`);
      ctx.stdout.write(`Deleted cluster: "${name}"\n`);
      return 0;
    }
  }
}

function writePlan(ctx: CliContext, name: string, found: ClusterObjects): void {
  const shown = found.objects.filter((o) => !o.internal);
  const deleted = shown.filter((o) => o.action === 'delete');
  const untagged = shown.filter((o) => o.action === 'untag');
  if (deleted.length > 0) ctx.stdout.write(objectTable(deleted));
  if (untagged.length > 0) ctx.stdout.write(`\nShared resources (kept; only the tags of cluster "${name}" are removed):\n${objectTable(untagged)}`);
  if (shown.length === 0) ctx.stdout.write(`No cloud resources found for cluster "${name}"\n`);
  if (found.blockers.length > 0) writeBlockers(ctx, found.blockers);
}

function objectTable(objects: ClusterObject[]): string {
  return renderTable(['TYPE', 'NAME', 'ID'], objects.map((o) => [o.type, o.name, o.id]));
}

function label(r: ClusterObject): string {
  return r.name && r.name !== r.id ? `${r.type} ${r.id} (${r.name})` : `${r.type} ${r.id}`;
}

function writeBlockers(ctx: CliContext, blockers: Blocker[]): void {
  ctx.stderr.write('\nResources outside the cluster keep these from being deleted:\n');
  for (const b of blockers) ctx.stderr.write(`  ${b.blocked} is in use by ${b.by}\n    ${b.hint}\n`);
}
