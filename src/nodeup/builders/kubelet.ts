import { toGoYaml } from '../../apis/go/yaml.js';
import type { FileTask, IssueCertTask, ServiceTask, Task } from '../tasks.js';
import { KUBERNETES_CA_BUNDLE, type BuildContext } from './context.js';

type Data = Record<string, unknown>;

const KUBELET_CONF = '/var/lib/kubelet/kubelet.conf';
const CREDENTIAL_PROVIDER_CONF = '/var/lib/kubelet/credential-provider.conf';

/** Fields of kops' kubelet spec that stay command-line flags; everything else goes into kubelet.conf. */
const FLAGS: Record<string, string> = {
  cloudProvider: 'cloud-provider',
  hostnameOverride: 'hostname-override',
  kubeconfigPath: 'kubeconfig',
  logLevel: 'v',
  nodeIP: 'node-ip',
  podInfraContainerImage: 'pod-infra-container-image',
  registerSchedulable: 'register-schedulable',
  runtimeRequestTimeout: 'runtime-request-timeout',
};

/** kops kubelet-spec field -> KubeletConfiguration field, where the names differ or the value is reshaped. */
const CONFIG_FIELDS: Record<string, (v: unknown, out: Data) => void> = {
  podManifestPath: (v, out) => (out.staticPodPath = v),
  volumePluginDirectory: (v, out) => (out.volumePluginDir = v),
  clusterDNS: (v, out) => (out.clusterDNS = String(v).split(',')),
  evictionHard: (v, out) => (out.evictionHard = parseThresholds(String(v))),
  evictionSoft: (v, out) => (out.evictionSoft = parseThresholds(String(v))),
  evictionSoftGracePeriod: (v, out) => (out.evictionSoftGracePeriod = parseThresholds(String(v), '=')),
  featureGates: (v, out) => (out.featureGates = Object.fromEntries(Object.entries(v as Data).map(([k, b]) => [k, String(b) === 'true']))),
  anonymousAuth: (v, out) => (((out.authentication as Data).anonymous as Data).enabled = v),
  authorizationMode: (v, out) => ((out.authorization as Data).mode = v),
  taints: (v, out) => (out.registerWithTaints = (v as string[]).map(parseTaint)),
  nodeLabels: () => undefined,
  maxPods: (v, out) => (out.maxPods = v),
  podPidsLimit: (v, out) => (out.podPidsLimit = v),
  imageGCHighThresholdPercent: (v, out) => (out.imageGCHighThresholdPercent = v),
  imageGCLowThresholdPercent: (v, out) => (out.imageGCLowThresholdPercent = v),
  kubeReserved: (v, out) => (out.kubeReserved = v),
  systemReserved: (v, out) => (out.systemReserved = v),
  cpuManagerPolicy: (v, out) => (out.cpuManagerPolicy = v),
  topologyManagerPolicy: (v, out) => (out.topologyManagerPolicy = v),
  serializeImagePulls: (v, out) => (out.serializeImagePulls = v),
  enableDebuggingHandlers: (v, out) => (out.enableDebuggingHandlers = v),
  cgroupDriver: (v, out) => (out.cgroupDriver = v),
  cgroupRoot: (v, out) => (out.cgroupRoot = v),
  clusterDomain: (v, out) => (out.clusterDomain = v),
  protectKernelDefaults: (v, out) => (out.protectKernelDefaults = v),
  resolvConf: (v, out) => (out.resolvConf = v),
  shutdownGracePeriod: (v, out) => (out.shutdownGracePeriod = v),
  shutdownGracePeriodCriticalPods: (v, out) => (out.shutdownGracePeriodCriticalPods = v),
};

/**
 * The kubelet: its component config (kubelet.conf), the flags it is started with (/etc/sysconfig/kubelet), the
 * static-pod directory and the systemd unit; its serving certificate when the node has one issued.
 */
export function kubeletTasks(ctx: BuildContext): Task[] {
  const kubelet = ctx.config.KubeletConfig;
  const manifestDir = String(kubelet.podManifestPath ?? '/etc/kubernetes/manifests');
  return [
    { kind: 'File', path: manifestDir, type: 'directory', mode: '0755' },
    { kind: 'File', path: '/etc/sysconfig/kubelet', type: 'file', contents: sysconfig(ctx) },
    { kind: 'File', path: KUBELET_CONF, type: 'file', contents: kubeletConf(kubelet), beforeServices: ['kubelet.service'] },
    kubeletService(ctx),
  ];
}

/** On AWS the kubelet pulls from ECR through the credential-provider plugin, configured here. */
export function credentialProviderTasks(ctx: BuildContext): Task[] {
  return usesEcrCredentialProvider(ctx) ? [credentialProviderConfig()] : [];
}

/** The kubelet's serving certificate; kops-controller signs it for nodes. */
export function kubeletServerCert(ctx: BuildContext): IssueCertTask {
  return {
    kind: 'IssueCert',
    name: 'kubelet-server',
    signer: 'kubernetes-ca',
    keypairID: ctx.config.KeypairIDs?.['kubernetes-ca'] ?? '',
    type: 'server',
    subject: { CommonName: 'kubelet-server' },
  };
}

