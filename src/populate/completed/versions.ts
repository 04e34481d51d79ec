import { type ImageAssets, remapImage } from '../../apis/image-remap.js';
import { type KubernetesVersion, isAtLeast } from './kubernetes-version.js';

/**
 * Versions and image tags kops 1.34 pins for the components it deploys.
 * Rows are [minimum Kubernetes version, value], newest first; the first row the cluster satisfies wins.
 */
type VersionTable = readonly (readonly [string, string])[];

function pick(table: VersionTable, k8s: KubernetesVersion): string {
  for (const [minimum, value] of table) if (isAtLeast(k8s, minimum)) return value;
  return table[table.length - 1][1];
}

const ETCD: VersionTable = [
  ['1.34', '3.6.12'],
  ['1.0', '3.5.31'],
];
const CONTAINERD: VersionTable = [['1.0', '2.3.4']];
const RUNC: VersionTable = [['1.0', '1.4.3']];
const AWS_CLOUD_CONTROLLER_MANAGER: VersionTable = [['1.0', 'v1.36.1']];
const CLUSTER_AUTOSCALER: VersionTable = [['1.0', 'v1.32.7']];

export const etcdVersion = (k8s: KubernetesVersion): string => pick(ETCD, k8s);
export const containerdVersion = (k8s: KubernetesVersion): string => pick(CONTAINERD, k8s);
export const runcVersion = (k8s: KubernetesVersion): string => pick(RUNC, k8s);
export const awsCloudControllerManagerImage = (k8s: KubernetesVersion): string =>
  `registry.k8s.io/provider-aws/cloud-controller-manager:${pick(AWS_CLOUD_CONTROLLER_MANAGER, k8s)}`;
export const clusterAutoscalerImage = (k8s: KubernetesVersion): string =>
  `registry.k8s.io/autoscaling/cluster-autoscaler:${pick(CLUSTER_AUTOSCALER, k8s)}`;

/**
 * Image of a Kubernetes control-plane component. A side-loaded release (a release URL) publishes per-architecture
 * images tagged with the release version; the completed spec names the amd64 one and nodeup picks its own.
 */
export const kubernetesComponentImage = (component: string, k8s: KubernetesVersion): string =>
  k8s.releaseUrl ? `registry.k8s.io/${component}-amd64:v${k8s.text}` : `registry.k8s.io/${component}:v${k8s.text}`;

export const PINNED = {
  awsEBSCSIDriver: 'v1.58.0',
  nodeTerminationHandler: 'v1.25.5',
  pauseImage: 'registry.k8s.io/pause:3.10.1',
  nodeLocalDNSImage: 'registry.k8s.io/dns/k8s-dns-node-cache:1.26.0',
  cilium: 'v1.18.12',
  kindnet: 'v1.0.1',
  karpenterImage: 'public.ecr.aws/karpenter/controller:1.13.0',
  nodeProblemDetectorImage: 'registry.k8s.io/node-problem-detector/node-problem-detector:v0.8.18',
  nvidiaDevicePluginImage: 'nvcr.io/nvidia/k8s-device-plugin:v0.17.3',
  nvidiaDriverPackage: 'nvidia-driver-535-server',
  hetznerCloudControllerManagerImage: 'hetznercloud/hcloud-cloud-controller-manager:v1.31.0',
  gcpCloudControllerManagerImage: 'registry.k8s.io/cloud-provider-gcp/cloud-controller-manager:v35.0.0',
  gcpPDCSIDriver: 'v1.22.1',
} as const;

/**
 * The image kops deploys a Kubernetes component with: the release's, pulled through spec.assets' proxy or registry
 * (a side-loaded release's images are loaded from its tar files as they are named there).
 */
export const componentImage = (component: string, k8s: KubernetesVersion, assets: ImageAssets | undefined): string =>
  k8s.releaseUrl ? kubernetesComponentImage(component, k8s) : remapImage(kubernetesComponentImage(component, k8s), assets);
