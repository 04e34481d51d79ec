/**
 * Kubelet settings nodeup writes to the kubelet's config file (/var/lib/kubelet/kubelet.conf, a v1beta1
 * KubeletConfiguration) rather than as flags, in each of the three kubelet blocks: the cluster's `kubelet` (seen on the
 * nodes), `masterKubelet` (seen on the control plane) and the instance group's `kubelet`. Each sample's fragment is the
 * line Go's KubeletConfiguration holds for it (nodeup/pkg/model/kubelet.go, kubeletConfiguration).
 */
import type { EffectEntry, Fragment, RegistryEntry, Setting } from '../registry.js';
import { noEffect } from './dsl.js';

const KUBELET_GO = 'nodeup/pkg/model/kubelet.go';

interface ConfigFileField {
  field: string;
  sample: unknown;
  /** The config file's text for the sample (YAML, as Go's encoder indents it). */
  line: string;
  /** The line is in the baseline and the sample takes it out. */
  removes?: boolean;
  /** Cluster settings the sample needs to be valid. */
  settings?: readonly Setting[];
  /** The sample shares its config key with another field's: run it on its own. */
  alone?: boolean;
}

const CONFIG_FILE_FIELDS: readonly ConfigFileField[] = [
  { field: 'allowedUnsafeSysctls', sample: ['net.registry.*'], line: 'allowedUnsafeSysctls:\n- net.registry.*' },
  { field: 'anonymousAuth', sample: true, line: 'authentication:\n  anonymous:\n    enabled: true' },
  { field: 'authenticationTokenWebhook', sample: false, line: '  webhook:\n    cacheTTL: 0s\n    enabled: false' },
  { field: 'authorizationMode', sample: 'AlwaysAllow', line: 'authorization:\n  mode: AlwaysAllow' },
  { field: 'cgroupDriver', sample: 'cgroupfs', line: 'cgroupDriver: cgroupfs' },
  { field: 'cgroupRoot', sample: '/registry', line: 'cgroupRoot: /registry' },
  // kops accepts a cluster DNS address only if it is the DNS server's or the node-local cache's (validation/legacy.go).
  { field: 'clusterDNS', sample: '100.64.9.10', line: 'clusterDNS:\n- 100.64.9.10', settings: [['spec.kubeDNS.nodeLocalDNS.localIP', '100.64.9.10']] },
  { field: 'clusterDomain', sample: 'registry.local', line: 'clusterDomain: registry.local' },
  { field: 'containerLogMaxFiles', sample: 7, line: 'containerLogMaxFiles: 7' },
  { field: 'containerLogMaxSize', sample: '17Mi', line: 'containerLogMaxSize: 17Mi' },
  { field: 'cpuCFSQuota', sample: false, line: 'cpuCFSQuota: false' },
  { field: 'cpuManagerPolicy', sample: 'static', line: 'cpuManagerPolicy: static' },
  { field: 'crashLoopBackOffMaxContainerRestartPeriod', sample: '2m0s', line: 'crashLoopBackOff:\n  maxContainerRestartPeriod: 2m0s' },
  { field: 'enableDebuggingHandlers', sample: false, line: 'enableDebuggingHandlers: false' },
  { field: 'enforceNodeAllocatable', sample: 'pods,system-reserved', line: 'enforceNodeAllocatable:\n- pods\n- system-reserved' },
  { field: 'eventQPS', sample: 7, line: 'eventRecordQPS: 7' },
  { field: 'eventRecordQPS', sample: 8, line: 'eventRecordQPS: 8', alone: true },
  { field: 'evictionHard', sample: 'memory.available<7Mi', line: 'evictionHard:\n  memory.available: 7Mi' },
  { field: 'evictionMaxPodGracePeriod', sample: 77, line: 'evictionMaxPodGracePeriod: 77' },
  { field: 'evictionMinimumReclaim', sample: 'memory.available=7Mi', line: 'evictionMinimumReclaim:\n  memory.available: 7Mi' },
  { field: 'evictionPressureTransitionPeriod', sample: '7m0s', line: 'evictionPressureTransitionPeriod: 7m0s' },
  { field: 'evictionSoft', sample: 'memory.available<8Mi', line: 'evictionSoft:\n  memory.available: 8Mi' },
  { field: 'evictionSoftGracePeriod', sample: 'memory.available=1m30s', line: 'evictionSoftGracePeriod:\n  memory.available: 1m30s' },
  { field: 'failSwapOn', sample: false, line: 'failSwapOn: false' },
  { field: 'featureGates', sample: { RegistryGate: 'true' }, line: '  RegistryGate: true' },
  { field: 'hairpinMode', sample: 'promiscuous-bridge', line: 'hairpinMode: promiscuous-bridge' },
  { field: 'imageGCHighThresholdPercent', sample: 77, line: 'imageGCHighThresholdPercent: 77' },
  { field: 'imageGCLowThresholdPercent', sample: 66, line: 'imageGCLowThresholdPercent: 66' },
  { field: 'imageMaximumGCAge', sample: '77h0m0s', line: 'imageMaximumGCAge: 77h0m0s' },
  { field: 'kernelMemcgNotification', sample: true, line: 'kernelMemcgNotification: true' },
  { field: 'kubeReserved', sample: { cpu: '107m' }, line: 'kubeReserved:\n  cpu: 107m' },
  { field: 'kubeReservedCgroup', sample: '/kube-registry', line: 'kubeReservedCgroup: /kube-registry' },
  { field: 'kubeletCgroups', sample: '/kubelet-registry', line: 'kubeletCgroups: /kubelet-registry' },
  { field: 'logFormat', sample: 'json', line: 'logging:\n  flushFrequency: 0\n  format: json' },
  { field: 'maxParallelImagePulls', sample: 7, line: 'maxParallelImagePulls: 7' },
  { field: 'maxPods', sample: 77, line: 'maxPods: 77' },
  { field: 'memorySwapBehavior', sample: 'LimitedSwap', line: 'memorySwap:\n  swapBehavior: LimitedSwap' },
  { field: 'nodeLeaseDurationSeconds', sample: 77, line: 'nodeLeaseDurationSeconds: 77' },
  { field: 'nodeStatusUpdateFrequency', sample: '17s', line: 'nodeStatusUpdateFrequency: 17s' },
  { field: 'podCIDR', sample: '100.96.9.0/24', line: 'podCIDR: 100.96.9.0/24' },
  { field: 'podManifestPath', sample: '/etc/registry-manifests', line: 'staticPodPath: /etc/registry-manifests' },
  { field: 'podPidsLimit', sample: 777, line: 'podPidsLimit: 777' },
  { field: 'protectKernelDefaults', sample: false, line: 'protectKernelDefaults: true', removes: true },
  { field: 'readOnlyPort', sample: 10255, line: 'readOnlyPort: 10255' },
  { field: 'registryPullQPS', sample: 7, line: 'registryPullQPS: 7' },
  { field: 'resolvConf', sample: '/etc/registry-resolv.conf', line: 'resolvConf: /etc/registry-resolv.conf' },
  { field: 'rotateCertificates', sample: true, line: 'rotateCertificates: true' },
  { field: 'seccompDefault', sample: true, line: 'seccompDefault: true' },
  { field: 'serializeImagePulls', sample: false, line: 'serializeImagePulls: false' },
  { field: 'shutdownGracePeriod', sample: '77s', line: 'shutdownGracePeriod: 1m17s' },
  { field: 'shutdownGracePeriodCriticalPods', sample: '17s', line: 'shutdownGracePeriodCriticalPods: 17s' },
  { field: 'systemCgroups', sample: '/system-registry', line: 'systemCgroups: /system-registry' },
  { field: 'systemReserved', sample: { memory: '108Mi' }, line: 'systemReserved:\n  memory: 108Mi' },
  { field: 'systemReservedCgroup', sample: '/sysres-registry', line: 'systemReservedCgroup: /sysres-registry' },
  { field: 'taints', sample: ['registry=x:NoExecute'], line: '- effect: NoExecute\n  key: registry\n  value: x' },
  { field: 'tlsCipherSuites', sample: ['TLS_AES_128_GCM_SHA256'], line: 'tlsCipherSuites:\n- TLS_AES_128_GCM_SHA256' },
  { field: 'tlsMinVersion', sample: 'VersionTLS13', line: 'tlsMinVersion: VersionTLS13' },
  { field: 'topologyManagerPolicy', sample: 'best-effort', line: 'topologyManagerPolicy: best-effort' },
  { field: 'volumePluginDirectory', sample: '/registry/volumeplugins/', line: 'volumePluginDir: /registry/volumeplugins/' },
];

