import { toGoYaml } from '../../apis/go/yaml.js';
import { GoTemplate } from '../gotemplate.js';
import { awsRegion } from '../system-env.js';
import { commonTemplateFuncs } from '../template-funcs.js';
import { templateData } from '../template-data.js';
import type { AddonCluster, AddonContext } from '../types.js';
import { KARPENTER_TEMPLATE } from './karpenter.template.js';

let parsed: GoTemplate | undefined;

/**
 * Karpenter as kops renders its template: the CRDs, the controller (every spec.karpenter setting it reads), and an
 * EC2NodeClass + NodePool for each Karpenter-managed instance group.
 */
export function karpenter(cluster: AddonCluster, ctx: AddonContext): string {
  parsed ??= new GoTemplate(KARPENTER_TEMPLATE);
  return parsed.execute(templateData(cluster), {
    ...commonTemplateFuncs(cluster),
    Region: () => awsRegion(cluster),
    KarpenterInstanceGroups: () => karpenterGroups(cluster, ctx),
    KarpenterEC2NodeClass: (ig) => toGoYaml(nodeClass(cluster, ig as InstanceGroup, ctx)),
    KarpenterNodePool: (ig) => toGoYaml(nodePool(ig as InstanceGroup)),
  });
}

/** The instance groups Karpenter manages, by name (the order kops reads them from the state store). */
function karpenterGroups(cluster: AddonCluster, ctx: AddonContext): InstanceGroup[] {
  if (cluster.spec.cloudProvider !== 'aws' || cluster.spec.karpenter?.enabled !== true) return [];
  return (ctx.instanceGroups ?? [])
    .filter((ig) => ig.spec.manager === 'Karpenter')
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

type InstanceGroup = NonNullable<AddonContext['instanceGroups']>[number];

/** Owner aliases of image names `<alias>/<name>` (as kops resolves them). */
const IMAGE_OWNERS: Record<string, string> = {
  amazon: '137112412989',
  debian: '136693071363',
  flatcar: '075585003325',
  redhat: '309956199498',
  rocky: '792107900819',
  ubuntu: '099720109477',
};

function nodeClass(cluster: AddonCluster, ig: InstanceGroup, ctx: AddonContext): Record<string, unknown> {
  const name = cluster.metadata.name;
  const image = String(ig.spec.image ?? '');
  const slash = image.indexOf('/');
  const alias = image.slice(0, slash);
  const ebs: Record<string, unknown> = {
    deleteOnTermination: true,
    encrypted: ig.spec.rootVolumeEncryption ?? true,
    iops: ig.spec.rootVolumeIops ?? 3000,
    throughput: ig.spec.rootVolumeThroughput ?? 125,
    volumeSize: `${ig.spec.rootVolumeSize ?? 128}Gi`,
    volumeType: ig.spec.rootVolumeType ?? 'gp3',
  };
  if (ig.spec.rootVolumeEncryptionKey) ebs.kmsKeyID = ig.spec.rootVolumeEncryptionKey;
  const tags: Record<string, string> = {
    KubernetesCluster: name,
    Name: `${ig.metadata.name}.${name}`,
    'k8s.io/cluster-autoscaler/node-template/label/node-role.kubernetes.io/node': '',
    'k8s.io/role/node': '1',
    'kops.k8s.io/instancegroup': ig.metadata.name,
  };
  const spec: Record<string, unknown> = {
    amiFamily: 'Custom',
    amiSelectorTerms: [{ name: image.slice(slash + 1), owner: IMAGE_OWNERS[alias] ?? alias }],
    associatePublicIPAddress: ig.spec.associatePublicIp ?? false,
    blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs, rootVolume: true }],
    instanceProfile: `nodes.${name}`,
    securityGroupSelectorTerms: [{ tags: { KubernetesCluster: name, Name: `nodes.${name}` } }],
    subnetSelectorTerms: [{ tags: { KubernetesCluster: name, [`kops.k8s.io/instance-group/${ig.metadata.name}`]: 'true' } }],
    tags,
    userData: (ctx.karpenterUserData?.[ig.metadata.name] ?? '').replace(/\n$/, ''),
  };
  const kubelet = ig.spec.kubelet ?? {};
  const karpenterKubelet: Record<string, unknown> = {};
  for (const field of ['maxPods', 'systemReserved', 'kubeReserved']) if (kubelet[field] !== undefined) karpenterKubelet[field] = kubelet[field];
  if (Object.keys(karpenterKubelet).length > 0) spec.kubelet = karpenterKubelet;
  return { apiVersion: 'karpenter.k8s.aws/v1', kind: 'EC2NodeClass', metadata: { labels: { 'k8s-addon': 'karpenter.sh' }, name: ig.metadata.name }, spec };
}

function nodePool(ig: InstanceGroup): Record<string, unknown> {
  const machineTypes = String(ig.spec.machineType ?? '')
    .split(',')
    .filter(Boolean);
  const requirements: Record<string, unknown>[] = [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }];
  if (machineTypes.length > 0) requirements.push({ key: 'node.kubernetes.io/instance-type', operator: 'In', values: machineTypes });
  requirements.push({ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] });
  const spec: Record<string, unknown> = {
    limits: { nodes: String(ig.spec.maxSize ?? '') },
    template: {
      metadata: { labels: { 'node-role.kubernetes.io/node': '', ...ig.spec.nodeLabels } },
      spec: { nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: ig.metadata.name }, requirements },
    },
  };
  // A single machine type with a minimum size is static capacity: that many nodes, always.
  if (machineTypes.length === 1 && ig.spec.minSize) spec.replicas = ig.spec.minSize;
  return { apiVersion: 'karpenter.sh/v1', kind: 'NodePool', metadata: { labels: { 'k8s-addon': 'karpenter.sh' }, name: ig.metadata.name }, spec };
}
