/**
 * The EC2NodeClass and NodePool of a Karpenter-managed instance group, as kops builds them
 * (upup/pkg/fi/cloudup/template_functions_karpenter.go).
 */
import { UserError } from '../../errors.js';
import type { AddonCluster, AddonContext } from '../types.js';

type Data = Record<string, unknown>;
export type InstanceGroup = NonNullable<AddonContext['instanceGroups']>[number];

const CLUSTER_AUTOSCALER_LABEL = 'k8s.io/cluster-autoscaler/node-template/label/';
const CLUSTER_AUTOSCALER_TAINT = 'k8s.io/cluster-autoscaler/node-template/taint/';
/** The root device when the image's is not known (offline runs): the one of kops's default images. */
const DEFAULT_ROOT_DEVICE_NAME = '/dev/xvda';
const NODE_ROOT_VOLUME_SIZE = 128;

/** Owner aliases of image names `<alias>/<name>` (awsup.ResolveImageOwnerAlias). */
const IMAGE_OWNERS: Record<string, string> = {
  amazon: '137112412989',
  'amazon.com': '137112412989',
  debian: '136693071363',
  debian11: '136693071363',
  flatcar: '075585003325',
  redhat: '309956199498',
  'redhat.com': '309956199498',
  rocky: '792107900819',
  rockylinux: '792107900819',
  ubuntu: '099720109477',
};

const sortedObject = <T>(map: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.keys(map).sort().map((k) => [k, map[k]]));

/** kops's ParseTaint: `key`, `key:effect` or `key=value:effect`. */
function parseTaint(text: string, where: string): { key: string; value: string; effect: string } {
  const parts = text.split(':');
  if (parts.length === 1) return { key: parts[0], value: '', effect: '' };
  const kv = parts[0].split('=');
  if (parts.length > 2 || kv.length > 2) throw new UserError(`${where}: invalid taint spec: ${text}`, 'write taints as key=value:effect');
  return { key: kv[0], value: kv[1] ?? '', effect: parts[1] };
}

/** The node labels of a worker group (nodelabels.BuildNodeLabels): kubelet node labels, the node role, the group's own. */
function nodeLabels(cluster: AddonCluster, ig: InstanceGroup): Record<string, string> {
  return {
    ...(cluster.spec.kubelet?.nodeLabels ?? {}),
    ...(ig.spec.kubelet?.nodeLabels ?? {}),
    'node-role.kubernetes.io/node': '',
    ...(ig.spec.nodeLabels ?? {}),
  };
}

/** Tags Karpenter puts on what it launches: the group's cloud tags, without the keys Karpenter keeps for itself. */
function nodeClassTags(cluster: AddonCluster, ig: InstanceGroup): Record<string, string> {
  const name = cluster.metadata.name;
  const tags: Record<string, string> = { KubernetesCluster: name, Name: `${ig.metadata.name}.${name}`, ...(cluster.spec.cloudLabels ?? {}), ...(ig.spec.cloudLabels ?? {}) };
  for (const [k, v] of Object.entries(nodeLabels(cluster, ig))) tags[CLUSTER_AUTOSCALER_LABEL + k] = v;
  for (const text of ig.spec.taints ?? []) {
    const parts = text.split(':');
    const kv = parts[0].split('=');
    if (parts.length !== 2 || kv.length > 2 || parts[1] === '') continue;
    tags[CLUSTER_AUTOSCALER_TAINT + kv[0]] = `${kv[1] ?? ''}:${parts[1]}`;
  }
  tags['k8s.io/role/node'] = '1';
  tags['kops.k8s.io/instancegroup'] = ig.metadata.name;
  const reserved = (key: string) =>
    key === '' || key.startsWith('kubernetes.io/cluster') || ['eks:eks-cluster-name', 'karpenter.sh/nodepool', 'karpenter.sh/nodeclaim', 'karpenter.k8s.aws/ec2nodeclass'].includes(key);
  return sortedObject(Object.fromEntries(Object.entries(tags).filter(([k]) => !reserved(k))));
}