function sysconfig(ctx: BuildContext): string {
  const kubelet: Data = { runtimeRequestTimeout: '15m0s', ...ctx.config.KubeletConfig };
  const flags = Object.entries(FLAGS)
    .filter(([field]) => kubelet[field] !== undefined && kubelet[field] !== null)
    .map(([field, flag]) => `--${flag}=${String(kubelet[field])}`)
    .sort();
  flags.push(`--config=${KUBELET_CONF}`);
  if (usesEcrCredentialProvider(ctx)) {
    flags.push(`--image-credential-provider-config=${CREDENTIAL_PROVIDER_CONF}`, '--image-credential-provider-bin-dir=/usr/local/bin');
  }
  return `DAEMON_ARGS="${flags.join(' ')}"\nHOME="/root"\n`;
}

function kubeletConf(kubelet: Data): string {
  const conf: Data = {
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    authentication: { anonymous: {}, webhook: { cacheTTL: '0s', enabled: true }, x509: { clientCAFile: KUBERNETES_CA_BUNDLE } },
    authorization: { mode: 'Webhook', webhook: { cacheAuthorizedTTL: '0s', cacheUnauthorizedTTL: '0s' } },
    containerRuntimeEndpoint: 'unix:///run/containerd/containerd.sock',
    cpuManagerReconcilePeriod: '0s',
    crashLoopBackOff: {},
    evictionPressureTransitionPeriod: '0s',
    fileCheckFrequency: '0s',
    httpCheckFrequency: '0s',
    imageMaximumGCAge: '0s',
    imageMinimumGCAge: '0s',
    logging: { flushFrequency: 0, options: { json: { infoBufferSize: '0' }, text: { infoBufferSize: '0' } }, verbosity: 0 },
    memorySwap: {},
    nodeStatusReportFrequency: '0s',
    nodeStatusUpdateFrequency: '0s',
    runtimeRequestTimeout: '0s',
    streamingConnectionIdleTimeout: '0s',
    syncFrequency: '0s',
    tlsCertFile: '/srv/kubernetes/kubelet-server.crt',
    tlsPrivateKeyFile: '/srv/kubernetes/kubelet-server.key',
    volumePluginDir: '/usr/libexec/kubernetes/kubelet-plugins/volume/exec/',
    volumeStatsAggPeriod: '0s',
  };
  for (const [field, value] of Object.entries(kubelet)) {
    if (value !== undefined && value !== null) CONFIG_FIELDS[field]?.(value, conf);
  }
  return toGoYaml(conf);
}

function kubeletService(ctx: BuildContext): ServiceTask {
  const running = !ctx.host.warming;
  return {
    kind: 'Service',
    name: 'kubelet.service',
    definition: [
      '[Unit]',
      'Description=Kubernetes Kubelet Server',
      'Documentation=https://github.com/kubernetes/kubernetes',
      'After=containerd.service',
      '',
      '[Service]',
      'EnvironmentFile=/etc/sysconfig/kubelet',
      'ExecStart=/usr/local/bin/kubelet "$DAEMON_ARGS"',
      'Restart=always',
      'RestartSec=2s',
      'StartLimitInterval=0',
      'KillMode=process',
      'User=root',
      'CPUAccounting=true',
      'MemoryAccounting=true',
      '',
      '[Install]',
      'WantedBy=multi-user.target',
      '',
    ].join('\n'),
    running,
    enabled: running,
    manageState: true,
    smartRestart: true,
  };
}

function usesEcrCredentialProvider(ctx: BuildContext): boolean {
  return Object.values(ctx.config.Assets).some((lines) => lines.some((l) => l.includes('/ecr-credential-provider-')));
}

function credentialProviderConfig(): FileTask {
  const conf = {
    apiVersion: 'kubelet.config.k8s.io/v1',
    kind: 'CredentialProviderConfig',
    providers: [
      {
        apiVersion: 'credentialprovider.kubelet.k8s.io/v1',
        defaultCacheDuration: '12h',
        matchImages: ['*.dkr.ecr.*.amazonaws.com', '*.dkr.ecr.*.amazonaws.com.cn', '*.dkr.ecr-fips.*.amazonaws.com', '*.dkr.ecr.us-iso-east-1.c2s.ic.gov', '*.dkr.ecr.us-isob-east-1.sc2s.sgov.gov'],
        name: 'ecr-credential-provider',
        args: ['get-credentials'],
      },
    ],
  };
  return { kind: 'File', path: CREDENTIAL_PROVIDER_CONF, type: 'file', contents: toGoYaml(conf), mode: '0644' };
}

/** `memory.available<100Mi,nodefs.available<10%` -> { 'memory.available': '100Mi', ... }. */
function parseThresholds(s: string, separator = '<'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.split(',').filter(Boolean)) {
    const i = part.indexOf(separator);
    if (i > 0) out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

/** `key=value:Effect` (value optional) as a Kubernetes taint. */
function parseTaint(s: string): Data {
  const [keyValue, effect] = s.split(':');
  const [key, value] = keyValue.split('=');
  return value ? { key, value, effect } : { key, effect };
}
