/**
 * `delete cluster` on GCE: the kinds' discoveries (each declared in its resource type's file, by the rules of the
 * Go kops's pkg/resources/gce) run by the cloud-neutral runner, each kind listed once and claimed in dependency order.
 */
import { discoveryOfKinds } from '../kind-discovery.js';
import type { CloudDiscovery } from '../types.js';
import type { GceCompute } from './compute.js';
import { classifyGceError, describeGceError } from './direct.js';
import { GceAddressDiscovery } from './resources/address.js';
import type { GceDiscovery } from './resources/discovery.js';
import { GceDiskDiscovery } from './resources/disk.js';
import { GceDnsRecordDiscovery } from './resources/dns-record.js';
import { GceFirewallDiscovery } from './resources/firewall.js';
import { GceForwardingRuleDiscovery } from './resources/forwarding-rule.js';
import { GceHttpHealthCheckDiscovery } from './resources/http-health-check.js';
import { GceInstanceDiscovery } from './resources/instance.js';
import { GceInstanceGroupManagerDiscovery } from './resources/instance-group-manager.js';
import { GceInstanceTemplateDiscovery } from './resources/instance-template.js';
import { GceNetworkDiscovery } from './resources/network.js';
import { GceProjectIamBindingDiscovery } from './resources/project-iam-binding.js';
import { GceRegionBackendServiceDiscovery } from './resources/region-backend-service.js';
import { GceRegionHealthCheckDiscovery } from './resources/region-health-check.js';
import { GceRouteDiscovery } from './resources/route.js';
import { GceRouterDiscovery } from './resources/router.js';
import { GceServiceAccountDiscovery } from './resources/service-account.js';
import { GceSubnetworkDiscovery } from './resources/subnetwork.js';
import { GceTargetPoolDiscovery } from './resources/target-pool.js';

/** Every GCE kind delete knows; listed users first, which is also the order objects are shown in. */
export const GCE_DISCOVERIES: readonly GceDiscovery[] = [
  GceProjectIamBindingDiscovery,
  GceFirewallDiscovery,
  GceRouteDiscovery,
  GceRouterDiscovery,
  GceForwardingRuleDiscovery,
  GceRegionBackendServiceDiscovery,
  GceInstanceGroupManagerDiscovery,
  GceTargetPoolDiscovery,
  GceHttpHealthCheckDiscovery,
  GceRegionHealthCheckDiscovery,
  GceInstanceTemplateDiscovery,
  GceDiskDiscovery,
  GceAddressDiscovery,
  GceSubnetworkDiscovery,
  GceServiceAccountDiscovery,
  GceNetworkDiscovery,
  GceInstanceDiscovery,
  GceDnsRecordDiscovery,
] as readonly GceDiscovery[];

export function gceDiscovery(api: GceCompute, discoveries: readonly GceDiscovery[] = GCE_DISCOVERIES): CloudDiscovery {
  return discoveryOfKinds(api, discoveries, { classify: classifyGceError, describe: describeGceError });
}
