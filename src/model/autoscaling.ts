import { AutoscalingGroup, AutoscalingLifecycleHook, type AutoscalingGroupSpec, type InstanceRequirements } from '../cloud/aws/resources/autoscaling-group.js';
import { LaunchTemplate, type BlockDeviceMapping, type LaunchTemplateSpec } from '../cloud/aws/resources/launch-template.js';
import { ref, type Ref, type Task } from '../engine/task.js';
import { UserError } from '../errors.js';
import type { ModelContext } from './context.js';
import { securityGroups } from './firewall.js';
import { instanceProfileFor } from './iam.js';
import { subnetKey } from './network.js';
import { quantityAsInt, quantityScaledValue } from '../apis/quantity.js';
import type { InstanceGroup, InstanceRequirementsSpec, MinMaxSpec } from '../apis/types.js';

const ENABLED_METRICS = [
  'GroupDesiredCapacity',
  'GroupInServiceInstances',
  'GroupMaxSize',
  'GroupMinSize',
  'GroupPendingInstances',
  'GroupStandbyInstances',
  'GroupTerminatingInstances',
  'GroupTotalInstances',
];

const DEFAULT_ROOT_VOLUME_SIZE = { master: 64, apiserver: 128, node: 128, bastion: 32 };

export const CLUSTER_AUTOSCALER_LABEL = 'k8s.io/cluster-autoscaler/node-template/label/';
export const CLUSTER_AUTOSCALER_TAINT = 'k8s.io/cluster-autoscaler/node-template/taint/';

/** The labels kubelet registers the node with, as cluster-autoscaler needs to know them before a node exists. */
export function nodeLabels(m: ModelContext, ig: InstanceGroup): Record<string, string> {
  const labels: Record<string, string> = {};
  const role = m.roleOf(ig);
  const kubelet = role === 'master' ? m.spec.masterKubelet : m.spec.kubelet;
  Object.assign(labels, kubelet?.nodeLabels ?? {});
  if (role === 'master') {
    labels['kops.k8s.io/kops-controller-pki'] = '';
    if (m.aws.featureFlags?.includes('APIServerNodes')) labels['node-role.kubernetes.io/api-server'] = '';
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  } else if (role === 'apiserver') {
    labels['node-role.kubernetes.io/api-server'] = '';
  } else if (role === 'node') {
    labels['node-role.kubernetes.io/node'] = '';
  }
  if (usesNvidiaGpu(m, ig)) labels['kops.k8s.io/gpu'] = '1';
  Object.assign(labels, ig.spec.nodeLabels ?? {});
  return labels;
}

/** Whether the group's instances get NVIDIA drivers: GPU support is on and the instance type has a GPU. */
function usesNvidiaGpu(m: ModelContext, ig: InstanceGroup): boolean {
  const enabled = (c: unknown) => !!(c as { nvidiaGPU?: { enabled?: boolean } } | undefined)?.nvidiaGPU?.enabled;
  if (!enabled(m.spec.containerd) && !enabled(ig.spec.containerd)) return false;
  return !!m.aws.instanceTypes[ig.spec.machineType ?? '']?.gpu;
}

/** Tags of an instance group's ASG, launch template and instances (CloudTagsForInstanceGroup). */
export function instanceGroupTags(m: ModelContext, ig: InstanceGroup): Record<string, string> {
  const tags = m.cloudTags(m.autoscalingGroupName(ig));
  Object.assign(tags, ig.spec.cloudLabels ?? {});
  const role = m.roleOf(ig);
  if (role !== 'bastion') {
    for (const [k, v] of Object.entries(nodeLabels(m, ig))) tags[CLUSTER_AUTOSCALER_LABEL + k] = v;
  }
  const taints = [...(ig.spec.taints ?? [])];
  if (usesNvidiaGpu(m, ig)) taints.push('nvidia.com/gpu=:NoSchedule');
  for (const taint of taints) {
    const eq = taint.indexOf('=');
    if (eq > 0) tags[CLUSTER_AUTOSCALER_TAINT + taint.slice(0, eq)] = taint.slice(eq + 1);
  }
  if (role === 'master') {
    tags['k8s.io/role/master'] = '1';
    tags['k8s.io/role/control-plane'] = '1';
  } else tags[`k8s.io/role/${role}`] = '1';
  tags['kops.k8s.io/instancegroup'] = ig.metadata.name;
  if (m.nthQueueProcessing) tags[m.spec.nodeTerminationHandler?.managedASGTag ?? 'aws-node-termination-handler/managed'] = '';
  return tags;
}

