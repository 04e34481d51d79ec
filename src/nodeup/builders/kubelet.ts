import { buildFlags } from '../../apis/component-flags.js';
import { canonicalDuration } from '../../apis/duration.js';
import { toGoYaml } from '../../apis/go/yaml.js';
import { UserError } from '../../errors.js';
import { isIPv6Only, usesSecondaryIP } from '../networking.js';
import type { FileTask, IssueCertTask, ServiceTask, Task } from '../tasks.js';
import { KUBERNETES_CA_BUNDLE, isKubernetesAtLeast, type BuildContext } from './context.js';

type Data = Record<string, unknown>;

const KUBELET_CONF = '/var/lib/kubelet/kubelet.conf';
const CREDENTIAL_PROVIDER_CONF = '/var/lib/kubelet/credential-provider.conf';

/**
 * The kubelet: its component config (kubelet.conf), the flags it is started with (/etc/sysconfig/kubelet), the
 * static-pod directory and the systemd unit; its serving certificate when the node has one issued.
 */
export function kubeletTasks(ctx: BuildContext): Task[] {
  const kubelet = kubeletSpec(ctx);
  const tasks: Task[] = [];
  if (kubelet.podManifestPath) tasks.push({ kind: 'File', path: String(kubelet.podManifestPath), type: 'directory', mode: '0755' });
  tasks.push(
    { kind: 'File', path: '/etc/sysconfig/kubelet', type: 'file', contents: sysconfig(ctx, kubelet) },
    { kind: 'File', path: KUBELET_CONF, type: 'file', contents: kubeletConf(ctx, kubelet), beforeServices: ['kubelet.service'] },
    kubeletService(ctx),
  );
  return tasks;
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

/**
 * The kubelet spec nodeup runs with: the instance group's, with the CA path, the defaults nodeup fills in (request
 * timeout, restart back-off on control planes from 1.35, plugin directory, resolv.conf where systemd-resolved listens
 * on loopback, webhook authn/authz) and without node labels (kops-controller sets those).
 */
function kubeletSpec(ctx: BuildContext): Data {
  const spec: Data = { ...ctx.config.KubeletConfig, clientCAFile: KUBERNETES_CA_BUNDLE };
  spec.runtimeRequestTimeout ??= '15m0s';
  if (ctx.role === 'ControlPlane' && isKubernetesAtLeast(ctx.config.KubernetesVersion, 1, 35)) spec.crashLoopBackOffMaxContainerRestartPeriod = '1m0s';
  if (!spec.volumePluginDirectory) {
    spec.volumePluginDirectory = ctx.host.distribution === 'flatcar' ? '/var/lib/kubelet/volumeplugins/' : '/usr/libexec/kubernetes/kubelet-plugins/volume/exec/';
  }
  if (spec.resolvConf == null && (ctx.host.distribution === 'ubuntu' || ctx.host.distribution === 'flatcar')) spec.resolvConf = '/run/systemd/resolve/resolv.conf';
  delete spec.nodeLabels;
  if (!spec.authorizationMode) spec.authorizationMode = 'Webhook';
  spec.authenticationTokenWebhook ??= true;
  return spec;
}

function sysconfig(ctx: BuildContext, kubelet: Data): string {
  const flags = buildFlags('KubeletConfigSpec', kubelet, { quote: true });
  // The kubelet would pick whichever address comes first, possibly one the CNI handed to a pod.
  if (usesSecondaryIP(ctx.config) && ctx.host.localIP) flags.push(`--node-ip=${ctx.host.localIP}`);
  if (isIPv6Only(ctx.config)) flags.push('--node-ip=::');
  flags.push(`--config=${KUBELET_CONF}`);
  if (usesEcrCredentialProvider(ctx)) {
    flags.push(`--image-credential-provider-config=${CREDENTIAL_PROVIDER_CONF}`, '--image-credential-provider-bin-dir=/usr/local/bin');
  }
  return `DAEMON_ARGS="${flags.join(' ')}"\nHOME="/root"\n`;
}

/** A kops duration as the config file holds it; an unset one is Go's zero duration. */
function duration(v: unknown): string {
  return v == null ? '0s' : (canonicalDuration(String(v)) ?? String(v));
}

/**
 * /var/lib/kubelet/kubelet.conf: the KubeletConfiguration (v1beta1) made from the kubelet spec's fields that are not
 * flags, encoded as Go encodes it (zero durations and nested structs always present, other unset fields left out).
 */
function kubeletConf(ctx: BuildContext, k: Data): string {
  const address = (ctx.config.containerdConfig as Data | undefined)?.address;
  const conf: Data = {
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    allowedUnsafeSysctls: k.allowedUnsafeSysctls,
    authentication: {
      anonymous: { enabled: k.anonymousAuth },
      webhook: { cacheTTL: '0s', enabled: k.authenticationTokenWebhook },
      x509: { clientCAFile: k.clientCAFile },
    },
    authorization: { mode: k.authorizationMode, webhook: { cacheAuthorizedTTL: '0s', cacheUnauthorizedTTL: '0s' } },
    cgroupDriver: k.cgroupDriver,
    cgroupRoot: k.cgroupRoot,
    clusterDNS: [k.clusterDNS ?? ''],
    clusterDomain: k.clusterDomain,
    containerLogMaxFiles: k.containerLogMaxFiles,
    containerLogMaxSize: k.containerLogMaxSize,
    containerRuntimeEndpoint: address == null ? 'unix:///run/containerd/containerd.sock' : `unix://${String(address)}`,
    cpuCFSQuota: k.cpuCFSQuota,
    cpuCFSQuotaPeriod: k.cpuCFSQuotaPeriod == null ? undefined : duration(k.cpuCFSQuotaPeriod),
    cpuManagerPolicy: k.cpuManagerPolicy,
    cpuManagerReconcilePeriod: '0s',
    crashLoopBackOff: { maxContainerRestartPeriod: k.crashLoopBackOffMaxContainerRestartPeriod == null ? undefined : duration(k.crashLoopBackOffMaxContainerRestartPeriod) },
    enableDebuggingHandlers: k.enableDebuggingHandlers,
    enforceNodeAllocatable: k.enforceNodeAllocatable ? String(k.enforceNodeAllocatable).split(',') : undefined,
    eventRecordQPS: k.eventQPS ?? k.eventRecordQPS,
    evictionHard: k.evictionHard == null ? undefined : keyValues('evictionHard', String(k.evictionHard), '<'),
    evictionMaxPodGracePeriod: k.evictionMaxPodGracePeriod || undefined,
    evictionMinimumReclaim: keyValues('evictionMinimumReclaim', String(k.evictionMinimumReclaim ?? ''), '='),
    evictionPressureTransitionPeriod: duration(k.evictionPressureTransitionPeriod),
    evictionSoft: keyValues('evictionSoft', String(k.evictionSoft ?? ''), '<'),
    evictionSoftGracePeriod: keyValues('evictionSoftGracePeriod', String(k.evictionSoftGracePeriod ?? ''), '='),
    failSwapOn: k.failSwapOn,
    featureGates: featureGates(k.featureGates as Data | undefined),
    fileCheckFrequency: '0s',
    hairpinMode: k.hairpinMode,
    httpCheckFrequency: '0s',
    imageGCHighThresholdPercent: k.imageGCHighThresholdPercent,
    imageGCLowThresholdPercent: k.imageGCLowThresholdPercent,
    imageMaximumGCAge: duration(k.imageMaximumGCAge),
    imageMinimumGCAge: '0s',
    kernelMemcgNotification: k.kernelMemcgNotification || undefined,
    kubeReserved: k.kubeReserved,
    kubeReservedCgroup: k.kubeReservedCgroup,
    kubeletCgroups: k.kubeletCgroups,
    logging: {
      flushFrequency: 0,
      format: k.logFormat,
      options: { json: { infoBufferSize: '0' }, text: { infoBufferSize: '0' } },
      verbosity: 0,
    },
    maxParallelImagePulls: k.maxParallelImagePulls,
    maxPods: k.maxPods || undefined,
    memorySwap: { swapBehavior: k.memorySwapBehavior },
    nodeLeaseDurationSeconds: k.nodeLeaseDurationSeconds || undefined,
    nodeStatusReportFrequency: '0s',
    nodeStatusUpdateFrequency: duration(k.nodeStatusUpdateFrequency),
    podCIDR: k.podCIDR,
    podPidsLimit: k.podPidsLimit,
    protectKernelDefaults: k.protectKernelDefaults || undefined,
    readOnlyPort: k.readOnlyPort || undefined,
    registerWithTaints: (k.taints as string[] | undefined)?.map(parseTaint),
    registryPullQPS: k.registryPullQPS,
    resolvConf: k.resolvConf,
    rotateCertificates: k.rotateCertificates || undefined,
    runtimeRequestTimeout: '0s',
    seccompDefault: k.seccompDefault,
    serializeImagePulls: k.serializeImagePulls,
    shutdownGracePeriod: duration(k.shutdownGracePeriod),
    shutdownGracePeriodCriticalPods: duration(k.shutdownGracePeriodCriticalPods),
    staticPodPath: k.podManifestPath,
    streamingConnectionIdleTimeout: '0s',
    syncFrequency: '0s',
    systemCgroups: k.systemCgroups,
    systemReserved: k.systemReserved,
    systemReservedCgroup: k.systemReservedCgroup,
    tlsCertFile: '/srv/kubernetes/kubelet-server.crt',
    tlsCipherSuites: k.tlsCipherSuites,
    tlsMinVersion: k.tlsMinVersion,
    tlsPrivateKeyFile: '/srv/kubernetes/kubelet-server.key',
    topologyManagerPolicy: k.topologyManagerPolicy,
    volumePluginDir: k.volumePluginDirectory,
    volumeStatsAggPeriod: '0s',
  };
  return toGoYaml(withoutUnset(conf));
}

/** Drops unset values and empty strings and lists (Go's omitempty), keeping nested objects even when empty. */
function withoutUnset(value: Data): Data {
  const out: Data = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = typeof v === 'object' && !Array.isArray(v) ? withoutUnset(v as Data) : v;
  }
  return out;
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

/** `memory.available<100Mi,nodefs.available<10%` -> { 'memory.available': '100Mi', ... }; undefined when empty. */
function keyValues(field: string, s: string, separator: string): Record<string, string> | undefined {
  if (s === '') return undefined;
  const out: Record<string, string> = {};
  for (const part of s.split(',')) {
    const i = part.indexOf(separator);
    if (i < 0) throw new UserError(`KubeletConfig.${field}: ${JSON.stringify(part)} is not key${separator}value`, `give a comma-separated list of key${separator}value`);
    out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

/** Feature gates given as text ("true", "0", ...) as the booleans the config file takes. */
function featureGates(gates: Data | undefined): Record<string, boolean> | undefined {
  if (!gates || Object.keys(gates).length === 0) return undefined;
  const out: Record<string, boolean> = {};
  for (const [name, raw] of Object.entries(gates)) {
    const value = goBool(String(raw));
    if (value === undefined) throw new UserError(`KubeletConfig.featureGates.${name}: ${JSON.stringify(raw)} is not a boolean`, 'use true or false');
    out[name] = value;
  }
  return out;
}

/** strconv.ParseBool. */
function goBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** `key=value:Effect` (value optional) as a Kubernetes taint. */
function parseTaint(s: string): Data {
  const [keyValue, effect] = s.split(':');
  const [key, value] = keyValue.split('=');
  return value ? { effect, key, value } : { effect, key };
}
