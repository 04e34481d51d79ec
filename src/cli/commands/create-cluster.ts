/**
 * `kops create cluster [NAME] --zones ...`: infers a Cluster and its InstanceGroups from flags and stores them
 * (config, instancegroup/*, the SSH public key); `--dry-run -o yaml|json` prints them instead. Every check runs
 * before the first write, so bad input leaves the state store untouched.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { API_VERSION, CLUSTER_LABEL, type KopsObject, type SSHCredential } from '../../apis/types.js';
import { UserError } from '../../errors.js';
import { DEFAULT_ADMIN_LIFETIME_MILLIS } from '../../pki/admin.js';
import { parseSshPublicKey } from '../../pki/sshkeys.js';
import { inferNewCluster, storeNewCluster } from '../../ops/create-cluster.js';
import { defaultCreateClusterOptions, type CreateClusterOptions } from '../../populate/create/index.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { parseOutputFormat, writeObjects } from '../output.js';
import { openClusterStore } from '../store.js';
import { withCliLocks } from '../lock.js';
import { parseTarget, runClusterUpdate } from './update-cluster.js';

/** The option fields whose value is a V. */
type OptionsOf<V> = { [K in keyof CreateClusterOptions]-?: CreateClusterOptions[K] extends V ? K : never }[keyof CreateClusterOptions];

type FlagField =
  | [flag: string, field: OptionsOf<string>, kind: 'string']
  | [flag: string, field: OptionsOf<string[]>, kind: 'strings']
  | [flag: string, field: OptionsOf<number>, kind: 'number']
  | [flag: string, field: OptionsOf<boolean>, kind: 'bool'];

/** Flag → option field (see CreateClusterOptions); deprecated aliases are folded into these names by the parser. */
const FLAGS: FlagField[] = [
  ['admin-access', 'adminAccess', 'strings'],
  ['api-loadbalancer-type', 'apiLoadBalancerType', 'string'],
  ['api-public-name', 'apiPublicName', 'string'],
  ['api-ssl-certificate', 'apiSSLCertificate', 'string'],
  ['authorization', 'authorization', 'string'],
  ['bastion', 'bastion', 'bool'],
  ['bastion-image', 'bastionImage', 'string'],
  ['channel', 'channel', 'string'],
  ['cloud', 'cloudProvider', 'string'],
  ['cloud-labels', 'cloudLabels', 'string'],
  ['control-plane-count', 'controlPlaneCount', 'number'],
  ['control-plane-image', 'controlPlaneImage', 'string'],
  ['control-plane-security-groups', 'controlPlaneSecurityGroups', 'strings'],
  ['control-plane-size', 'controlPlaneSizes', 'strings'],
  ['control-plane-tenancy', 'controlPlaneTenancy', 'string'],
  ['control-plane-volume-size', 'controlPlaneVolumeSize', 'number'],
  ['control-plane-volume-type', 'controlPlaneVolumeType', 'string'],
  ['control-plane-zones', 'controlPlaneZones', 'strings'],
  ['disable-subnet-tags', 'disableSubnetTags', 'bool'],
  ['discovery-store', 'discoveryStore', 'string'],
  ['dns', 'dnsType', 'string'],
  ['dns-zone', 'dnsZone', 'string'],
  ['gce-service-account', 'gceServiceAccount', 'string'],
  ['etcd-clusters', 'etcdClusters', 'strings'],
  ['etcd-storage-type', 'etcdStorageType', 'string'],
  ['image', 'image', 'string'],
  ['instance-manager', 'instanceManager', 'string'],
  ['ipv6', 'ipv6', 'bool'],
  ['kubernetes-feature-gates', 'kubernetesFeatureGates', 'strings'],
  ['kubernetes-version', 'kubernetesVersion', 'string'],
  ['network-cidr', 'networkCIDRs', 'strings'],
  ['network-id', 'networkID', 'string'],
  ['networking', 'networking', 'string'],
  ['node-count', 'nodeCount', 'number'],
  ['node-image', 'nodeImage', 'string'],
  ['node-security-groups', 'nodeSecurityGroups', 'strings'],
  ['node-size', 'nodeSizes', 'strings'],
  ['node-tenancy', 'nodeTenancy', 'string'],
  ['node-volume-size', 'nodeVolumeSize', 'number'],
  ['node-volume-type', 'nodeVolumeType', 'string'],
  ['project', 'project', 'string'],
  ['set', 'sets', 'strings'],
  ['ssh-access', 'sshAccess', 'strings'],
  ['subnets', 'subnetIDs', 'strings'],
  ['topology', 'topology', 'string'],
  ['unset', 'unsets', 'strings'],
  ['utility-subnets', 'utilitySubnetIDs', 'strings'],
  ['zones', 'zones', 'strings'],
];