/** The kubelet blocks, and the instance group whose kubelet.conf shows each. */
const BLOCKS = [
  { kind: 'Cluster', path: 'spec.kubelet', conf: 'kubelet.conf-nodes' },
  { kind: 'Cluster', path: 'spec.masterKubelet', conf: 'kubelet.conf-master-us-test-1a' },
  { kind: 'InstanceGroup', path: 'spec.kubelet', conf: 'kubelet.conf-nodes' },
] as const;

const NO_EFFECT: ReadonlyArray<readonly [field: string, why: string]> = [
  ['clientCaFile', 'nodeup sets the kubelet client CA to /srv/kubernetes/ca.crt whatever the spec says (buildKubeletConfigSpec)'],
  ['tlsCertFile', 'the kubelet config file always names /srv/kubernetes/kubelet-server.crt; the spec value is never read'],
  ['tlsPrivateKeyFile', 'the kubelet config file always names /srv/kubernetes/kubelet-server.key; the spec value is never read'],
  ['dockerDisableSharedPID', 'removed from kops (json:"-" in pkg/apis/kops/componentconfig.go); nothing reads it'],
];

function configFileEntry(block: (typeof BLOCKS)[number], f: ConfigFileField): EffectEntry {
  const fragment: Fragment = { in: block.conf, text: f.line, ...(f.removes ? { absent: true } : {}) };
  return { class: 'effect', kind: block.kind, at: `${block.path}.${f.field}`, sample: f.sample, fragments: [fragment], go: KUBELET_GO, ...(f.alone ? { alone: true } : {}), ...(f.settings ? { settings: f.settings } : {}) };
}

/** Settings kops overwrites in one block whatever the spec says (pkg/model/components/kubelet.go). */
const OVERWRITTEN: ReadonlyArray<readonly [block: string, field: string, why: string]> = [
  ['spec.masterKubelet', 'enableDebuggingHandlers', 'kops sets it on control planes: true, or false with spec.isolateMasters (pkg/model/components/kubelet.go)'],
];
const overwritten = (block: (typeof BLOCKS)[number], field: string) => OVERWRITTEN.find(([b, f]) => b === block.path && f === field && block.kind === 'Cluster');

export const AWS_KUBELET_CONFIG_FIELDS: readonly RegistryEntry[] = BLOCKS.flatMap((block) => [
  ...CONFIG_FILE_FIELDS.filter((f) => !overwritten(block, f.field)).map((f) => configFileEntry(block, f)),
  ...NO_EFFECT.map(([field, why]) => noEffect(block.kind, `${block.path}.${field}`, KUBELET_GO, why)),
  ...OVERWRITTEN.filter(([b]) => b === block.path && block.kind === 'Cluster').map(([, field, why]) => noEffect(block.kind, `${block.path}.${field}`, 'pkg/model/components/kubelet.go', why)),
]);
