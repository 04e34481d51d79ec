import { UserError } from '../../errors.js';
import { discoveryStoreHttpsUrl } from '../../apis/discovery-store.js';
import { byDefault, inferred } from '../origin.js';
import { isAtLeast } from './kubernetes-version.js';
import type { PopulateState } from './state.js';
import { componentImage } from './versions.js';

const ADMISSION_PLUGINS = [
  'DefaultStorageClass',
  'DefaultTolerationSeconds',
  'LimitRanger',
  'MutatingAdmissionWebhook',
  'NamespaceLifecycle',
  'NodeRestriction',
  'ResourceQuota',
  'RuntimeClass',
  'ServiceAccount',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionWebhook',
];

export function fillKubeAPIServer(s: PopulateState): void {
  const { spec } = s;
  const api = spec.at('kubeAPIServer');
  const d = (field: string, value: unknown, rule = `kube-apiserver ${field}`) => api.default(field, value, byDefault(rule));

  // kops deploys the release's kube-apiserver, kube-controller-manager and kube-proxy whatever image the spec names.
  api.set('image', componentImage('kube-apiserver', s.k8s, spec.get('assets')), inferred('kube-apiserver image of the Kubernetes version'));
  d('allowPrivileged', true);
  d('anonymousAuth', false);
  d('apiAudiences', ['kubernetes.svc.default']);
  const mainMembers = (spec.get<{ name?: string; etcdMembers?: unknown[] }[]>('etcdClusters') ?? []).find((c) => c.name === 'main')?.etcdMembers?.length ?? 0;
  api.default('apiServerCount', mainMembers, inferred('one API server per member of etcd cluster main'));
  const mode = spec.has('authorization.alwaysAllow') ? 'AlwaysAllow' : 'Node,RBAC';
  // kops sets the mode from spec.authorization over any kubeAPIServer.authorizationMode given.
  api.set('authorizationMode', mode, inferred(`authorization ${mode}`));
  api.default('bindAddress', s.ipv6 ? '::' : '0.0.0.0', inferred(s.ipv6 ? 'bind all IPv6 addresses' : 'bind all IPv4 addresses'));
  if (!isAtLeast(s.k8s, '1.33')) api.default('cloudProvider', 'external', inferred('external cloud provider before Kubernetes 1.33'));
  const appended = api.get<string[]>('appendAdmissionPlugins') ?? [];
  api.default(
    'enableAdmissionPlugins',
    [...new Set([...ADMISSION_PLUGINS, ...appended])].sort(),
    appended.length > 0 ? inferred('kops admission plugins plus appendAdmissionPlugins') : byDefault('kops admission plugins'),
  );
  const etcdNames = new Set((spec.get<{ name?: string }[]>('etcdClusters') ?? []).map((c) => c.name));
  if (etcdNames.has('main')) d('etcdServers', ['https://127.0.0.1:4001'], 'kube-apiserver reaches etcd main through the local etcd-manager');
  if (etcdNames.has('events')) {
    d('etcdServersOverrides', ['/events#https://127.0.0.1:4002'], 'kube-apiserver keeps events in etcd events, through the local etcd-manager');
  }
  if (spec.has('authentication.kopeio')) {
    api.default('authenticationTokenWebhookConfigFile', '/etc/kubernetes/authn.config', inferred('token webhook of kopeio authentication'));
  }
  d('kubeletPreferredAddressTypes', ['InternalIP', 'Hostname', 'ExternalIP']);
  d('logLevel', 2);
  d('requestheaderAllowedNames', ['aggregator']);
  d('requestheaderExtraHeaderPrefixes', ['X-Remote-Extra-']);
  d('requestheaderGroupHeaders', ['X-Remote-Group']);
  d('requestheaderUsernameHeaders', ['X-Remote-User']);
  d('securePort', 443);
  if (!api.has('serviceAccountIssuer')) {
    const issuer = serviceAccountIssuer(s);
    api.set('serviceAccountIssuer', issuer.url, inferred(issuer.rule));
  }
  api.default('serviceAccountJWKSURI', `${api.get<string>('serviceAccountIssuer')}/openid/v1/jwks`, inferred('JWKS under the service-account issuer'));
  const serviceRange = spec.get('serviceClusterIPRange');
  if (serviceRange !== undefined) api.default('serviceClusterIPRange', serviceRange, inferred('spec.serviceClusterIPRange'));
  d('storageBackend', 'etcd3');
  if (spec.get('metricsServer.enabled') === true) {
    api.default('enableAggregatorRouting', true, inferred('metrics-server requests are load-balanced by aggregator routing'));
  }
}

function serviceAccountIssuer(s: PopulateState): { url: string; rule: string } {
  const store = s.spec.get<string>('serviceAccountIssuerDiscovery.discoveryStore');
  if (store) return { url: publicUrlOf(s, store), rule: 'issuer is the public discovery store' };
  if (s.spec.has('serviceAccountIssuerDiscovery.discoveryService')) {
    const url = s.spec.get<string>('serviceAccountIssuerDiscovery.discoveryService.url');
    if (!url) throw new UserError('spec.serviceAccountIssuerDiscovery.discoveryService.url: discoveryService URL must be specified', 'set the base URL of the discovery service');
    return { url, rule: 'issuer is the discovery service' };
  }
  return { url: `https://api.internal.${s.clusterName}`, rule: 'issuer is the internal API name' };
}

/** The HTTPS address under which a discovery store location is served publicly. */
function publicUrlOf(s: PopulateState, store: string): string {
  return discoveryStoreHttpsUrl(store, { s3Region: (bucket) => s.ctx.findBucketRegion(bucket), dualstack: s.ipv6 });
}

export function fillKubeControllerManager(s: PopulateState): void {
  const { spec } = s;
  const kcm = spec.at('kubeControllerManager');
  const d = (field: string, value: unknown) => kcm.default(field, value, byDefault(`kube-controller-manager ${field}`));

  kcm.set('image', componentImage('kube-controller-manager', s.k8s, spec.get('assets')), inferred('kube-controller-manager image of the Kubernetes version'));
  kcm.default('allocateNodeCIDRs', !s.ipv6, inferred(s.ipv6 ? 'node CIDRs come from the cloud on IPv6' : 'node CIDRs allocated from the pod range'));
  d('attachDetachReconcileSyncPeriod', '1m0s');
  kcm.default('cloudProvider', 'external', inferred('cloud controller manager runs outside'));
  const podCIDR = spec.get('podCIDR');
  if (podCIDR !== undefined) kcm.default('clusterCIDR', podCIDR, inferred('spec.podCIDR'));
  kcm.default('clusterName', s.clusterName, inferred('cluster name'));
  const kubenet = spec.has('networking.kubenet');
  kcm.default('configureCloudRoutes', kubenet, inferred(kubenet ? 'kubenet needs cloud routes' : 'the CNI routes pods'));
  if (s.ipv6) kcm.default('controllers', ['*', '-nodeipam'], inferred('node IPAM is done by the cloud controller manager on IPv6'));
  d('leaderElection.leaderElect', true);
  d('logLevel', 2);
  d('useServiceAccountCredentials', true);
}

export function fillKubeScheduler(s: PopulateState): void {
  const sched = s.spec.at('kubeScheduler');
  sched.default('image', componentImage('kube-scheduler', s.k8s, s.spec.get('assets')), inferred('kube-scheduler image of the Kubernetes version'));
  sched.default('leaderElection.leaderElect', true, byDefault('kube-scheduler leader election'));
  sched.default('logLevel', 2, byDefault('kube-scheduler logLevel'));
}