export function optionsFromFlags(inv: Invocation): CreateClusterOptions {
  const options = defaultCreateClusterOptions();
  for (const entry of FLAGS) {
    const flag = entry[0];
    if (!inv.isSet(flag) && (entry[2] !== 'strings' || !inv.strings(flag).length)) continue;
    if (entry[2] === 'string') options[entry[1]] = inv.string(flag);
    else if (entry[2] === 'strings') options[entry[1]] = inv.strings(flag);
    else if (entry[2] === 'number') options[entry[1]] = inv.number(flag);
    else options[entry[1]] = inv.bool(flag);
  }
  // The flag splits on commas; a piece without `=` continues the previous value (`--set spec.x=a,b`).
  options.sets = options.sets.reduce<string[]>((all, piece) => (piece.includes('=') || !all.length ? [...all, piece] : [...all.slice(0, -1), `${all[all.length - 1]},${piece}`]), []);
  if (inv.isSet('associate-public-ip')) options.associatePublicIP = inv.bool('associate-public-ip');
  if (inv.isSet('encrypt-etcd-storage')) options.encryptEtcdStorage = inv.bool('encrypt-etcd-storage');
  return options;
}

export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  expectArgs(inv, 0, 1, 'at most one cluster name');
  const dryRun = inv.bool('dry-run');
  const output = inv.string('output');
  if (dryRun && !output) throw new UserError('--dry-run needs --output', 'add -o yaml or -o json');
  const format = output ? parseOutputFormat(output, ['yaml', 'json']) : undefined;
  const target = parseTarget(inv.string('target'));

  const options = optionsFromFlags(inv);
  options.clusterName = await ctx.clusterName(inv.args[0]);
  const sshKey = inv.string('ssh-public-key') ? await readSshKey(inv.string('ssh-public-key')) : undefined;

  return withCliLocks(ctx, inv, !dryRun ? [options.clusterName] : [], async () => {
    const store = await openClusterStore(ctx);
    const spec = await inferNewCluster(store, options);
    if (dryRun) {
      const objects: KopsObject[] = [spec.cluster, ...spec.instanceGroups];
      if (sshKey) objects.push(sshCredential(spec.cluster.metadata.name, sshKey.line));
      writeObjects(ctx.stdout, objects, format!);
      return;
    }

    const { instanceGroups } = await storeNewCluster(store, spec, sshKey);
    const name = options.clusterName;
    if (inv.bool('yes')) {
      // As the Go kops: --yes goes straight on to `update cluster --yes --admin` with the same target.
      return runClusterUpdate(ctx, name, { target, yes: true, out: inv.string('out') }, { adminMillis: DEFAULT_ADMIN_LIFETIME_MILLIS });
    }
    const nodes = instanceGroups.find((ig) => ig.spec.role === 'Node');
    const controlPlane = instanceGroups.find((ig) => ig.spec.role === 'Master');
    ctx.stdout.write(
      [
        `Cluster configuration for ${name} has been created in ${store.base.url}.`,
        '',
        'Suggestions:',
        ' * list clusters with: kops get cluster',
        ` * edit this cluster with: kops edit cluster ${name}`,
        ...(nodes ? [` * edit your node instance group: kops edit ig --name=${name} ${nodes.metadata.name}`] : []),
        ...(controlPlane ? [` * edit your control-plane instance group: kops edit ig --name=${name} ${controlPlane.metadata.name}`] : []),
        '',
        `Finally configure your cluster with: kops update cluster --name ${name} --yes --admin`,
        '',
      ].join('\n'),
    );
  });
}

async function readSshKey(file: string): Promise<{ source: string; line: string }> {
  const path = file.startsWith('~/') ? homedir() + file.slice(1) : file;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UserError(`--ssh-public-key: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return { source: file, line: parseSshPublicKey(text, `--ssh-public-key ${file}`).line };
}

function sshCredential(clusterName: string, publicKey: string): SSHCredential {
  return { apiVersion: API_VERSION, kind: 'SSHCredential', metadata: { name: 'admin', labels: { [CLUSTER_LABEL]: clusterName } }, spec: { publicKey } };
}
