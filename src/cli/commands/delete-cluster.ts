import { createAwsClients, describeAwsError, environmentError, verifyAwsAccess, type AwsClients } from '../../cloud/aws/clients.js';
import { regionOfZone } from '../../cloud/aws/lookup.js';
import { UserError } from '../../errors.js';
import { defaultDeletePolicy, deleteResources, type DeletePolicy } from '../../ops/delete/delete.js';
import { discoverCluster } from '../../ops/delete/discover.js';
import type { Blocker, ClusterResource } from '../../ops/delete/resource.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { renderTable } from '../output.js';
import { withCliLocks } from '../lock.js';
import { openClusterStore } from '../store.js';

export interface DeleteClusterOptions {
  yes: boolean;
  unregister?: boolean;
  external?: boolean;
  region?: string;
  policy?: Partial<DeletePolicy>;
}

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
  const cluster = await store.getCluster(name);
  if (!cluster && !options.external) {
    throw new UserError(`cluster "${name}" not found in the state store`, 'check --name and --state; --external deletes the cloud resources of a cluster the state store does not hold');
  }
  if (options.unregister) {
    if (!cluster) throw new UserError(`cluster "${name}" is not registered in the state store`);
    if (!options.yes) {
      ctx.stdout.write(`Cluster "${name}" would be removed from the state store; its cloud resources stay.\n\nMust specify --yes to unregister the cluster\n`);
      return 0;
    }
    await store.deleteClusterState(name);
    ctx.stdout.write(`\nDeleted cluster: "${name}"\n`);
    return 0;
  }
  const cloud = cluster?.spec?.cloudProvider ?? 'aws';
  if (cloud !== 'aws') throw new UserError(`cluster "${name}" runs on ${cloud}; kops delete cluster only deletes AWS clusters`);

  const zone = cluster?.spec?.subnets?.find((s) => s.zone)?.zone;
  const region = options.region ?? (zone ? regionOfZone(zone) : undefined);
  const aws = createAwsClients({ region, env: ctx.env === process.env ? undefined : { ...ctx.env } });
  await verifyAwsAccess(aws);
  const dns = !name.endsWith('.k8s.local') && cluster?.spec?.topology?.dns?.type !== 'None';
  const discovery = await cloudCall(aws, `listing the cloud resources of cluster "${name}"`, () => discoverCluster(aws, { clusterName: name, dns }));

  const shown = discovery.resources.filter((r) => !r.internal);
  const deleted = shown.filter((r) => r.action === 'delete');
  const untagged = shown.filter((r) => r.action === 'untag');
  if (deleted.length > 0) ctx.stdout.write(resourceTable(deleted));
  if (untagged.length > 0) ctx.stdout.write(`\nShared resources (kept; only the tags of cluster "${name}" are removed):\n${resourceTable(untagged)}`);
  if (shown.length === 0) ctx.stdout.write(`No cloud resources found for cluster "${name}"\n`);
  if (discovery.blockers.length > 0) writeBlockers(ctx, discovery.blockers);

  if (!options.yes) {
    ctx.stdout.write('\nMust specify --yes to delete cluster\n');
    return 0;
  }
  if (discovery.blockers.length > 0) {
    ctx.stderr.write(`error: nothing was deleted: resources outside cluster "${name}" use its network (listed above)\n  deal with them, then run 'kops delete cluster --name ${name} --yes' again\n`);
    return 1;
  }

  ctx.stdout.write('\n');
  const started = Date.now();
  const retried = new Set<string>();
  const report = await deleteResources(aws, discovery.resources, { ...defaultDeletePolicy, ...options.policy }, (e) => {
    if (e.resource.internal && e.kind !== 'failed') return;
    const what = `${e.resource.type}:${e.resource.id}`;
    if (e.kind === 'done') ctx.stdout.write(`${what}\t${e.resource.action === 'untag' ? 'untagged' : 'ok'}\n`);
    else if (e.kind === 'retrying') {
      if (!retried.has(what)) ctx.stdout.write(`${what}\tstill has dependencies, will retry\n`);
      else ctx.log(1, `${what}\tstill has dependencies (${e.reason}), will retry`);
      retried.add(what);
    }
  });

  if (report.failed.length > 0) {
    for (const { resource, reason } of report.failed) ctx.stderr.write(`error: could not delete ${label(resource)}: ${reason}\n`);
    if (report.blockers.length > 0) writeBlockers(ctx, report.blockers);
    if (report.skipped.length > 0) ctx.stderr.write(`${report.skipped.length} more resource(s) were left for later because they depend on the above\n`);
    ctx.stderr.write(`  the cluster stays in the state store: fix the above, then run 'kops delete cluster --name ${name} --yes' again to finish\n`);
    return 1;
  }
  if (cluster) await store.deleteClusterState(name);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const removed = report.done.filter((r) => !r.internal && r.action === 'delete').length;
  const untaggedCount = report.done.filter((r) => r.action === 'untag').length;
  ctx.stdout.write(`\nDeleted ${removed} cloud resource(s)${untaggedCount ? `, untagged ${untaggedCount} shared one(s)` : ''} in ${seconds}s\n`);
  const { kubeconfigPath, removeFromKubeconfig } = await import('../../ops/kubeconfig.js');
  if (await removeFromKubeconfig(kubeconfigPath(undefined, ctx.env as NodeJS.ProcessEnv), name)) ctx.stdout.write(`Deleted kubectl config for ${name}\n`);
  ctx.stdout.write(`Deleted cluster: "${name}"\n`);
  return 0;
}

function resourceTable(resources: ClusterResource[]): string {
  return renderTable(['TYPE', 'NAME', 'ID'], resources.map((r) => [r.type, r.name, r.id]));
}

function label(r: ClusterResource): string {
  return r.name && r.name !== r.id ? `${r.type} ${r.id} (${r.name})` : `${r.type} ${r.id}`;
}

function writeBlockers(ctx: CliContext, blockers: Blocker[]): void {
  ctx.stderr.write('\nResources outside the cluster keep these from being deleted:\n');
  for (const b of blockers) ctx.stderr.write(`  ${b.blocked} is in use by ${b.by}\n    ${b.hint}\n`);
}

async function cloudCall<T>(aws: AwsClients, doing: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw environmentError(err, aws) ?? new UserError(`${doing}: ${describeAwsError(err)}`);
  }
}
