/**
 * Per instance group: an instance template (machine, boot disk, network interface, metadata with the nodeup user
 * data, service account, tags and labels) and one zonal managed instance group per zone, the size split across them.
 */
import type { InstanceGroup } from '../../apis/types.js';
import { truncateName } from '../../apis/go/truncate.js';
import { safeClusterName } from '../../cloud/gce/lookup.js';
import { GCE_LABEL_CLUSTER, GCE_LABEL_INSTANCE_GROUP, GCE_LABEL_ROLE_PREFIX, instanceGroupManagerName, safeObjectName, splitAcrossZones } from '../../cloud/gce/names.js';
import { GceInstanceGroupManager, GceInstanceTemplate, type GceInstanceTemplateSpec } from '../../cloud/gce/resources/index.js';
import { ref, type Ref, type Task } from '../../engine/task.js';
import { UserError } from '../../errors.js';
import type { GceModel } from './context.js';
import { serviceAccountEmail } from './service-accounts.js';

const DEFAULT_VOLUME_TYPE = 'pd-standard';
const DEFAULT_VOLUME_SIZE: Record<string, number> = { 'control-plane': 64, apiserver: 128, node: 128, bastion: 32 };
const TEMPLATE_NAME_PREFIX_MAX = 32;
const SCOPES = {
  'compute-rw': 'https://www.googleapis.com/auth/compute',
  monitoring: 'https://www.googleapis.com/auth/monitoring',
  'logging-write': 'https://www.googleapis.com/auth/logging.write',
  'cloud-platform': 'https://www.googleapis.com/auth/cloud-platform',
  'storage-ro': 'https://www.googleapis.com/auth/devstorage.read_only',
  'storage-rw': 'https://www.googleapis.com/auth/devstorage.read_write',
  clouddns: 'https://www.googleapis.com/auth/ndev.clouddns.readwrite',
};
/** Machine families with GPUs, which cannot live-migrate. */
const NO_MIGRATION_FAMILIES = new Set(['a4x', 'a4', 'a3', 'a2', 'g2', 'g4']);

/** `project/image` or `image` (in the cluster's project) as the image URL GCE takes. */
export function imageUrl(project: string, image: string): string {
  const parts = image.split('/');
  if (parts.length > 2) throw new UserError(`image "${image}" is neither PROJECT/IMAGE nor IMAGE`, 'write the image as PROJECT/IMAGE, e.g. ubuntu-os-cloud/ubuntu-2404-noble-amd64-v20260615');
  const [imageProject, name] = parts.length === 2 ? parts : [project, parts[0]];
  return `https://www.googleapis.com/compute/v1/projects/${imageProject}/global/images/${name}`;
}

function instanceLabels(m: GceModel, ig: InstanceGroup): Record<string, string> {
  const role = m.role(ig);
  const labels: Record<string, string> = { ...m.spec.cloudLabels, ...ig.spec.cloudLabels };
  labels[GCE_LABEL_CLUSTER] = safeClusterName(m.clusterName);
  labels[GCE_LABEL_ROLE_PREFIX + role] = role;
  labels[GCE_LABEL_INSTANCE_GROUP] = ig.metadata.name!;
  if (role === 'control-plane') labels[`${GCE_LABEL_ROLE_PREFIX}master`] = 'master';
  // Cluster autoscaler reads a group's taints from these labels to plan for nodes that do not exist yet.
  for (const taint of ig.spec.taints ?? []) {
    const parsed = parseTaint(taint);
    if (parsed?.effect) labels[`k8s.io/cluster-autoscaler/node-template/taint/${parsed.key}`] = `${parsed.value}:${parsed.effect}`;
  }
  return labels;
}

/** `key=value:effect`, `key:effect` or `key`; undefined for text that is none of these. */
function parseTaint(taint: string): { key: string; value: string; effect: string } | undefined {
  const parts = taint.split(':');
  if (parts.length === 1) return { key: taint, value: '', effect: '' };
  if (parts.length !== 2) return undefined;
  const kv = parts[0].split('=');
  if (kv.length > 2) return undefined;
  return { key: kv[0], value: kv[1] ?? '', effect: parts[1] };
}

function autoscalerEnv(ig: InstanceGroup): string {
  let env = (ig.spec.image ?? '').startsWith('cos-cloud/') ? 'os_distribution=cos;arch=amd64;os=linux' : 'os_distribution=ubuntu;arch=amd64;os=linux';
  const labels = ig.spec.nodeLabels ?? {};
  const keys = Object.keys(labels).sort();
  if (keys.length) env += `;node_labels=${keys.map((k) => `${k}=${labels[k]}`).join(',')}`;
  if (ig.spec.taints?.length) env += `;node_taints=${ig.spec.taints.join(',')}`;
  return `AUTOSCALER_ENV_VARS: ${env}`;
}

function sshUser(image: string): string {
  const name = image.slice(image.lastIndexOf('/') + 1);
  return name.toLowerCase().startsWith('ubuntu') ? 'ubuntu' : 'admin';
}

