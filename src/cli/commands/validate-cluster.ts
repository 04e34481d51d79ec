import type { InstanceGroup } from '../../apis/types.js';
import { usesLoadBalancerName } from '../../ops/api-endpoint.js';
import { validateCluster, type ValidationResult } from '../../ops/operate/validate.js';
import { validateUntilValid } from '../../ops/operate/validate-wait.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openOperatedCluster } from '../operate.js';
import { parseOutputFormat, renderTable } from '../output.js';

/** `kops validate cluster [CLUSTER]`: exits 0 when the cluster is valid, 2 while it is not. */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  const format = parseOutputFormat(inv.string('output'));
  const cluster = await openOperatedCluster(ctx, inv, inv.args[0]);
  if (format === 'table') ctx.stdout.write(`Validating cluster ${cluster.clusterName}\n\n`);
  const kube = await cluster.kube();
  const yaml = format === 'yaml' ? await import('../yaml-lazy.js') : undefined;
  await validateUntilValid(
    () =>
      validateCluster({
        clusterName: cluster.clusterName,
        publishesDns: !usesLoadBalancerName(cluster.cluster),
        instanceGroups: cluster.instanceGroups,
        cloud: cluster.cloud,
        kube,
        maxUnreadyNodes: inv.number('max-unready-nodes'),
      }),
    {
      waitMillis: inv.number('wait'),
      count: inv.number('count'),
      intervalMillis: inv.number('interval'),
      now: () => ctx.clock().getTime(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      onRetry: (why) => ctx.stderr.write(`W: (will retry): ${why}\n`),
      onResult: (result) => {
        if (format === 'table') ctx.stdout.write(validationTable(result, cluster.clusterName, cluster.instanceGroups));
        else if (yaml) ctx.stdout.write(yaml.stringify(sorted(result)));
        else ctx.stdout.write(JSON.stringify(result));
      },
    },
  );
}

function validationTable(result: ValidationResult, clusterName: string, groups: readonly InstanceGroup[]): string {
  const size = (n: number | undefined) => (n === undefined ? '-' : String(n));
  let out = 'INSTANCE GROUPS\n';
  out += renderTable(
    ['NAME', 'ROLE', 'MACHINETYPE', 'MIN', 'MAX', 'SUBNETS'],
    groups.map((g) => [g.metadata.name ?? '', g.spec?.role === 'Master' ? 'ControlPlane' : (g.spec?.role ?? ''), g.spec?.machineType ?? '', size(g.spec?.minSize), size(g.spec?.maxSize), (g.spec?.subnets ?? []).join(',')]),
  );
  out += '\nNODE STATUS\n' + renderTable(['NAME', 'ROLE', 'READY'], result.nodes.map((n) => [n.name, n.role, n.status]));
  if (result.failures.length === 0) return out + `\nYour cluster ${clusterName} is ready\n`;
  out += '\nVALIDATION ERRORS\n' + renderTable(['KIND', 'NAME', 'MESSAGE'], result.failures.map((f) => [f.type, f.name, f.message]));
  return out + '\nValidation Failed\n';
}

/** The Go kops writes YAML from JSON, so keys come out sorted. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sorted(v)]),
    );
  }
  return value;
}