/** Seconds of a Go duration string (`48h20m`, `0`). */
export function parseGoDuration(text: string): number {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (let match = re.exec(text); match; match = re.exec(text)) {
    total += +match[1] * { h: 3600, m: 60, s: 1, ms: 0.001 }[match[2] as 'h' | 'm' | 's' | 'ms'];
    consumed += match[0].length;
  }
  if (consumed !== text.length) throw new UserError(`duration ${JSON.stringify(text)} is not valid`, 'write it like 48h or 24h30m');
  return Math.round(total);
}

/** Launch templates, autoscaling groups and NTH lifecycle hooks of every cloud-managed instance group. */
export function buildAutoscaling(m: ModelContext, keyPair: Task | undefined, apiTargetGroups: (ig: InstanceGroup) => Ref[]): Task[] {
  const tasks: Task[] = [];
  for (const ig of m.instanceGroups) {
    if (ig.spec.manager === 'Karpenter') continue;
    const name = m.autoscalingGroupName(ig);
    const profile = instanceProfileFor(m, m.roleOf(ig), ig.spec.iam?.profile);
    if (profile.shared) tasks.push(profile);
    const lt = LaunchTemplate.task(name, launchTemplateSpec(m, ig, name, keyPair, profile));
    const asg = AutoscalingGroup.task(name, autoscalingGroupSpec(m, ig, name, lt, apiTargetGroups(ig)));
    const role = m.roleOf(ig);
    const exportName = role === 'master' ? 'master' : role;
    asg.exports = [
      { name: `${exportName}_autoscaling_group_ids`, value: ref(asg), list: true },
      ...additionalSecurityGroups(m, ig).map((sg) => ({ name: `${exportName}_security_group_ids`, value: sg, list: true })),
    ];
    if (role === 'node') {
      for (const s of ig.spec.subnets ?? []) asg.exports.push({ name: 'node_subnet_ids', value: subnetRef(m, s), list: true });
    }
    tasks.push(lt, asg);
    const warmPool = warmPoolOf(m, ig);
    if (warmPool?.enableLifecycleHook) {
      // nodeup completes this hook once the instance is ready to be parked in the pool.
      tasks.push(
        AutoscalingLifecycleHook.task(`kops-warmpool-${ig.metadata.name}`, {
          name: 'kops-warmpool',
          autoscalingGroupName: ref(asg),
          defaultResult: 'ABANDON',
          heartbeatTimeout: warmPool.lifecycleHookTimeout ?? 600,
          lifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING',
        }),
      );
    }
    if (m.nthQueueProcessing) {
      tasks.push(
        AutoscalingLifecycleHook.task(`${ig.metadata.name}-NTHLifecycleHook`, {
          name: `${ig.metadata.name}-NTHLifecycleHook`,
          autoscalingGroupName: ref(asg),
          defaultResult: 'CONTINUE',
          heartbeatTimeout: 300,
          lifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING',
        }),
      );
    }
  }
  return tasks;
}

/** Security groups given by id: the group's own, and on the control plane those of the API load balancer. */
function additionalSecurityGroups(m: ModelContext, ig: InstanceGroup): string[] {
  const groups = [...(ig.spec.additionalSecurityGroups ?? [])];
  if (m.isControlPlane(ig)) groups.push(...(m.spec.api?.loadBalancer?.additionalSecurityGroups ?? []));
  return [...new Set(groups)];
}

function subnetRef(m: ModelContext, name: string): Ref {
  return ref(subnetKey(m, m.subnet(name)));
}

