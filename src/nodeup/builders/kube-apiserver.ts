import { dirname } from 'node:path';
import { buildFlags, byteOrder } from '../../apis/component-flags.js';
import type { FileTask, IssueCertTask, Task } from '../tasks.js';
import { imageForArchitecture, sslMounts, type HostMount } from './component-flags.js';
import { controlPlanePodManifest } from './control-plane-pod.js';
import { AUTHN_CONFIG, authenticationTasks, tokenWebhook } from './authentication.js';
import { UserError } from '../../errors.js';
import { ENCRYPTION_CONFIG_SECRET, KUBERNETES_CA_BUNDLE, type BuildContext } from './context.js';

type Data = Record<string, unknown>;

const DIR = '/srv/kubernetes/kube-apiserver';
const LOG_FILE = '/var/log/kube-apiserver.log';
const ENCRYPTION_CONFIG = `${DIR}/encryptionconfig.yaml`;

/** kube-apiserver as a static pod on control planes and API-server nodes, with its certificates and keys. */
export function kubeAPIServerTasks(ctx: BuildContext): Task[] {
  const apiConfig = ctx.config.APIServerConfig;
  if (!apiConfig) return [];
  const configured = (apiConfig.KubeAPIServer ?? {}) as Data;
  // aws-iam-authenticator's webhook config is set up here, on the node, rather than in the cluster spec.
  const webhook = tokenWebhook(apiConfig) === 'aws' ? { ...configured, authenticationTokenWebhookConfigFile: AUTHN_CONFIG } : configured;
  const encryption = encryptionConfigTask(ctx, apiConfig);
  const spec = encryption ? { ...webhook, encryptionProviderConfig: ENCRYPTION_CONFIG } : webhook;
  const certs = certificates(ctx, apiConfig, spec);
  const pair = (cert: IssueCertTask, base: string): FileTask[] => [
    { kind: 'File', path: `${DIR}/${base}.crt`, type: 'file', mode: '0644', contents: { certificate: cert, part: 'cert' } },
    { kind: 'File', path: `${DIR}/${base}.key`, type: 'file', mode: '0600', contents: { certificate: cert, part: 'key' } },
  ];
  const tasks: Task[] = [
    { kind: 'File', path: '/etc/kubernetes/manifests/kube-apiserver.manifest', type: 'file', contents: manifest(ctx, apiConfig, spec) },
    { kind: 'File', path: DIR, type: 'directory', mode: '0755' },
    { kind: 'File', path: `${DIR}/apiserver-aggregator-ca.crt`, type: 'file', mode: '0644', contents: ctx.config.CAs?.['apiserver-aggregator-ca'] ?? '' },
    { kind: 'File', path: `${DIR}/etcd-ca.crt`, type: 'file', mode: '0644', contents: ctx.config.CAs?.['etcd-clients-ca'] ?? '' },
    ...Object.values(certs),
    ...pair(certs.aggregator, 'apiserver-aggregator'),
    ...pair(certs.etcd, 'etcd-client'),
    ...pair(certs.kubeletApi, 'kubelet-api'),
    ...pair(certs.server, 'server'),
    { kind: 'File', path: `${DIR}/service-account.pub`, type: 'file', mode: '0600', contents: String(apiConfig.ServiceAccountPublicKeys ?? '') },
    { kind: 'File', path: LOG_FILE, type: 'file', contents: '', mode: '0400', ifNotExists: true },
    ...authenticationTasks(ctx, apiConfig),
    ...(encryption ? [encryption] : []),
  ];
  const signingKey = ctx.keypairs?.get('service-account')?.privateKey;
  if (signingKey) tasks.push({ kind: 'File', path: `${DIR}/service-account.key`, type: 'file', mode: '0600', contents: signingKey });
  return tasks;
}

/**
 * With encryption at rest on (the config carries the secret's hash), the EncryptionConfiguration from the cluster's
 * secret store, for the API server's --encryption-provider-config.
 */
function encryptionConfigTask(ctx: BuildContext, apiConfig: Data): FileTask | undefined {
  if (!apiConfig.EncryptionConfigSecretHash) return undefined;
  const contents = ctx.secrets?.get(ENCRYPTION_CONFIG_SECRET);
  if (contents === undefined) {
    throw new UserError('encryptionConfig is enabled, but the encryptionconfig secret could not be read from the secret store', 'create it with `kops create secret encryptionconfig`');
  }
  return { kind: 'File', path: ENCRYPTION_CONFIG, type: 'file', mode: '0600', contents };
}

