/**
 * `kops create cluster` inference: options → the user spec (Cluster + InstanceGroups) the command stores, as the
 * Go kops's RunCreateCluster builds it: NewCluster, the command's own tweaks, --unset/--set, then the assignments.
 */
import type { Cluster, InstanceGroup } from '../../apis/types.js';
import { CLUSTER_LABEL } from '../../apis/types.js';
import { checkNoRefusedFields } from '../../apis/fields/refuse.js';
import { assertValid } from '../../apis/validation.js';
import { UserError } from '../../errors.js';
import { performAssignments } from './assignments.js';
import { parseCloudLabels } from './cloud-labels.js';
import { findClusterHostedZone } from './dns-zone.js';
import { newCluster, ROLE_CONTROL_PLANE, type NewClusterContext } from './new-cluster.js';
import type { CreateClusterOptions } from './options.js';
import { setClusterFields, unsetClusterFields } from './set-fields.js';

export type { CreateClusterOptions } from './options.js';
export { defaultCreateClusterOptions, optionsFromGoFields } from './options.js';
export type { NewClusterContext as CreateClusterContext } from './new-cluster.js';

export interface CreateClusterSpec {
  cluster: Cluster;
  /** Sorted by name, as the state store lists them. */
  instanceGroups: InstanceGroup[];
}

/** DNS-1123 subdomain: what kops accepts as a cluster name. */
const DNS_NAME = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export async function createClusterSpec(opt: CreateClusterOptions, ctx: NewClusterContext): Promise<CreateClusterSpec> {
  if (opt.clusterName && !DNS_NAME.test(opt.clusterName)) {
    throw new UserError(`cluster name "${opt.clusterName}" is not a valid DNS name`, 'use lower-case letters, digits, "-" and ".", e.g. demo.k8s.local or k8s.example.com');
  }
  const { cluster, instanceGroups } = await newCluster(opt, ctx);
  const spec = cluster.spec;
  const controlPlanes = instanceGroups.filter((ig) => ig.spec.role === ROLE_CONTROL_PLANE);
  const nodes = instanceGroups.filter((ig) => ig.spec.role === 'Node');

  const cloudLabels = parseCloudLabels(opt.cloudLabels);
  if (Object.keys(cloudLabels).length) spec.cloudLabels = cloudLabels;
  if (opt.associatePublicIP !== undefined) for (const ig of instanceGroups) ig.spec.associatePublicIp = opt.associatePublicIP;
  if (opt.controlPlaneTenancy) for (const ig of controlPlanes) ig.spec.tenancy = opt.controlPlaneTenancy;
  if (opt.nodeTenancy) for (const ig of nodes) ig.spec.tenancy = opt.nodeTenancy;
  if (opt.nodeSecurityGroups.length) for (const ig of nodes) ig.spec.additionalSecurityGroups = [...opt.nodeSecurityGroups];
  if (opt.controlPlaneSecurityGroups.length) for (const ig of controlPlanes) ig.spec.additionalSecurityGroups = [...opt.controlPlaneSecurityGroups];
  if (opt.controlPlaneVolumeSize < 0 || opt.nodeVolumeSize < 0) throw new UserError('volume sizes must not be negative');
  for (const ig of controlPlanes) {
    if (opt.controlPlaneVolumeSize) ig.spec.rootVolumeSize = opt.controlPlaneVolumeSize;
    if (opt.controlPlaneVolumeType) ig.spec.rootVolumeType = opt.controlPlaneVolumeType;
  }
  for (const ig of nodes) {
    if (opt.nodeVolumeSize) ig.spec.rootVolumeSize = opt.nodeVolumeSize;
    if (opt.nodeVolumeType) ig.spec.rootVolumeType = opt.nodeVolumeType;
  }
  if (opt.dnsZone) spec.dnsZone = opt.dnsZone;
  opt.networkCIDRs.forEach((cidr, i) => {
    if (i === 0) spec.networkCIDR = cidr;
    else spec.additionalNetworkCIDRs = [...(spec.additionalNetworkCIDRs ?? []), cidr];
  });
  if (opt.disableSubnetTags) spec.DisableSubnetTags = true;
  if (opt.apiPublicName) spec.masterPublicName = opt.apiPublicName;

  unsetClusterFields(cluster, opt.unsets);
  setClusterFields(cluster, opt.sets);
  // Calico's eBPF data plane replaces kube-proxy, unless the user said otherwise.
  if (spec.networking?.calico?.bpfEnabled && spec.kubeProxy?.enabled === undefined) spec.kubeProxy = { ...spec.kubeProxy, enabled: false };

  await performAssignments(cluster, ctx.lookup, ctx.gceLookup);
  if (spec.cloudProvider === 'aws') await findClusterHostedZone(cluster, ctx.lookup);

  for (const ig of instanceGroups) {
    ig.metadata.labels = { ...ig.metadata.labels, [CLUSTER_LABEL]: cluster.metadata.name! };
    ig.spec.nodeLabels = { ...ig.spec.nodeLabels, 'kops.k8s.io/instancegroup': ig.metadata.name! };
  }
  assertValid(cluster, instanceGroups);
  // As kops validates the new cluster before writing it: settings its cloud refuses stop here (say, a network CIDR on GCE).
  checkNoRefusedFields([cluster, ...instanceGroups], spec.cloudProvider, undefined, 'drop the flag (or --set) that gives it; nothing was written');
  const sorted = [...instanceGroups].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
  return { cluster, instanceGroups: sorted };
}
