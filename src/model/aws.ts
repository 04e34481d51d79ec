import type { Ref, Task } from '../engine/task.js';
import { buildAutoscaling } from './autoscaling.js';
import { buildBastion } from './bastion.js';
import { buildIssuerDiscovery } from './discovery.js';
import { buildApiDns } from './dns.js';
import { buildApiLoadBalancer } from './loadbalancer.js';
import { ModelContext, type AwsModelContext } from './context.js';
import { buildEtcdVolumes } from './etcd-volumes.js';
import { buildManagedFiles } from './files.js';
import { buildExternalAccess, buildFirewall, dedupe } from './firewall.js';
import { buildIam } from './iam.js';
import { buildIrsa } from './irsa.js';
import { buildNetwork } from './network.js';
import { buildNodeTerminationQueue } from './nth.js';
import { buildSshKey } from './sshkey.js';
import type { Cluster, InstanceGroup } from '../apis/types.js';

/**
 * Everything the Go kops creates on AWS for a cluster, as tasks: network, firewall, IAM, key pair, etcd volumes,
 * instance groups, the NTH queue, and the state-store files. Pure: look-ups come in through `ctx`.
 */
export function buildAwsModel(cluster: Cluster, instanceGroups: InstanceGroup[], ctx: AwsModelContext): Task[] {
  const m = new ModelContext(cluster, instanceGroups, ctx);
  const sshKey = buildSshKey(m);
  const api = buildApiLoadBalancer(m);
  const bastion = buildBastion(m);
  const targetGroups = (ig: InstanceGroup): Ref[] =>
    m.isControlPlane(ig) ? api.controlPlaneTargetGroups : ig.spec.role === 'APIServer' ? api.apiServerTargetGroups : ig.spec.role === 'Bastion' ? bastion.targetGroups : [];
  const tasks = [
    ...buildNetwork(m),
    ...buildFirewall(m),
    ...buildExternalAccess(m),
    ...buildIam(m),
    ...buildIrsa(m),
    ...sshKey,
    ...buildEtcdVolumes(m),
    ...api.tasks,
    ...buildApiDns(m, api.loadBalancer),
    ...bastion.tasks,
    ...buildAutoscaling(m, sshKey[0], targetGroups),
    ...buildNodeTerminationQueue(m),
    ...buildManagedFiles(m),
    ...buildIssuerDiscovery(m.spec, m.aws.serviceAccountPublicKeysPem, m.aws.discoveryStore),
  ];
  for (const t of tasks) {
    t.lifecycle = ctx.phase && phaseOf(t.kopsKind) !== ctx.phase ? 'Ignore' : m.lifecycle(t.kopsKind);
  }
  return dedupe(tasks);
}

export type Phase = 'network' | 'security' | 'cluster';

const NETWORK_KINDS = new Set([
  'VPC',
  'VPCCIDRBlock',
  'DHCPOptions',
  'VPCDHCPOptionsAssociation',
  'InternetGateway',
  'EgressOnlyInternetGateway',
  'Subnet',
  'RouteTable',
  'Route',
  'RouteTableAssociation',
  'ElasticIP',
  'NatGateway',
]);
const SECURITY_KINDS = new Set(['SecurityGroup', 'SecurityGroupRule', 'IAMRole', 'IAMRolePolicy', 'IAMInstanceProfile', 'IAMOIDCProvider', 'SSHKey']);

/** The `--phase` a kind of object is made in: the network first, then security (IAM, firewall), then the rest. */
export function phaseOf(kopsKind: string): Phase {
  if (NETWORK_KINDS.has(kopsKind)) return 'network';
  if (SECURITY_KINDS.has(kopsKind)) return 'security';
  return 'cluster';
}
