/**
 * The load balancers in front of the API servers (when `spec.api.loadBalancer` is set): an internal one always
 * (a backend service of the API-serving managed instance groups with one forwarding rule per subnet, and kops-controller
 * and cilium-etcd rules on the same address), and for a public API also an external address and forwarding rule to
 * a target pool the groups join. Plus the firewall rules letting clients in.
 */
import type { InstanceGroup } from '../../apis/types.js';
import { GCE_LABEL_CLUSTER, instanceGroupManagerName } from '../../cloud/gce/names.js';
import {
  GceAddress,
  GceFirewall,
  GceForwardingRule,
  GceHttpHealthCheck,
  GceInstanceGroupManager,
  GceRegionBackendService,
  GceRegionHealthCheck,
  GceTargetPool,
} from '../../cloud/gce/resources/index.js';
import { safeClusterName } from '../../cloud/gce/lookup.js';
import { ref, type Ref, type Task } from '../../engine/task.js';
import { UserError } from '../../errors.js';
import type { GceModel } from './context.js';
import { firewallPair } from './firewall.js';

const KUBE_APISERVER = 443;
const KUBE_APISERVER_HEALTH_CHECK = 3990;
const KOPS_CONTROLLER = 3988;
const ETCD_MAIN_CLIENT = 4001;
const ETCD_EVENTS_CLIENT = 4002;
const ETCD_CILIUM_CLIENT = 4003;

export interface GceApiLoadBalancer {
  tasks: Task[];
  /** Target pools an instance group's managed groups join. */
  targetPools: (ig: InstanceGroup) => Ref[];
}

const runsApiServer = (ig: InstanceGroup) => ig.spec.role === 'Master' || ig.spec.role === 'ControlPlane' || ig.spec.role === 'APIServer';
const isControlPlane = (ig: InstanceGroup) => ig.spec.role === 'Master' || ig.spec.role === 'ControlPlane';

export function buildGceApiLoadBalancer(m: GceModel): GceApiLoadBalancer {
  const lb = m.spec.api?.loadBalancer;
  if (!lb) return { tasks: [], targetPools: () => [] };
  const tasks: Task[] = [];
  let targetPool: Task | undefined;
  if (lb.type === 'Public') {
    const pub = publicLoadBalancer(m);
    tasks.push(...pub.tasks);
    targetPool = pub.targetPool;
  } else if (lb.type !== 'Internal') {
    throw new UserError(`spec.api.loadBalancer.type: "${lb.type ?? ''}" is not a load balancer type`, 'use Public or Internal');
  }
  tasks.push(...internalLoadBalancer(m), ...apiFirewallRules(m));
  const hasApiServerGroups = m.hasApiServerGroups();
  return {
    tasks,
    targetPools: (ig) => {
      if (!targetPool) return [];
      const attached = ig.spec.role === 'APIServer' || (!hasApiServerGroups && isControlPlane(ig));
      return attached ? [ref(targetPool, 'self_link')] : [];
    },
  };
}

function clusterLabels(m: GceModel, name: string): Record<string, string> {
  return { [GCE_LABEL_CLUSTER]: safeClusterName(m.clusterName), name };
}

function publicLoadBalancer(m: GceModel): { tasks: Task[]; targetPool: Task } {
  const healthCheck = GceHttpHealthCheck.task(m.suffixedName('api'), { name: m.suffixedName('api'), port: KUBE_APISERVER_HEALTH_CHECK, requestPath: '/healthz' });
  const targetPool = GceTargetPool.task(m.suffixedName('api'), { name: m.suffixedName('api'), region: m.region, healthChecks: [ref(healthCheck, 'self_link')] });
  const address = GceAddress.task(m.suffixedName('api'), { name: m.suffixedName('api'), region: m.region });
  const rule = GceForwardingRule.task(m.suffixedName('api'), {
    name: m.suffixedName('api'),
    region: m.region,
    ipAddress: ref(address, 'address'),
    ipProtocol: 'TCP',
    loadBalancingScheme: 'EXTERNAL',
    portRange: `${KUBE_APISERVER}-${KUBE_APISERVER}`,
    target: ref(targetPool, 'self_link'),
    labels: clusterLabels(m, 'api'),
  });
  return { tasks: [healthCheck, targetPool, address, rule], targetPool };
}

function backendService(m: GceModel, id: string, port: number, protocol: 'tcp' | 'ssl', groups: InstanceGroup[]): Task[] {
  const name = m.suffixedName(id);
  const healthCheck = GceRegionHealthCheck.task(name, { name, region: m.region, ...(protocol === 'ssl' ? { sslHealthCheck: { port } } : { tcpHealthCheck: { port } }) });
  const service = GceRegionBackendService.task(name, {
    name,
    region: m.region,
    protocol: 'TCP',
    loadBalancingScheme: 'INTERNAL',
    healthChecks: [ref(healthCheck, 'id')],
    backends: groups.map((ig) => ({
      balancingMode: 'CONNECTION',
      group: ref({ type: GceInstanceGroupManager.type, name: instanceGroupManagerName(m.clusterName, ig.metadata.name!, ig.spec.zones![0]) }, 'instance_group'),
    })),
  });
  return [healthCheck, service];
}

