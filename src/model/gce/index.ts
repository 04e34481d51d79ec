/**
 * Everything the Go kops creates on GCE for a cluster, as tasks: network, firewall rules, service accounts, etcd
 * disks, the API load balancer, instance templates with their managed instance groups, the state-store files, and the
 * service-account issuer's discovery documents.
 * Pure: the project, SSH keys and bootstrap outputs come in through `inputs`.
 */
import type { Cluster, InstanceGroup } from '../../apis/types.js';
import { ManagedFile } from '../../cloud/aws/resources/managed-file.js';
import type { Task } from '../../engine/task.js';
import { buildIssuerDiscovery } from '../discovery.js';
import { dedupe } from '../firewall.js';
import { buildGceApiLoadBalancer } from './api-loadbalancer.js';
import { GceModel, type GceModelInputs } from './context.js';
import { buildGceEtcdDisks } from './etcd-disks.js';
import { buildGceExternalAccess, buildGceFirewall } from './firewall.js';
import { buildGceInstanceGroups } from './instance-groups.js';
import { buildGceNetwork } from './network.js';
import { buildGceServiceAccounts } from './service-accounts.js';
import { buildGceStorageAcls } from './storage-acl.js';

export type { GceModelInputs } from './context.js';

export function buildGceModel(cluster: Cluster, instanceGroups: InstanceGroup[], inputs: GceModelInputs): Task[] {
  const m = new GceModel(cluster, instanceGroups, inputs);
  const api = buildGceApiLoadBalancer(m);
  const tasks = [
    ...buildGceNetwork(m),
    ...buildGceFirewall(m),
    ...buildGceExternalAccess(m),
    ...buildGceServiceAccounts(m),
    ...buildGceStorageAcls(m),
    ...buildGceEtcdDisks(m),
    ...api.tasks,
    ...buildGceInstanceGroups(m, api.targetPools),
    ...buildStateFiles(m),
    ...buildIssuerDiscovery(m.spec, inputs.serviceAccountPublicKeysPem, inputs.discoveryStore),
  ];
  return dedupe(tasks);
}

function buildStateFiles(m: GceModel): Task[] {
  const base = (m.spec.configBase ?? '').replace(/\/$/, '');
  return m.inputs.files.map((f) => {
    const location = /^[a-z0-9]+:\/\//.test(f.path) ? f.path : `${(f.base ?? base).replace(/\/$/, '')}/${f.path}`;
    return ManagedFile.task(f.tfName, { location, contents: f.content });
  });
}
