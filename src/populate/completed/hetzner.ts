import { byDefault, inferred } from '../origin.js';
import type { PopulateState } from './state.js';
import { PINNED } from './versions.js';

export function fillHetznerCloudControllerManager(s: PopulateState): void {
  const { spec } = s;
  const ccm = spec.at('cloudControllerManager');
  ccm.default('allocateNodeCIDRs', spec.get('kubeControllerManager.allocateNodeCIDRs'), inferred('as kubeControllerManager.allocateNodeCIDRs'));
  ccm.default('allowUntaggedCloud', true, byDefault('Hetzner cloud controller manager allows untagged clouds'));
  ccm.default('cloudProvider', 'hcloud', inferred('Hetzner Cloud'));
  const podCIDR = spec.get('podCIDR');
  if (podCIDR !== undefined) ccm.default('clusterCIDR', podCIDR, inferred('spec.podCIDR'));
  ccm.default('configureCloudRoutes', false, byDefault('the CNI routes pods'));
  ccm.default('image', PINNED.hetznerCloudControllerManagerImage, byDefault('Hetzner cloud controller manager image'));
  ccm.default('leaderElection.leaderElect', false, byDefault('Hetzner cloud controller manager runs without leader election'));
}
