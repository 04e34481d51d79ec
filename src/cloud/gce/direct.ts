/** The direct target on GCE: every resource type's calls (Compute Engine, IAM, Resource Manager). */
import type { ErrorClass, Provider, ResourceOps } from '../../engine/ops.js';
import { gceReason, gceStatus, type GceCompute } from './compute.js';
import { GceAddressOps } from './resources/address.js';
import { GceDiskOps } from './resources/disk.js';
import { GceFirewallOps } from './resources/firewall.js';
import { GceForwardingRuleOps } from './resources/forwarding-rule.js';
import { GceHttpHealthCheckOps } from './resources/http-health-check.js';
import { GceInstanceGroupManagerOps } from './resources/instance-group-manager.js';
import { GceInstanceTemplateOps } from './resources/instance-template.js';
import { GceNetworkOps } from './resources/network.js';
import { GceProjectIamBindingOps } from './resources/project-iam-binding.js';
import { GceRegionBackendServiceOps } from './resources/region-backend-service.js';
import { GceRegionHealthCheckOps } from './resources/region-health-check.js';
import { GceRouterNatOps, GceRouterOps } from './resources/router.js';
import { GceServiceAccountOps } from './resources/service-account.js';
import { gceStateFileOps } from './resources/state-file.js';
import { GceStorageBucketIamOps } from './resources/storage-bucket-iam.js';
import { GceSubnetworkOps } from './resources/subnetwork.js';
import { GceTargetPoolOps } from './resources/target-pool.js';

const OPS: ResourceOps<GceCompute>[] = [
  GceAddressOps,
  GceDiskOps,
  GceFirewallOps,
  GceForwardingRuleOps,
  GceHttpHealthCheckOps,
  GceInstanceGroupManagerOps,
  GceInstanceTemplateOps,
  GceNetworkOps,
  GceProjectIamBindingOps,
  GceRegionBackendServiceOps,
  GceRegionHealthCheckOps,
  GceRouterNatOps,
  GceRouterOps,
  GceServiceAccountOps,
  GceStorageBucketIamOps,
  GceSubnetworkOps,
  GceTargetPoolOps,
];

export function gceDirectProvider(api: GceCompute): Provider<GceCompute> {
  const byType = new Map([...OPS, gceStateFileOps()].map((o) => [o.type, o]));
  return { cloud: api, ops: (type) => byType.get(type), classify: classifyGceError, describe: describeGceError };
}

export function classifyGceError(err: unknown): ErrorClass {
  const status = gceStatus(err);
  const reason = gceReason(err).reason.replaceAll('_', '').toLowerCase();
  if (status === 404 || reason === 'notfound') return 'notFound';
  if (status === 401 || status === 403) return 'accessDenied';
  if (reason === 'resourceinusebyanotherresource') return 'dependencyViolation';
  if (status === 429 || (status !== undefined && status >= 500 && status !== 501) || reason === 'resourcenotready' || reason === 'ratelimitexceeded') return 'retryable';
  if (status === 400 && accountNotYetVisible(gceReason(err).message)) return 'retryable';
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE'].includes(code)) return 'retryable';
  return 'other';
}

/**
 * A policy naming a service account made moments ago is refused (400) until IAM has propagated the account: the
 * Go kops's task loop retries such a task, so do we (within the engine's bounded attempts).
 */
function accountNotYetVisible(message: string): boolean {
  return /service account \S+ does not exist/i.test(message);
}

export function describeGceError(err: unknown): string {
  const status = gceStatus(err);
  const { reason, message } = gceReason(err);
  return [status, reason].filter(Boolean).join(' ') + (status || reason ? ': ' : '') + message;
}
