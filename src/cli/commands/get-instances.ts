import { groupNames, joinGroups, type Member } from '../../ops/operate/instances.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openOperatedCluster } from '../operate.js';
import { parseOutputFormat, renderTable } from '../output.js';

/** `kops get instances [CLUSTER]`: every instance of the cluster's groups, with its node and whether it is up to date. */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  const format = parseOutputFormat(inv.string('output'));
  const cluster = await openOperatedCluster(ctx, inv, inv.args[0]);
  let nodes: Awaited<ReturnType<Awaited<ReturnType<typeof cluster.kube>>['listNodes']>> = [];
  try {
    nodes = await (await cluster.kube()).listNodes();
  } catch (err) {
    ctx.stderr.write(`W: cannot list node names: ${(err as Error).message}\n`);
  }
  const groups = joinGroups(await cluster.cloud.groups.list(cluster.clusterName, groupNames(cluster.instanceGroups)), cluster.instanceGroups, nodes);
  const members = groups.flatMap((g) => g.members);
  if (format === 'table') {
    ctx.stdout.write('\n' + instanceTable(members));
    return;
  }
  const rows = members.map(renderable);
  ctx.stdout.write(format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : (await import('../yaml-lazy.js')).stringify(rows));
}

function instanceTable(members: Member[]): string {
  return renderTable(
    ['ID', 'NODE-NAME', 'STATUS', 'ROLES', 'STATE', 'INTERNAL-IP', 'EXTERNAL-IP', 'INSTANCE-GROUP', 'MACHINE-TYPE'],
    members.map((m) => [m.id, m.node?.metadata?.name ?? '', m.status, (m.cloud.roles ?? []).join(', '), m.state, m.cloud.privateIp ?? '', m.cloud.publicIp ?? '', m.group.cloud.cloudName, m.cloud.machineType ?? '']),
  );
}

/** The Go kops's fields for -o yaml/json. */
function renderable(m: Member) {
  return {
    id: m.id,
    ...(m.node?.metadata?.name ? { nodeName: m.node.metadata.name } : {}),
    status: m.status,
    roles: m.cloud.roles ?? [],
    internalIP: m.cloud.privateIp ?? '',
    externalIP: m.cloud.publicIp ?? '',
    instanceGroup: m.group.cloud.cloudName,
    machineType: m.cloud.machineType ?? '',
    state: m.state,
  };
}