function launchTemplateSpec(m: ModelContext, ig: InstanceGroup, name: string, keyPair: Task | undefined, profile: Task): LaunchTemplateSpec {
  const role = m.roleOf(ig);
  const spec = ig.spec;
  const image = spec.image ?? '';
  const imageId = m.aws.images[image]?.id;
  if (!imageId) throw new UserError(`instance group ${ig.metadata.name}: image ${image} was not found`, 'set spec.image to an existing AMI');
  const subnets = (spec.subnets ?? []).map((s) => m.subnet(s));
  const ipv6 = subnets.some((s) => s.ipv6CIDR);
  const allPublic = subnets.every((s) => s.type === 'Public' || s.type === 'Utility');
  const groups = securityGroups(m, role).filter((g) => (spec.securityGroupOverride ? g.suffix === `-${spec.securityGroupOverride}` : !g.suffix));
  const tags = instanceGroupTags(m, ig);
  const machineType = spec.machineType?.split(',')[0];
  const lt: LaunchTemplateSpec = {
    name,
    imageId,
    instanceType: machineType,
    keyName: keyPair ? ref(keyPair) : undefined,
    iamInstanceProfile: { name: ref(profile) },
    blockDeviceMappings: blockDevices(m, ig),
    metadataOptions: {
      httpEndpoint: 'enabled',
      httpProtocolIpv6: ipv6 ? 'enabled' : 'disabled',
      httpPutResponseHopLimit: spec.instanceMetadata?.httpPutResponseHopLimit ?? 1,
      httpTokens: spec.instanceMetadata?.httpTokens ?? (kubernetesMinor(m) < 27 ? 'optional' : 'required'),
    },
    monitoring: { enabled: spec.detailedInstanceMonitoring ?? false },
    networkInterfaces: [
      {
        associatePublicIpAddress: allPublic ? (spec.associatePublicIp ?? true) : false,
        deleteOnTermination: true,
        ipv6AddressCount: ipv6 ? 1 : 0,
        securityGroups: [...groups.map((g) => ref(g.task)), ...additionalSecurityGroups(m, ig)],
      },
    ],
    tagSpecifications: ['instance', 'volume', 'network-interface'].map((resourceType) => ({ resourceType, tags })),
    tags,
    userData: m.aws.userData.get(ig.metadata.name),
  };
  if (spec.maxPrice && !spec.mixedInstancesPolicy) {
    lt.instanceMarketOptions = {
      marketType: 'spot',
      spotOptions: {
        blockDurationMinutes: spec.spotDurationInMinutes,
        instanceInterruptionBehavior: spec.instanceInterruptionBehavior,
        maxPrice: spec.maxPrice,
      },
    };
  }
  if (spec.cpuCredits) lt.creditSpecification = { cpuCredits: spec.cpuCredits };
  if (spec.rootVolumeOptimization !== undefined) lt.ebsOptimized = spec.rootVolumeOptimization;
  if (spec.tenancy) lt.placement = { tenancy: spec.tenancy };
  return lt;
}

function blockDevices(m: ModelContext, ig: InstanceGroup): BlockDeviceMapping[] {
  const spec = ig.spec;
  const type = spec.rootVolumeType ?? 'gp3';
  const devices: BlockDeviceMapping[] = [
    {
      deviceName: m.aws.images[spec.image ?? '']?.rootDeviceName ?? '/dev/xvda',
      ebs: {
        deleteOnTermination: true,
        encrypted: spec.rootVolumeEncryption ?? true,
        // The key is only used when encryption is asked for explicitly.
        kmsKeyId: spec.rootVolumeEncryption === true ? spec.rootVolumeEncryptionKey : undefined,
        ...volumePerformance(type, spec.rootVolumeIops, spec.rootVolumeThroughput),
        volumeSize: spec.rootVolumeSize ?? DEFAULT_ROOT_VOLUME_SIZE[m.roleOf(ig)],
        volumeType: type,
      },
    },
  ];
  const disks = m.aws.instanceTypes[spec.machineType ?? '']?.instanceStoreDisks ?? 0;
  for (let i = 0; i < disks; i++) {
    devices.push({ deviceName: `/dev/sd${String.fromCharCode('c'.charCodeAt(0) + i)}`, virtualName: `ephemeral${i}` });
  }
  for (const v of spec.volumes ?? []) {
    const vtype = v.type ?? 'gp3';
    devices.push({
      deviceName: v.device,
      ebs: {
        deleteOnTermination: v.deleteOnTermination ?? true,
        encrypted: v.encrypted ?? false,
        kmsKeyId: v.key,
        ...volumePerformance(vtype, v.iops, v.throughput),
        volumeSize: v.size ?? 0,
        volumeType: vtype,
      },
    });
  }
  return devices;
}

/** IOPS and throughput of an EBS volume, raised to what its type needs at least. */
function volumePerformance(type: string, iops?: number, throughput?: number): { iops?: number; throughput?: number } {
  if (type === 'gp3') return { iops: Math.max(iops ?? 0, 3000), throughput: Math.max(throughput ?? 0, 125) };
  if (type === 'io1' || type === 'io2') return { iops: Math.max(iops ?? 0, 100) };
  return {};
}

/** The minor version of the cluster's Kubernetes (`v1.32.0` -> 32). */
function kubernetesMinor(m: ModelContext): number {
  const match = /^v?1\.(\d+)/.exec(m.spec.kubernetesVersion ?? '');
  return match ? +match[1] : Number.MAX_SAFE_INTEGER;
}

type WarmPoolView = NonNullable<InstanceGroup['spec']['warmPool']>;