function certificates(ctx: BuildContext, apiConfig: Data, spec: Data): Record<'aggregator' | 'etcd' | 'kubeletApi' | 'server', IssueCertTask> {
  const id = (signer: string) => ctx.config.KeypairIDs?.[signer] ?? '';
  const issue = (name: string, signer: string, commonName: string, type: 'client' | 'server' = 'client'): IssueCertTask => ({
    kind: 'IssueCert',
    name,
    signer,
    keypairID: id(signer),
    type,
    subject: { CommonName: commonName },
  });
  const api = (apiConfig.API ?? {}) as Data;
  const domain = String(apiConfig.ClusterDNSDomain ?? 'cluster.local');
  const names = [
    'kubernetes',
    'kubernetes.default',
    'kubernetes.default.svc',
    `kubernetes.default.svc.${domain}`,
    ...(api.publicName ? [String(api.publicName)] : []),
    `api.internal.${ctx.config.ClusterName}`,
    ...((api.additionalSANs as string[] | undefined) ?? []),
    ...(spec.serviceClusterIPRange ? [firstServiceIP(String(spec.serviceClusterIPRange))] : []),
    '127.0.0.1',
  ];
  return {
    aggregator: issue('apiserver-aggregator', 'apiserver-aggregator-ca', 'aggregator'),
    etcd: issue('etcd-client', 'etcd-clients-ca', 'kube-apiserver'),
    kubeletApi: issue('kubelet-api', 'kubernetes-ca', 'kubelet-api'),
    server: { ...issue('master', 'kubernetes-ca', 'kubernetes-master', 'server'), alternateNames: [...new Set(names)], includeRootCertificate: true },
  };
}

/** The API's service address: the first host of the service range (100.64.0.0/13 -> 100.64.0.1). */
function firstServiceIP(range: string): string {
  const [ip] = range.split('/');
  const octets = ip.split('.').map(Number);
  octets[3] += 1;
  return octets.join('.');
}

/**
 * The flags: the spec's own, with the paths of the files written here filled in, as the Go nodeup sets them on its
 * copy of the spec before building the flags; the extra service-account issuers come last, in their given order,
 * since the API server signs with the first issuer it is given.
 */
function flags(ctx: BuildContext, apiConfig: Data, spec: Data): string[] {
  const config: Data = {
    ...spec,
    serviceAccountKeyFile: [...((spec.serviceAccountKeyFile as string[] | undefined) ?? []), `${DIR}/service-account.pub`],
    serviceAccountSigningKeyFile: spec.serviceAccountSigningKeyFile ?? `${DIR}/service-account.key`,
    etcdCAFile: `${DIR}/etcd-ca.crt`,
    etcdCertFile: `${DIR}/etcd-client.crt`,
    etcdKeyFile: `${DIR}/etcd-client.key`,
    requestheaderClientCAFile: `${DIR}/apiserver-aggregator-ca.crt`,
    proxyClientCertFile: `${DIR}/apiserver-aggregator.crt`,
    proxyClientKeyFile: `${DIR}/apiserver-aggregator.key`,
    clientCAFile: spec.clientCAFile || KUBERNETES_CA_BUNDLE,
    tlsCertFile: `${DIR}/server.crt`,
    tlsPrivateKeyFile: `${DIR}/server.key`,
    kubeletClientCertificate: `${DIR}/kubelet-api.crt`,
    kubeletClientKey: `${DIR}/kubelet-api.key`,
  };
  Object.assign(config, oidcFlags(apiConfig));
  if (ctx.role !== 'ControlPlane') Object.assign(config, remoteEtcd(ctx, config));
  // The old --admission-control list is given as --enable-admission-plugins: the API server refuses both together.
  const admissionControl = (config.admissionControl as string[] | undefined) ?? [];
  if (admissionControl.length > 0) Object.assign(config, { enableAdmissionPlugins: [...admissionControl], admissionControl: [] });
  const extraIssuers = ((spec.additionalServiceAccountIssuers as string[] | undefined) ?? []).map((i) => `--service-account-issuer=${i}`);
  return [...buildFlags('KubeAPIServerConfig', config), ...extraIssuers];
}