function amiSelectorTerms(ig: InstanceGroup): Data[] {
  const image = String(ig.spec.image ?? '').trim();
  const where = `InstanceGroup ${JSON.stringify(ig.metadata.name)}: spec.image`;
  const hint = 'use ami-*, ssm:<parameter>, <name> or <owner>/<name>';
  if (!image) throw new UserError(`${where}: image is required`, hint);
  if (image.includes('://')) throw new UserError(`${where}: image ${JSON.stringify(image)} must be ami-*, ssm:<parameter>, <name>, or <owner>/<name>`, hint);
  if (image.startsWith('ami-')) return [{ id: image }];
  if (image.startsWith('ssm:')) {
    const parameter = image.slice('ssm:'.length);
    if (!parameter) throw new UserError(`${where}: ssm image parameter is required`, hint);
    return [{ ssmParameter: parameter }];
  }
  const slash = image.indexOf('/');
  if (slash < 0) return [{ name: image, owner: 'self' }];
  const [owner, name] = [image.slice(0, slash), image.slice(slash + 1)];
  if (!owner || !name) throw new UserError(`${where}: image ${JSON.stringify(image)} must be ami-*, ssm:<parameter>, <name>, or <owner>/<name>`, hint);
  return [{ name, owner: IMAGE_OWNERS[owner] ?? owner }];
}

/** Public addresses follow the group's first subnet: as given (default on) in public subnets, never in private ones. */
function associatePublicIP(cluster: AddonCluster, ig: InstanceGroup): boolean {
  const first = (ig.spec.subnets ?? [])[0];
  const subnet = (cluster.spec.subnets ?? []).find((s: { name?: string }) => s.name === first);
  if (!subnet) throw new UserError(`InstanceGroup ${JSON.stringify(ig.metadata.name)}: spec.subnets: could not determine any subnets for InstanceGroup`, 'name a subnet of the cluster');
  if (subnet.type === 'Public' || subnet.type === 'Utility') return ig.spec.associatePublicIp ?? true;
  if (subnet.type === 'Private' || subnet.type === 'DualStack') return false;
  throw new UserError(`InstanceGroup ${JSON.stringify(ig.metadata.name)}: unknown subnet type ${JSON.stringify(subnet.type)}`);
}

/** The root volume, with the launch templates' defaults: gp3, encrypted, IOPS and throughput where the type takes them. */
function rootVolumeMapping(ig: InstanceGroup, ctx: AddonContext): Data {
  const type: string = ig.spec.rootVolumeType || 'gp3';
  let iops: number | undefined = ig.spec.rootVolumeIops;
  let throughput: number | undefined = ig.spec.rootVolumeThroughput;
  if (type === 'io1' || type === 'io2') {
    iops = Math.max(iops ?? 0, 100);
    throughput = undefined;
  } else if (type === 'gp3') {
    iops = Math.max(iops ?? 0, 3000);
    throughput = Math.max(throughput ?? 0, 125);
  } else {
    iops = undefined;
    throughput = undefined;
  }
  const ebs: Data = { deleteOnTermination: true, encrypted: ig.spec.rootVolumeEncryption ?? true };
  // The key is only used when encryption is asked for explicitly.
  if (ig.spec.rootVolumeEncryption === true && ig.spec.rootVolumeEncryptionKey) ebs.kmsKeyID = ig.spec.rootVolumeEncryptionKey;
  if (iops !== undefined) ebs.iops = iops;
  if (throughput !== undefined) ebs.throughput = throughput;
  ebs.volumeSize = `${ig.spec.rootVolumeSize > 0 ? ig.spec.rootVolumeSize : NODE_ROOT_VOLUME_SIZE}Gi`;
  ebs.volumeType = type;
  // Mapped on the image's root device, so that it replaces the image's root volume rather than adding one.
  const deviceName = ctx.imageRootDevices?.[String(ig.spec.image ?? '')] ?? DEFAULT_ROOT_DEVICE_NAME;
  return { deviceName, ebs, rootVolume: true };
}

function securityGroupSelectorTerms(cluster: AddonCluster, ig: InstanceGroup): Data[] {
  const name = cluster.metadata.name;
  const terms: Data[] = ig.spec.securityGroupOverride ? [{ id: ig.spec.securityGroupOverride }] : [{ tags: { KubernetesCluster: name, Name: `nodes.${name}` } }];
  for (const id of ig.spec.additionalSecurityGroups ?? []) terms.push({ id });
  return terms;
}

/** The instance profile: the group's own (named after its ARN's last part), else the nodes' one. */
function instanceProfile(cluster: AddonCluster, ig: InstanceGroup): string {
  const arn: string | undefined = ig.spec.iam?.profile;
  return arn ? (/([^/]+)$/.exec(arn)?.[1] ?? arn) : `nodes.${cluster.metadata.name}`;
}

