import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { parseOutputFormat, renderTable } from '../output.js';
import { openClusterPki } from '../cluster-pki.js';

/** `kops get sshpublickeys [CLUSTER]`: as SSHCredential objects for YAML/JSON, a table of ids otherwise. */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  const format = parseOutputFormat(inv.string('output'));
  const pki = await openClusterPki(ctx, inv.args[0]);
  const keys = await pki.sshKeys.list();
  const objects = keys.map((k) => ({
    apiVersion: 'kops.k8s.io/v1alpha2',
    kind: 'SSHCredential',
    metadata: { labels: { 'kops.k8s.io/cluster': pki.clusterName }, name: k.name },
    spec: { publicKey: k.publicKey },
  }));
  if (format === 'json') ctx.stdout.write(JSON.stringify(objects, null, 2) + '\n');
  else if (format === 'yaml') {
    const { stringify } = await import('../yaml-lazy.js');
    ctx.stdout.write(objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n'));
  } else ctx.stdout.write(renderTable(['NAME', 'ID'], keys.map((k) => [k.name, k.id])));
}
