import { dirname } from 'node:path';
import { toGoYaml } from '../../apis/go/yaml.js';
import type { FileTask, IssueCertTask, Task } from '../tasks.js';
import { flagValue, hostMounts, imageForArchitecture, kebab, sslMounts, type HostMount } from './component-flags.js';
import { AUTHN_CONFIG, authenticationTasks, tokenWebhook } from './authentication.js';
import { KUBERNETES_CA_BUNDLE, type BuildContext } from './context.js';

type Data = Record<string, unknown>;

const DIR = '/srv/kubernetes/kube-apiserver';
const LOG_FILE = '/var/log/kube-apiserver.log';

/** Spec fields that are not kube-apiserver flags (they shape the pod instead). */
const NOT_FLAGS = new Set(['image', 'cpuRequest', 'cpuLimit', 'memoryRequest', 'memoryLimit', 'env', 'additionalServiceAccountIssuers']);

/** List fields given as one flag per item rather than comma-joined. */
const REPEATED = new Set(['oidcRequiredClaim']);

/** Flag names that do not follow from the field name. */
const FLAG_NAMES: Record<string, string> = {
  apiServerCount: 'apiserver-count',
  auditLogMaxAge: 'audit-log-maxage',
  authenticationConfigFile: 'authentication-config',
  auditLogMaxBackups: 'audit-log-maxbackup',
  auditLogMaxSize: 'audit-log-maxsize',
  logLevel: 'v',
  requestheaderExtraHeaderPrefixes: 'requestheader-extra-headers-prefix',
  serviceAccountJWKSURI: 'service-account-jwks-uri',
};

/** kube-apiserver as a static pod on control planes and API-server nodes, with its certificates and keys. */
export function kubeAPIServerTasks(ctx: BuildContext): Task[] {
  const apiConfig = ctx.config.APIServerConfig;
  if (!apiConfig) return [];
  const configured = (apiConfig.KubeAPIServer ?? {}) as Data;
  // aws-iam-authenticator's webhook config is set up here, on the node, rather than in the cluster spec.
  const spec = tokenWebhook(apiConfig) === 'aws' ? { ...configured, authenticationTokenWebhookConfigFile: AUTHN_CONFIG } : configured;
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
  ];
  const signingKey = ctx.keypairs?.get('service-account')?.privateKey;
  if (signingKey) tasks.push({ kind: 'File', path: `${DIR}/service-account.key`, type: 'file', mode: '0600', contents: signingKey });
  return tasks;
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

function flags(ctx: BuildContext, spec: Data): string[] {
  const out = [
    `--client-ca-file=${KUBERNETES_CA_BUNDLE}`,
    `--etcd-cafile=${DIR}/etcd-ca.crt`,
    `--etcd-certfile=${DIR}/etcd-client.crt`,
    `--etcd-keyfile=${DIR}/etcd-client.key`,
    `--kubelet-client-certificate=${DIR}/kubelet-api.crt`,
    `--kubelet-client-key=${DIR}/kubelet-api.key`,
    `--proxy-client-cert-file=${DIR}/apiserver-aggregator.crt`,
    `--proxy-client-key-file=${DIR}/apiserver-aggregator.key`,
    `--requestheader-client-ca-file=${DIR}/apiserver-aggregator-ca.crt`,
    `--service-account-key-file=${DIR}/service-account.pub`,
    `--service-account-signing-key-file=${DIR}/service-account.key`,
    `--tls-cert-file=${DIR}/server.crt`,
    `--tls-private-key-file=${DIR}/server.key`,
  ];
  for (const [field, raw] of Object.entries(spec)) {
    if (NOT_FLAGS.has(field) || raw === undefined || raw === null) continue;
    const value = ctx.role === 'APIServer' && (field === 'etcdServers' || field === 'etcdServersOverrides') ? remoteEtcd(ctx, raw as string[]) : raw;
    const flag = `--${FLAG_NAMES[field] ?? kebab(field)}=`;
    if (REPEATED.has(field) && Array.isArray(value)) out.push(...value.map((v) => flag + String(v)));
    else out.push(flag + flagValue(value));
  }
  // Extra issuers come after the primary one: the API server signs with the first it is given.
  const extraIssuers = ((spec.additionalServiceAccountIssuers as string[] | undefined) ?? []).map((i) => `--service-account-issuer=${i}`);
  return [...out.sort(), ...extraIssuers];
}

/** API-server nodes run no etcd: they reach each etcd cluster by its internal name instead of loopback. */
function remoteEtcd(ctx: BuildContext, servers: string[]): string[] {
  return servers.map((server) =>
    server.replace(/^(\/([^#]+)#)?https:\/\/127\.0\.0\.1:(\d+)$/, (_m, override: string | undefined, resource: string | undefined, port: string) => {
      const cluster = resource ?? 'main';
      return `${override ?? ''}https://${cluster}.etcd.internal.${ctx.config.ClusterName}:${port}`;
    }),
  );
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
  const mounts = hostMounts(volumes);
  const annotations: Data = { 'kubectl.kubernetes.io/default-container': 'kube-apiserver' };
  const api = (apiConfig.API ?? {}) as Data;
  if (!ctx.config.usesNoneDNS) {
    if (api.publicName) annotations['dns.alpha.kubernetes.io/external'] = api.publicName;
    annotations['dns.alpha.kubernetes.io/internal'] = `api.internal.${ctx.config.ClusterName}`;
  }
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { annotations, labels: { 'k8s-app': 'kube-apiserver' }, name: 'kube-apiserver', namespace: 'kube-system' },
    spec: {
      containers: [
        {
          args: [`--log-file=${LOG_FILE}`, '--also-stdout', '/usr/local/bin/kube-apiserver', ...flags(ctx, spec)],
          command: ['/go-runner'],
          ...(spec.env ? { env: spec.env } : {}),
          image: imageForArchitecture(spec.image, ctx.host.architecture),
          livenessProbe: probe('/livez', { failureThreshold: 8, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 }),
          name: 'kube-apiserver',
          ports: [{ containerPort: port, hostPort: port, name: 'https' }],
          readinessProbe: probe('/healthz', { failureThreshold: 3, periodSeconds: 1, timeoutSeconds: 15 }),
          resources: { requests },
          startupProbe: probe('/livez', { failureThreshold: 30, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 300 }),
          volumeMounts: mounts.volumeMounts,
        },
      ],
      hostNetwork: true,
      priorityClassName: 'system-cluster-critical',
      tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }],
      volumes: mounts.volumes,
    },
    status: {},
  };
  return toGoYaml(pod);
}