/** The group's warm pool: its own settings over the cluster's; enabled unless its size is 0. */
function warmPoolOf(m: ModelContext, ig: InstanceGroup): WarmPoolView | undefined {
  const cluster = (m.spec.warmPool ?? (m.spec.cloudProvider as { aws?: { warmPool?: WarmPoolView } } | undefined)?.aws?.warmPool) as WarmPoolView | undefined;
  const own = ig.spec.warmPool;
  const pool = own && cluster ? { ...own, maxSize: own.maxSize ?? cluster.maxSize, minSize: own.minSize || cluster.minSize, enableLifecycleHook: own.enableLifecycleHook || cluster.enableLifecycleHook } : (own ?? cluster);
  return pool && pool.maxSize !== 0 ? pool : undefined;
}

function autoscalingGroupSpec(m: ModelContext, ig: InstanceGroup, name: string, lt: Task, targetGroups: Ref[]): AutoscalingGroupSpec {
  const spec = ig.spec;
  const role = m.roleOf(ig);
  const minSize = spec.minSize ?? (role === 'node' ? 2 : 1);
  const ltRef = { id: ref(lt), version: ref(lt, 'latest_version') };
  const asg: AutoscalingGroupSpec = {
    name,
    minSize,
    maxSize: spec.maxSize ?? minSize,
    maxInstanceLifetime: spec.maxInstanceLifetime ? parseGoDuration(spec.maxInstanceLifetime) : 0,
    enabledMetrics: ENABLED_METRICS,
    metricsGranularity: '1Minute',
    protectFromScaleIn: spec.instanceProtection ?? false,
    vpcZoneIdentifier: (spec.subnets ?? []).map((s) => subnetRef(m, s)),
    tags: instanceGroupTags(m, ig),
  };
  const mip = spec.mixedInstancesPolicy;
  if (mip) {
    asg.mixedInstancesPolicy = {
      instancesDistribution: {
        onDemandAllocationStrategy: mip.onDemandAllocationStrategy,
        onDemandBaseCapacity: mip.onDemandBase,
        onDemandPercentageAboveBaseCapacity: mip.onDemandAboveBase,
        spotAllocationStrategy: mip.spotAllocationStrategy,
        spotInstancePools: mip.spotInstancePools,
        spotMaxPrice: spec.maxPrice ?? '',
      },
      launchTemplate: {
        launchTemplateSpecification: { launchTemplateId: ltRef.id, version: ltRef.version },
        override: (mip.instances ?? []).map((instanceType) => ({ instanceType })),
      },
    };
    if (mip.instanceRequirements) asg.mixedInstancesPolicy.launchTemplate.instanceRequirements = instanceRequirementsOf(mip.instanceRequirements);
  } else asg.launchTemplate = ltRef;
  const externalTargetGroups = (spec.externalLoadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn ? [lb.targetGroupArn] : []));
  const allTargetGroups = [...targetGroups, ...externalTargetGroups];
  if (allTargetGroups.length) asg.targetGroupArns = allTargetGroups;
  const classicLbs = (spec.externalLoadBalancers ?? []).flatMap((lb) => (lb.loadBalancerName ? [lb.loadBalancerName] : []));
  if (classicLbs.length) asg.loadBalancers = classicLbs;
  if (spec.suspendProcesses?.length) asg.suspendedProcesses = spec.suspendProcesses;
  if (spec.capacityRebalance !== undefined) asg.capacityRebalance = spec.capacityRebalance;
  const warmPool = warmPoolOf(m, ig);
  if (warmPool) asg.warmPool = { minSize: warmPool.minSize ?? 0, maxGroupPreparedCapacity: warmPool.maxSize };
  return asg;
}

/**
 * Instance requirements as the group's attribute-based override takes them: vCPUs as a whole number, memory in MiB
 * (the quantity in millions of bytes, rounded up, as kops computes it); a minimum of 0 when a bound is not given.
 */
function instanceRequirementsOf(r: InstanceRequirementsSpec): InstanceRequirements {
  const bounds = (spec: MinMaxSpec | undefined, value: (q: string | number) => number) => {
    if (!spec) return { min: 0 };
    const out: { min?: number; max?: number } = {};
    if (spec.min !== undefined) out.min = value(spec.min);
    if (spec.max !== undefined) out.max = value(spec.max);
    return out;
  };
  const out: InstanceRequirements = { vCpuCount: bounds(r.cpu, quantityAsInt), memoryMiB: bounds(r.memory, (q) => quantityScaledValue(q, 6)) };
  if (r.excludedInstanceTypes?.length) out.excludedInstanceTypes = r.excludedInstanceTypes;
  return out;
}