/** The OIDC settings of spec.authentication as the API server's oidc flags (the field names of v1alpha2). */
export function oidcFlags(apiConfig: Data): Data {
  const oidc = ((apiConfig.Authentication as Data | undefined)?.oidc ?? undefined) as Data | undefined;
  if (!oidc) return {};
  const claims = oidc.requiredClaims as Record<string, string> | undefined;
  return {
    oidcClientID: oidc.clientID,
    oidcGroupsClaim: oidc.groupsClaims == null ? undefined : (oidc.groupsClaims as string[]).join(','),
    oidcGroupsPrefix: oidc.groupsPrefix,
    oidcIssuerURL: oidc.issuerURL,
    oidcRequiredClaim: claims == null ? undefined : Object.entries(claims).map(([k, v]) => `${k}=${v}`).sort(byteOrder),
    oidcUsernameClaim: oidc.usernameClaim,
    oidcUsernamePrefix: oidc.usernamePrefix,
  };
}

/** Nodes without etcd reach each etcd cluster by its internal DNS name instead of loopback. */
function remoteEtcd(ctx: BuildContext, config: Data): Data {
  const name = (cluster: string) => `${cluster}.etcd.internal.${ctx.config.ClusterName}`;
  const servers = ((config.etcdServers as string[] | undefined) ?? []).map((s) => s.replaceAll('127.0.0.1', name('main')));
  const overrides = ((config.etcdServersOverrides as string[] | undefined) ?? []).map((s) => {
    if (s.startsWith('/events')) return s.replaceAll('127.0.0.1', name('events'));
    if (s.startsWith('coordination.k8s.io/leases')) return s.replaceAll('127.0.0.1', name('leases'));
    return s;
  });
  const out: Data = {};
  if (config.etcdServers) out.etcdServers = servers;
  if (config.etcdServersOverrides) out.etcdServersOverrides = overrides;
  return out;
}

function manifest(ctx: BuildContext, apiConfig: Data, spec: Data): string {
  const port = Number(spec.securePort ?? 443);
  const probe = (path: string, extra: Data) => ({ httpGet: { host: '127.0.0.1', path, port, scheme: 'HTTPS' }, ...extra });
  const requests: Data = { cpu: spec.cpuRequest ?? '150m' };
  if (spec.memoryRequest) requests.memory = spec.memoryRequest;
  const volumes: HostMount[] = [
    { name: 'logfile', path: LOG_FILE },
    ...sslMounts(),
    { name: 'kubernetesca', path: KUBERNETES_CA_BUNDLE, readOnly: true },
    { name: 'srvkapi', path: DIR, readOnly: true },
    { name: 'srvsshproxy', path: '/srv/sshproxy', readOnly: true },
  ];
  const auditLog = spec.auditLogPath ? String(spec.auditLogPath) : undefined;
  if (auditLog && auditLog !== '-') volumes.push({ name: 'auditlogpathdir', path: dirname(auditLog) });
  if (spec.auditPolicyFile) volumes.push({ name: 'auditconfigdir', path: dirname(String(spec.auditPolicyFile)), readOnly: true });
  if (tokenWebhook(apiConfig)) volumes.push({ name: 'authn-config', path: AUTHN_CONFIG, readOnly: true });
  const annotations: Data = { 'kubectl.kubernetes.io/default-container': 'kube-apiserver' };
  const api = (apiConfig.API ?? {}) as Data;
  if (!ctx.config.usesNoneDNS) {
    if (api.publicName) annotations['dns.alpha.kubernetes.io/external'] = api.publicName;
    annotations['dns.alpha.kubernetes.io/internal'] = `api.internal.${ctx.config.ClusterName}`;
  }
  return controlPlanePodManifest({
    name: 'kube-apiserver',
    logFile: LOG_FILE,
    flags: flags(ctx, apiConfig, spec),
    annotations,
    container: {
      ...(spec.env ? { env: spec.env } : {}),
      image: imageForArchitecture(spec.image, ctx.host.architecture),
      livenessProbe: probe('/livez', { failureThreshold: 8, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 }),
      ports: [{ containerPort: port, hostPort: port, name: 'https' }],
      readinessProbe: probe('/healthz', { failureThreshold: 3, periodSeconds: 1, timeoutSeconds: 15 }),
      resources: { requests },
      startupProbe: probe('/livez', { failureThreshold: 30, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 300 }),
    },
    mounts: volumes,
  });
}
