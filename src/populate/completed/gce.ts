import { safeClusterName } from '../../cloud/gce/lookup.js';
import { tagForRole } from '../../cloud/gce/names.js';
import { byDefault, inferred } from '../origin.js';
import type { PopulateState } from './state.js';
import { PINNED } from './versions.js';

export function fillGceCloudConfig(s: PopulateState): void {
  const { spec } = s;
  const pd = spec.at('cloudConfig.gcpPDCSIDriver');
  pd.default('enabled', true, byDefault('GCE persistent disk CSI driver'));
  pd.default('defaultStorageClassName', 'balanced-csi', byDefault('GCE persistent disk CSI driver storage class'));
  pd.default('version', PINNED.gcpPDCSIDriver, byDefault('GCE persistent disk CSI driver version'));
  spec.set('cloudConfig.multizone', true, inferred('GCE clusters span the zones of their region'));
  spec.set('cloudConfig.nodeTags', tagForRole(s.clusterName, 'node'), inferred('network tag of the nodes'));
}

export function fillGceCloudControllerManager(s: PopulateState): void {
  const { spec } = s;
  const ccm = spec.at('cloudControllerManager');
  ccm.set('leaderElection.leaderElect', true, byDefault('cloud controller manager leader election'));
  ccm.set('clusterName', safeClusterName(s.clusterName), inferred('cluster name as GCE names allow it'));
  ccm.set('allocateNodeCIDRs', true, byDefault('the GCE cloud controller manager allocates node CIDRs'));
  ccm.set('cidrAllocatorType', 'CloudAllocator', byDefault('the GCE cloud controller manager allocates node CIDRs'));
  const podCIDR = spec.get('podCIDR');
  if (podCIDR !== undefined) ccm.default('clusterCIDR', podCIDR, inferred('spec.podCIDR'));
  if (spec.has('networking.gce') || spec.has('networking.kindnet')) ccm.set('configureCloudRoutes', false, inferred('IP aliases need no routes'));
  const ipv6Only = s.ipv6;
  ccm.default('controllers', ipv6Only ? ['*', '-node-ipam-controller', '-node-route-controller'] : ['*'], inferred('kops-controller allocates node CIDRs on IPv6'));
  ccm.default('image', PINNED.gcpCloudControllerManagerImage, byDefault('GCE cloud controller manager image'));
}