function internalLoadBalancer(m: GceModel): Task[] {
  const apiGroups = m.instanceGroups.filter(runsApiServer);
  for (const ig of apiGroups) {
    const zones = ig.spec.zones ?? [];
    if (zones.length !== 1) throw new UserError(`InstanceGroup ${ig.metadata.name}.spec.zones: an API-serving group behind the GCE load balancer needs exactly one zone`, 'split the group into one group per zone');
  }
  const controlPlaneGroups = apiGroups.filter(isControlPlane);
  const noneDns = m.spec.topology?.dns?.type === 'None';
  const tasks: Task[] = [];
  const [apiHealthCheck, api] = backendService(m, 'api', KUBE_APISERVER, 'tcp', apiGroups);
  tasks.push(apiHealthCheck, api);
  let controlPlane = api;
  if (m.hasApiServerGroups()) {
    const [hc, service] = backendService(m, 'kops-controller', KOPS_CONTROLLER, 'ssl', controlPlaneGroups);
    tasks.push(hc, service);
    controlPlane = service;
  }
  const etcdNeeded = noneDns && apiGroups.some((ig) => ig.spec.role === 'APIServer');
  const ciliumEtcd = (m.spec.etcdClusters ?? []).some((e) => e.name === 'cilium');
  const subnets = (m.spec.subnets ?? []).filter((s) => apiGroups.some((ig) => (ig.spec.subnets ?? []).includes(s.name!)));
  const internalRule = (id: string, address: Task, service: Task, ports: number[], subnet: (typeof subnets)[number]) =>
    GceForwardingRule.task(m.suffixedName(id), {
      name: m.suffixedName(id),
      region: m.region,
      ipAddress: ref(address, 'address'),
      ipProtocol: 'TCP',
      loadBalancingScheme: 'INTERNAL',
      ports: ports.map(String),
      backendService: ref(service, 'id'),
      network: m.networkLink(),
      subnetwork: m.subnetLink(subnet),
      labels: clusterLabels(m, id),
    });
  const internalAddress = (id: string, subnet: (typeof subnets)[number]) =>
    GceAddress.task(m.suffixedName(id), { name: m.suffixedName(id), region: m.region, addressType: 'INTERNAL', purpose: 'SHARED_LOADBALANCER_VIP', subnetwork: m.subnetLink(subnet) });
  for (const subnet of subnets) {
    const address = internalAddress(`api-${subnet.name}`, subnet);
    tasks.push(address, internalRule(`api-${subnet.name}`, address, api, [KUBE_APISERVER], subnet));
    if (noneDns) tasks.push(internalRule(`kops-controller-${subnet.name}`, address, controlPlane, [KOPS_CONTROLLER], subnet));
    if (ciliumEtcd) tasks.push(internalRule(`cilium-etcd-${subnet.name}`, address, controlPlane, [ETCD_CILIUM_CLIENT], subnet));
  }
  if (etcdNeeded) {
    const [hc, etcd] = backendService(m, 'etcd', ETCD_MAIN_CLIENT, 'tcp', controlPlaneGroups);
    tasks.push(hc, etcd);
    for (const subnet of subnets) {
      const address = internalAddress(`etcd-${subnet.name}`, subnet);
      tasks.push(address, internalRule(`etcd-${subnet.name}`, address, etcd, [ETCD_MAIN_CLIENT, ETCD_EVENTS_CLIENT], subnet));
    }
  }
  return tasks;
}

function apiFirewallRules(m: GceModel): Task[] {
  const access = m.spec.kubernetesApiAccess ?? [];
  const controlPlane = [m.tag('control-plane')];
  const tasks = firewallPair(m, 'https-api', { allowed: [`tcp:${KUBE_APISERVER}`], sourceRanges: access, targetTags: m.apiServerTargetTags() });
  if (m.usesIpAliases()) {
    const name = m.suffixedName('pod-cidrs-to-https-api');
    tasks.push(
      GceFirewall.task(name, {
        name,
        network: m.networkLink(),
        allow: [{ protocol: 'tcp', ports: [String(KUBE_APISERVER)] }],
        sourceRanges: [m.spec.podCIDR ?? ''],
        targetTags: m.apiServerTargetTags(),
        disabled: false,
      }),
    );
  }
  if (m.spec.topology?.dns?.type === 'None') tasks.push(...firewallPair(m, 'kops-controller', { allowed: [`tcp:${KOPS_CONTROLLER}`], sourceRanges: access, targetTags: controlPlane }));
  if ((m.spec.etcdClusters ?? []).some((e) => e.name === 'cilium')) {
    tasks.push(...firewallPair(m, 'cilium-etcd', { allowed: [`tcp:${ETCD_CILIUM_CLIENT}`], sourceRanges: access, targetTags: controlPlane }));
  }
  return tasks;
}