function instanceTemplate(m: GceModel, ig: InstanceGroup): Task {
  const name = safeObjectName(ig.metadata.name!, m.clusterName);
  const role = m.role(ig);
  const subnets = ig.spec.subnets ?? [];
  if (subnets.length !== 1) throw new UserError(`InstanceGroup ${ig.metadata.name}.spec.subnets: a GCE instance group has exactly one subnet`, 'subnets are regional on GCE: name the one subnet');
  const subnet = m.subnet(subnets[0]);
  const external = ig.spec.associatePublicIp ?? (subnet.type === 'Public' || subnet.type === 'Utility' || role === 'bastion');
  const scopes = [SCOPES['compute-rw'], SCOPES.monitoring, SCOPES['logging-write'], SCOPES['cloud-platform']];
  const writesBackups = role === 'control-plane' && (m.spec.etcdClusters ?? []).some((e) => !!e.backups?.backupStore);
  scopes.push(writesBackups ? SCOPES['storage-rw'] : SCOPES['storage-ro']);
  const tags: string[] = [];
  if (role === 'control-plane') {
    scopes.push(SCOPES.clouddns);
    tags.push(m.tag('control-plane'), m.tag('master'));
  } else if (role === 'apiserver') {
    scopes.push(SCOPES.clouddns);
    tags.push(m.tag('apiserver'));
  } else tags.push(m.tag(role));

  const metadata: Record<string, string> = { 'cluster-name': m.clusterName, 'kops-k8s-io-instance-group-name': ig.metadata.name! };
  const userData = m.inputs.userData.get(ig.metadata.name!);
  if (userData !== undefined) metadata[m.spec.cloudConfig?.gceUseStartupScript ? 'startup-script' : 'user-data'] = userData;
  if (role === 'node') metadata['kube-env'] = autoscalerEnv(ig);
  if (m.inputs.sshPublicKeys.length) metadata['ssh-keys'] = m.inputs.sshPublicKeys.map((k) => `${sshUser(ig.spec.image ?? '')}: ${k}`).join('\n');

  const machineType = ig.spec.machineType ?? '';
  const spot = ig.spec.gcpProvisioningModel === 'SPOT';
  const accelerators = (ig.spec.guestAccelerators ?? []).map((a) => ({ type: a.acceleratorType ?? '', count: a.acceleratorCount ?? 0 }));
  const migrates = !NO_MIGRATION_FAMILIES.has(machineType.split('-')[0]) && !accelerators.length;
  const ipAlias = m.usesIpAliases();
  const spec: GceInstanceTemplateSpec = {
    name,
    namePrefix: `${truncateName(name, TEMPLATE_NAME_PREFIX_MAX, false)}-`,
    canIpForward: !ipAlias,
    machineType,
    disks: [
      {
        autoDelete: true,
        boot: true,
        deviceName: 'persistent-disks-0',
        diskName: '',
        diskSizeGb: ig.spec.rootVolumeSize || DEFAULT_VOLUME_SIZE[role],
        diskType: ig.spec.rootVolumeType || DEFAULT_VOLUME_TYPE,
        interface: '',
        mode: 'READ_WRITE',
        provisionedIops: ig.spec.rootVolumeIops && ig.spec.rootVolumeIops > 0 ? ig.spec.rootVolumeIops : 0,
        provisionedThroughput: ig.spec.rootVolumeThroughput && ig.spec.rootVolumeThroughput > 0 ? ig.spec.rootVolumeThroughput : 0,
        source: '',
        sourceImage: imageUrl(m.inputs.project, ig.spec.image ?? ''),
        type: 'PERSISTENT',
      },
    ],
    labels: instanceLabels(m, ig),
    metadata,
    networkInterfaces: [
      {
        network: m.networkLink(),
        subnetwork: m.subnetLink(subnet),
        stackType: m.isIpv6Only() ? 'IPV4_IPV6' : 'IPV4_ONLY',
        accessConfigs: external ? [{}] : [],
        aliasIpRanges: ipAlias ? [{ subnetworkRangeName: m.suffixedName('pods'), ipCidrRange: `/${m.spec.kubeControllerManager?.nodeCIDRMaskSize ?? 24}` }] : undefined,
      },
    ],
    scheduling: spot
      ? { automaticRestart: false, onHostMaintenance: 'TERMINATE', preemptible: true, provisioningModel: ig.spec.gcpProvisioningModel ?? '' }
      : { automaticRestart: true, onHostMaintenance: migrates ? 'MIGRATE' : 'TERMINATE', preemptible: false, provisioningModel: 'STANDARD' },
    serviceAccounts: [{ email: serviceAccountEmail(m, ig), scopes }],
    tags,
    guestAccelerators: accelerators.length ? accelerators : undefined,
  };
  return GceInstanceTemplate.task(name, spec);
}

export function buildGceInstanceGroups(m: GceModel, targetPools: (ig: InstanceGroup) => Ref[]): Task[] {
  const tasks: Task[] = [];
  for (const ig of m.instanceGroups) {
    const template = instanceTemplate(m, ig);
    tasks.push(template);
    const zones = ig.spec.zones ?? [];
    if (!zones.length) throw new UserError(`InstanceGroup ${ig.metadata.name}.spec.zones: no zone`, 'GCE instance groups name their zones');
    const size = ig.spec.minSize ?? (m.role(ig) === 'node' ? 2 : 1);
    for (const [zone, targetSize] of splitAcrossZones(size, zones)) {
      const name = instanceGroupManagerName(m.clusterName, ig.metadata.name!, zone);
      const pools = targetPools(ig);
      tasks.push(
        GceInstanceGroupManager.task(name, {
          name,
          zone,
          baseInstanceName: ig.metadata.name!,
          targetSize,
          version: { instanceTemplate: ref(template, 'self_link') },
          targetPools: pools.length ? pools : undefined,
          listManagedInstancesResults: 'PAGINATED',
          updatePolicy: { minimalAction: 'REPLACE', type: 'OPPORTUNISTIC' },
        }),
      );
    }
  }
  return tasks;
}