export function nodeClass(cluster: AddonCluster, ig: InstanceGroup, ctx: AddonContext): Data {
  const name = cluster.metadata.name;
  const spec: Data = {
    amiFamily: 'Custom',
    amiSelectorTerms: amiSelectorTerms(ig),
    associatePublicIPAddress: associatePublicIP(cluster, ig),
    blockDeviceMappings: [rootVolumeMapping(ig, ctx)],
    instanceProfile: instanceProfile(cluster, ig),
    securityGroupSelectorTerms: securityGroupSelectorTerms(cluster, ig),
    subnetSelectorTerms: [{ tags: { KubernetesCluster: name, [`kops.k8s.io/instance-group/${ig.metadata.name}`]: 'true' } }],
    tags: nodeClassTags(cluster, ig),
    userData: (ctx.karpenterUserData?.[ig.metadata.name] ?? '').replace(/\n$/, ''),
  };
  const kubelet = ig.spec.kubelet ?? {};
  const karpenterKubelet: Data = {};
  if (kubelet.maxPods !== undefined) karpenterKubelet.maxPods = kubelet.maxPods;
  for (const field of ['systemReserved', 'kubeReserved']) if (Object.keys(kubelet[field] ?? {}).length > 0) karpenterKubelet[field] = kubelet[field];
  if (Object.keys(karpenterKubelet).length > 0) spec.kubelet = karpenterKubelet;
  return { apiVersion: 'karpenter.k8s.aws/v1', kind: 'EC2NodeClass', metadata: { name: ig.metadata.name }, spec };
}

/** Instance types: the mixed-instances list and the machine types, each once, sorted. */
function instanceTypes(ig: InstanceGroup): string[] {
  const given: string[] = [...(ig.spec.mixedInstancesPolicy?.instances ?? []), ...String(ig.spec.machineType ?? '').split(',')];
  return [...new Set(given.map((t) => t.trim()).filter(Boolean))].sort();
}

/** Spot when a price or spot duration is set; both when on-demand covers less than all capacity above the base. */
function capacityTypes(ig: InstanceGroup): string[] {
  if (ig.spec.maxPrice !== undefined || ig.spec.spotDurationInMinutes !== undefined) return ['spot'];
  const aboveBase = ig.spec.mixedInstancesPolicy?.onDemandAboveBase;
  if (aboveBase !== undefined && aboveBase < 100) return ['on-demand', 'spot'];
  return ['on-demand'];
}

/** Node labels a NodePool template may carry (Karpenter's own domains and the hostname are its to set). */
function templateLabels(labels: Record<string, string>): Record<string, string> {
  const reserved = (key: string) => {
    if (key === 'karpenter.sh/capacity-type') return false;
    if (key === 'kubernetes.io/hostname') return true;
    const slash = key.indexOf('/');
    if (slash < 0) return false;
    const domain = key.slice(0, slash);
    return ['karpenter.sh', 'karpenter.k8s.aws'].some((d) => domain === d || domain.endsWith(`.${d}`));
  };
  return sortedObject(Object.fromEntries(Object.entries(labels).filter(([k]) => !reserved(k))));
}

export function nodePool(cluster: AddonCluster, ig: InstanceGroup): Data {
  const requirements: Data[] = [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }];
  const types = instanceTypes(ig);
  if (types.length > 0) requirements.push({ key: 'node.kubernetes.io/instance-type', operator: 'In', values: types });
  requirements.push({ key: 'karpenter.sh/capacity-type', operator: 'In', values: capacityTypes(ig) });
  const claim: Data = { nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: ig.metadata.name }, requirements };
  const taints = (ig.spec.taints ?? []).map((text: string) => {
    const t = parseTaint(text, `InstanceGroup ${JSON.stringify(ig.metadata.name)}: spec.taints`);
    return t.value ? { effect: t.effect, key: t.key, value: t.value } : { effect: t.effect, key: t.key };
  });
  if (taints.length > 0) claim.taints = taints;
  const template: Data = { spec: claim };
  const labels = templateLabels(nodeLabels(cluster, ig));
  if (Object.keys(labels).length > 0) template.metadata = { labels };
  const spec: Data = { template };
  // A minimum size is static capacity: that many nodes, always.
  if (ig.spec.minSize > 0) spec.replicas = ig.spec.minSize;
  if (ig.spec.maxSize !== undefined) spec.limits = { nodes: String(ig.spec.maxSize) };
  return { apiVersion: 'karpenter.sh/v1', kind: 'NodePool', metadata: { name: ig.metadata.name }, spec };
}
