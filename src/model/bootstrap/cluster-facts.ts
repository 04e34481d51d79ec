import type { Cluster, InstanceGroup } from '../../apis/types.js';

/** Instance-group roles in their internal spelling (v1alpha2 writes the control plane as `Master`). */
export type Role = 'ControlPlane' | 'Node' | 'APIServer' | 'Bastion';

export function roleOf(ig: InstanceGroup): Role {
  const role = String(ig.spec.role ?? 'Node');
  if (role === 'Master' || role === 'ControlPlane') return 'ControlPlane';
  return role as Role;
}

export function hasAPIServer(role: Role): boolean {
  return role === 'ControlPlane' || role === 'APIServer';
}

/** The directory of an instance group's files under igconfig/. */
export function roleDirectory(role: Role): string {
  return { ControlPlane: 'control-plane', Node: 'node', APIServer: 'apiserver', Bastion: 'bastion' }[role];
}

export function usesNoneDNS(cluster: Cluster): boolean {
  return cluster.spec.topology?.dns?.type === 'None';
}

export function isGossipName(name: string): boolean {
  return name.endsWith('.k8s.local');
}

/** Whether nodeup installs the CNI plugins itself (some CNIs ship their own). */
export function installCNIAssets(cluster: Cluster): boolean {
  const networking = cluster.spec.networking ?? {};
  if (networking.cilium) return networking.cilium.chainingMode === 'portmap';
  return !networking.amazonvpc && !networking.calico;
}

export function isIPv6Only(cluster: Cluster): boolean {
  return String(cluster.spec.nonMasqueradeCIDR ?? '').includes(':');
}

export { awsRegion } from '../../addons/system-env.js';

export function configBase(cluster: Cluster): string {
  return String(cluster.spec.configBase);
}

export function etcdClusterNames(cluster: Cluster): string[] {
  return (cluster.spec.etcdClusters ?? []).map((e) => e.name ?? '');
}
