import { byDefault, inferred } from '../origin.js';
import { nthAddress, parseCidr } from './cidr.js';
import { isAtLeast } from './kubernetes-version.js';
import type { PopulateState } from './state.js';
import { remapImage } from '../../apis/image-remap.js';
import { PINNED, componentImage, containerdVersion, runcVersion } from './versions.js';

const NODE_LOCAL_DNS_ADDRESS = { ipv4: '169.254.20.10', ipv6: 'fd00:90de:d95::1' };
const AWS_IPV6_DNS_RESOLVER = 'fd00:ec2::253';
const EVICTION_HARD = 'memory.available<100Mi,nodefs.available<10%,nodefs.inodesFree<5%,imagefs.available<10%,imagefs.inodesFree<5%';

export function fillKubeDNS(s: PopulateState): void {
  const { spec } = s;
  const dns = spec.at('kubeDNS');
  const d = <T>(field: string, value: T) => dns.default(field, value, byDefault(`cluster DNS ${field}`));
  d('cacheMaxConcurrent', 150);
  d('cacheMaxSize', 1000);
  d('cpuRequest', '100m');
  dns.default('domain', spec.get('clusterDNSDomain'), inferred('spec.clusterDNSDomain'));
  d('memoryLimit', '170Mi');
  d('memoryRequest', '70Mi');
  d('nodeLocalDNS.cpuRequest', '25m');
  const nodeLocal = d<boolean>('nodeLocalDNS.enabled', false);
  d('nodeLocalDNS.image', PINNED.nodeLocalDNSImage);
  d('nodeLocalDNS.memoryRequest', '5Mi');
  if (nodeLocal) {
    const localIP = s.ipv6 ? NODE_LOCAL_DNS_ADDRESS.ipv6 : NODE_LOCAL_DNS_ADDRESS.ipv4;
    dns.default('nodeLocalDNS.localIP', localIP, inferred('link-local address of the node-local DNS cache'));
    d('nodeLocalDNS.forwardToKubeDNS', false);
  }
  d('provider', 'CoreDNS');
  const range = parseCidr(spec.get<string>('serviceClusterIPRange') ?? '');
  if (range) dns.default('serverIP', nthAddress(range, 10), inferred('tenth address of the service range'));
  if (s.ipv6 && spec.get('cloudProvider') === 'aws') {
    dns.default('upstreamNameservers', [AWS_IPV6_DNS_RESOLVER], inferred('the AWS DNS resolver on IPv6'));
  }
}

export function fillKubelet(s: PopulateState): void {
  const { spec } = s;
  const kubelet = spec.at('kubelet');
  const d = (field: string, value: unknown) => kubelet.default(field, value, byDefault(`kubelet ${field}`));
  d('cgroupDriver', 'systemd');
  d('cgroupRoot', '/');
  kubelet.default('cloudProvider', 'external', inferred('cloud controller manager runs outside'));
  if (spec.get('cloudProvider') === 'gce') kubelet.set('hairpinMode', 'promiscuous-bridge', inferred('hairpin mode kops uses on GCE'));
  const nodeLocal = spec.get('kubeDNS.nodeLocalDNS.enabled') === true;
  const dnsIP = spec.get(nodeLocal ? 'kubeDNS.nodeLocalDNS.localIP' : 'kubeDNS.serverIP');
  if (dnsIP !== undefined) kubelet.default('clusterDNS', dnsIP, inferred(nodeLocal ? 'node-local DNS cache address' : 'spec.kubeDNS.serverIP'));
  kubelet.default('clusterDomain', spec.get('clusterDNSDomain'), inferred('spec.clusterDNSDomain'));
  d('enableDebuggingHandlers', true);
  d('evictionHard', EVICTION_HARD);
  d('kubeconfigPath', '/var/lib/kubelet/kubeconfig');
  d('logLevel', 2);
  d('podManifestPath', '/etc/kubernetes/manifests');
  d('protectKernelDefaults', true);
  if (!isAtLeast(s.k8s, '1.34')) kubelet.default('registerSchedulable', true, inferred('registerSchedulable is still set before Kubernetes 1.34'));
  // The Amazon VPC CNI's aws-node is stopped too early by graceful node shutdown, so kops turns it off there.
  const graceful = !spec.has('networking.amazonvpc');
  const rule = graceful ? 'graceful node shutdown' : 'no graceful node shutdown with the Amazon VPC CNI';
  kubelet.default('shutdownGracePeriod', graceful ? '30s' : '0s', inferred(rule));
  kubelet.default('shutdownGracePeriodCriticalPods', graceful ? '10s' : '0s', inferred(rule));

  // Control-plane kubelets start from the node kubelet settings.
  spec.inherit('masterKubelet', 'kubelet', 'control-plane kubelet inherits spec.kubelet');
  // As kops: control planes always serve kubelet logs, unless they are isolated from the pod network.
  const isolated = spec.get('isolateMasters') === true;
  spec.set('masterKubelet.enableDebuggingHandlers', !isolated, inferred(isolated ? 'spec.isolateMasters' : 'control planes serve kubelet logs'));
  if (isolated) spec.set('masterKubelet.hairpinMode', 'none', inferred('spec.isolateMasters'));
  if (!isAtLeast(s.k8s, '1.36')) {
    spec.default('masterKubelet.featureGates.ImageVolume', 'true', inferred('control-plane static pods mount image volumes before Kubernetes 1.36'));
  }
}

export function fillKubeProxy(s: PopulateState): void {
  const { spec } = s;
  const proxy = spec.at('kubeProxy');
  const podCIDR = spec.get('podCIDR');
  if (podCIDR !== undefined && !s.ipv6 && !spec.has('networking.amazonvpc')) {
    proxy.default('clusterCIDR', podCIDR, inferred('spec.podCIDR'));
  }
  proxy.default('cpuRequest', '100m', byDefault('kube-proxy cpuRequest'));
  proxy.set('image', componentImage('kube-proxy', s.k8s, s.spec.get('assets')), inferred('kube-proxy image of the Kubernetes version'));
  proxy.default('logLevel', 2, byDefault('kube-proxy logLevel'));
}

export function fillContainerd(s: PopulateState): void {
  const c = s.spec.at('containerd');
  // kops sets the cluster's containerd log level to info whatever the spec says (a group's own still applies).
  c.set('logLevel', 'info', byDefault('containerd logLevel'));
  c.default('sandboxImage', remapImage(PINNED.pauseImage, s.spec.get('assets')), byDefault('pause image'));
  // As kops: the default containerd comes with its own runc, in place of any runc settings; a version the user gives
  // keeps the user's runc settings (and needs them).
  if (!c.get('version')) {
    c.set('version', containerdVersion(s.k8s), inferred('containerd version for the Kubernetes version'));
    c.set('runc', { version: runcVersion(s.k8s) }, inferred('runc version of the default containerd'));
  }
  if (c.get('nvidiaGPU.enabled') === true) {
    c.default('nvidiaGPU.image', PINNED.nvidiaDevicePluginImage, byDefault('NVIDIA device plugin image'));
    c.default('nvidiaGPU.package', PINNED.nvidiaDriverPackage, byDefault('NVIDIA driver package'));
  }
}
