import { externalDnsProvider } from '../apis/external-dns.js';
import { remapObjectImages } from '../apis/image-remap.js';
import { bootstrapChannel, manifestPath, type RenderedAddon } from './channel.js';
import { addServiceAccountRole, certManagerNeedsRole, serviceAccountRoleArn, serviceAccountRoleName, usesServiceAccountPermissions } from './irsa.js';
import { parseManifest, serializeManifest } from './manifest.js';
import { amazonVpc } from './templates/amazon-vpc.js';
import { authenticationAws } from './templates/authentication-aws.js';
import { authenticationKopeio } from './templates/authentication-kopeio.js';
import { awsCloudController } from './templates/aws-cloud-controller.js';
import { awsEbsCsiDriver } from './templates/aws-ebs-csi-driver.js';
import { awsLoadBalancerController } from './templates/aws-load-balancer-controller.js';
import { calico } from './templates/calico.js';
import { certManager } from './templates/certmanager.js';
import { cilium } from './templates/cilium.js';
import { clusterAutoscaler } from './templates/cluster-autoscaler.js';
import { coredns } from './templates/coredns.js';
import { dnsController } from './templates/dns-controller.js';
import { externalDns } from './templates/external-dns.js';
import { flannel } from './templates/flannel.js';
import { karpenter } from './templates/karpenter.js';
import { kubeDns } from './templates/kube-dns.js';
import { kubeRouter } from './templates/kube-router.js';
import { kindnet } from './templates/kindnet.js';
import { kopeio } from './templates/kopeio.js';
import { kopsController } from './templates/kops-controller.js';
import { kubeletApiRbac } from './templates/kubelet-api-rbac.js';
import { limitRange } from './templates/limit-range.js';
import { metricsServer } from './templates/metrics-server.js';
import { nodeLocalDNS } from './templates/nodelocaldns.js';
import { nodeProblemDetector } from './templates/node-problem-detector.js';
import { nodeTerminationHandler } from './templates/node-termination-handler.js';
import { nvidia } from './templates/nvidia.js';
import { podIdentityWebhook } from './templates/pod-identity-webhook.js';
import { snapshotController } from './templates/snapshot-controller.js';
import { storageAws } from './templates/storage-aws.js';
import { storageGce } from './templates/storage-gce.js';
import { gcpCloudController } from './templates/gcp-cloud-controller.js';
import { gcpPdCsiDriver } from './templates/gcp-pd-csi-driver.js';
import type { AddonCluster, AddonContext, AddonDefinition } from './types.js';

export type { AddonCluster, AddonContext, AddonDefinition } from './types.js';

interface CatalogEntry {
  definition: AddonDefinition;
  /** Whether the cluster runs this add-on. */
  enabled: (cluster: AddonCluster, ctx: AddonContext) => boolean;
}

/** CNI add-ons are selected by role rather than by name. */
const NETWORKING_SELECTOR = { 'role.kubernetes.io/networking': '1' };
/** Token-webhook authenticators are selected by role too. */
const AUTHENTICATION_SELECTOR = { 'role.kubernetes.io/authentication': '1' };

const isAWS = (c: AddonCluster) => c.spec.cloudProvider === 'aws';
const usesCoreDNS = (c: AddonCluster) => (c.spec.kubeDNS?.provider || 'CoreDNS') === 'CoreDNS';
const isGCE = (c: AddonCluster) => c.spec.cloudProvider === 'gce';

/** Every add-on kops can install, in bootstrap-channel order. */
const CATALOG: CatalogEntry[] = [
  {
    definition: {
      name: 'kops-controller.addons.k8s.io',
      id: 'k8s-1.16',
      manifestFile: 'k8s-1.16.yaml',
      needsRollingUpdate: 'control-plane',
      render: kopsController,
    },
    enabled: () => true,
  },
  {
    definition: { name: 'kube-dns.addons.k8s.io', id: 'k8s-1.12', manifestFile: 'k8s-1.12.yaml', render: kubeDns },
    enabled: (c) => c.spec.kubeDNS?.provider === 'KubeDNS',
  },
  {
    definition: { name: 'coredns.addons.k8s.io', id: 'k8s-1.12', manifestFile: 'k8s-1.12.yaml', render: coredns },
    enabled: usesCoreDNS,
  },
  {
    definition: { name: 'kubelet-api.rbac.addons.k8s.io', id: 'k8s-1.9', manifestFile: 'k8s-1.9.yaml', render: kubeletApiRbac },
    enabled: () => true,
  },
  {
    definition: { name: 'limit-range.addons.k8s.io', manifestFile: 'v1.5.0.yaml', render: limitRange },
    enabled: () => true,
  },
  {
    definition: {
      name: 'dns-controller.addons.k8s.io',
      id: 'k8s-1.12',
      manifestFile: 'k8s-1.12.yaml',
      render: dnsController,
      serviceAccountRole: { name: 'dns-controller', namespace: 'kube-system' },
    },
    enabled: () => true,
  },
  {
    definition: {
      name: 'external-dns.addons.k8s.io',
      id: 'k8s-1.19',
      manifestFile: 'k8s-1.19.yaml',
      render: externalDns,
      serviceAccountRole: { name: 'external-dns', namespace: 'kube-system' },
    },
    enabled: (c) => c.spec.topology?.dns?.type !== 'None' && externalDnsProvider(c.spec) === 'external-dns',
  },
  {
    definition: {
      name: 'nodelocaldns.addons.k8s.io',
      id: 'k8s-1.12',
      manifestFile: 'k8s-1.12.yaml',
      needsRollingUpdate: 'all',
      render: nodeLocalDNS,
    },
    enabled: (c) => usesCoreDNS(c) && c.spec.kubeDNS?.nodeLocalDNS?.enabled === true,
  },
  {
    definition: {
      name: 'cluster-autoscaler.addons.k8s.io',
      id: 'k8s-1.15',
      manifestFile: 'k8s-1.15.yaml',
      render: clusterAutoscaler,
      serviceAccountRole: { name: 'cluster-autoscaler', namespace: 'kube-system' },
    },
    enabled: (c) => c.spec.clusterAutoscaler?.enabled === true,
  },
  // Serving its own certificate (insecure not true) needs the cluster PKI.
  ...[true, false].map((insecure) => ({
    definition: {
      name: 'metrics-server.addons.k8s.io',
      id: 'k8s-1.11',
      manifestFile: 'k8s-1.11.yaml',
      selector: { 'k8s-app': 'metrics-server' },
      needsPKI: !insecure,
      render: metricsServer,
    },
    enabled: (c: AddonCluster) => c.spec.metricsServer?.enabled === true && (c.spec.metricsServer.insecure === true) === insecure,
  })),
  {
    definition: {
      name: 'certmanager.io',
      id: 'k8s-1.16',
      manifestFile: 'k8s-1.16.yaml',
      selector: null,
      prune: true,
      render: certManager,
      serviceAccountRole: { name: 'cert-manager', namespace: 'kube-system', when: certManagerNeedsRole },
    },
    enabled: (c) => c.spec.certManager?.enabled === true && c.spec.certManager?.managed !== false,
  },
  {
    definition: {
      name: 'node-termination-handler.aws',
      id: 'k8s-1.11',
      manifestFile: 'k8s-1.11.yaml',
      prune: true,
      render: nodeTerminationHandler,
      serviceAccountRole: { name: 'aws-node-termination-handler', namespace: 'kube-system' },
    },
    enabled: (c) => isAWS(c) && c.spec.nodeTerminationHandler?.enabled === true,
  },
  {
    definition: {
      name: 'node-problem-detector.addons.k8s.io',
      id: 'k8s-1.17',
      manifestFile: 'k8s-1.17.yaml',
      prune: true,
      render: nodeProblemDetector,
    },
    enabled: (c) => c.spec.nodeProblemDetector?.enabled === true,
  },
  {
    definition: { name: 'nvidia.addons.k8s.io', id: 'k8s-1.16', manifestFile: 'k8s-1.16.yaml', render: nvidia },
    // The cluster's containerd, or any instance group's own, running NVIDIA GPUs.
    enabled: (c, ctx) =>
      c.spec.containerd?.nvidiaGPU?.enabled === true || (ctx.instanceGroups ?? []).some((ig) => ig.spec.containerd?.nvidiaGPU?.enabled === true),
  },
  // The IRSA flavour is a different manifest id, so that switching IAM modes replaces the deployment.
  ...[false, true].map((irsa) => ({
    definition: {
      name: 'aws-load-balancer-controller.addons.k8s.io',
      id: irsa ? 'k8s-1.19-irsa' : 'k8s-1.19',
      manifestFile: irsa ? 'k8s-1.19-irsa.yaml' : 'k8s-1.19.yaml',
      needsPKI: true,
      prune: true,
      render: awsLoadBalancerController,
      serviceAccountRole: { name: 'aws-load-balancer-controller', namespace: 'kube-system' },
    },
    enabled: (c: AddonCluster) => isAWS(c) && c.spec.awsLoadBalancerController?.enabled === true && usesServiceAccountPermissions(c) === irsa,
  })),
  {
    definition: {
      name: 'eks-pod-identity-webhook.addons.k8s.io',
      id: 'k8s-1.16',
      manifestFile: 'k8s-1.16.yaml',
      needsPKI: true,
      render: podIdentityWebhook,
    },
    enabled: (c) => isAWS(c) && c.spec.podIdentityWebhook?.enabled === true,
  },
  {
    definition: { name: 'storage-aws.addons.k8s.io', id: 'v1.15.0', manifestFile: 'v1.15.0.yaml', render: storageAws },
    enabled: (c) => isAWS(c) && c.spec.cloudConfig?.manageStorageClasses === true,
  },
  {
    definition: { name: 'storage-gce.addons.k8s.io', id: 'v1.7.0', manifestFile: 'v1.7.0.yaml', render: storageGce },
    enabled: (c) => isGCE(c) && c.spec.cloudConfig?.manageStorageClasses === true,
  },
  {
    definition: { name: 'gcp-pd-csi-driver.addons.k8s.io', id: 'k8s-1.23', manifestFile: 'k8s-1.23.yaml', render: gcpPdCsiDriver },
    enabled: (c) => isGCE(c) && c.spec.cloudConfig?.gcpPDCSIDriver?.enabled === true,
  },
  {
    definition: { name: 'gcp-cloud-controller.addons.k8s.io', id: 'k8s-1.23', manifestFile: 'k8s-1.23.yaml', prune: true, render: gcpCloudController },
    enabled: isGCE,
  },
  {
    definition: {
      name: 'networking.amazon-vpc-routed-eni',
      id: 'k8s-1.16',
      manifestFile: 'k8s-1.16.yaml',
      selector: NETWORKING_SELECTOR,
      needsRollingUpdate: 'all',
      render: amazonVpc,
    },
    enabled: (c) => c.spec.networking?.amazonvpc !== undefined,
  },
  {
    definition: {
      name: 'networking.kope.io',
      id: 'k8s-1.12',
      manifestFile: 'k8s-1.12.yaml',
      selector: NETWORKING_SELECTOR,
      prune: true,
      render: kopeio,
    },
    enabled: (c) => c.spec.networking?.kopeio !== undefined,
  },
  {
    definition: {
      name: 'networking.projectcalico.org',
      id: 'k8s-1.25',
      manifestFile: 'k8s-1.25.yaml',
      selector: NETWORKING_SELECTOR,
      prune: true,
      render: calico,
    },
    enabled: (c) => c.spec.networking?.calico !== undefined,
  },
  {
    definition: {
      name: 'networking.kuberouter',
      id: 'k8s-1.12',
      manifestFile: 'k8s-1.12.yaml',
      selector: NETWORKING_SELECTOR,
      render: kubeRouter,
      serviceAccountRole: { name: 'kube-router', namespace: 'kube-system' },
    },
    enabled: (c) => c.spec.networking?.kuberouter !== undefined,
  },
  {
    definition: {
      name: 'networking.flannel',
      id: 'k8s-1.25',
      manifestFile: 'k8s-1.25.yaml',
      selector: NETWORKING_SELECTOR,
      prune: true,
      render: flannel,
    },
    enabled: (c) => c.spec.networking?.flannel !== undefined,
  },
  // Hubble's TLS needs the cluster PKI: the channel entry says so when it is enabled.
  ...[false, true].map((hubble) => ({
    definition: {
      name: 'networking.cilium.io',
      id: 'k8s-1.16',
      manifestFile: 'k8s-1.16-v1.15.yaml',
      selector: NETWORKING_SELECTOR,
      needsRollingUpdate: 'all' as const,
      needsPKI: hubble,
      render: cilium,
    },
    enabled: (c: AddonCluster) => c.spec.networking?.cilium !== undefined && (c.spec.networking.cilium.hubble?.enabled === true) === hubble,
  })),
  {
    definition: {
      name: 'networking.kindnet',
      id: 'k8s-1.32',
      manifestFile: 'k8s-1.32.yaml',
      selector: NETWORKING_SELECTOR,
      needsRollingUpdate: 'all',
      render: kindnet,
    },
    enabled: (c) => c.spec.networking?.kindnet !== undefined,
  },
  {
    definition: {
      name: 'authentication.kope.io',
      id: 'k8s-1.12',
      manifestFile: 'k8s-1.12.yaml',
      selector: AUTHENTICATION_SELECTOR,
      render: authenticationKopeio,
    },
    enabled: (c) => c.spec.authentication?.kopeio !== undefined,
  },
  {
    definition: {
      name: 'authentication.aws',
      id: 'k8s-1.12',
      manifestFile: 'k8s-1.12.yaml',
      selector: AUTHENTICATION_SELECTOR,
      render: authenticationAws,
    },
    enabled: (c) => c.spec.authentication?.aws !== undefined,
  },
  {
    definition: {
      name: 'aws-cloud-controller.addons.k8s.io',
      id: 'k8s-1.18',
      manifestFile: 'k8s-1.18.yaml',
      render: awsCloudController,
      serviceAccountRole: { name: 'aws-cloud-controller-manager', namespace: 'kube-system' },
    },
    enabled: (c) => isAWS(c) && c.spec.cloudControllerManager !== undefined,
  },
  {
    definition: {
      name: 'aws-ebs-csi-driver.addons.k8s.io',
      id: 'k8s-1.17',
      manifestFile: 'k8s-1.17.yaml',
      render: awsEbsCsiDriver,
      serviceAccountRole: { name: 'ebs-csi-controller-sa', namespace: 'kube-system' },
    },
    // Installed unless the user manages the driver (managed: false); it cannot be disabled.
    enabled: (c) => isAWS(c) && c.spec.cloudConfig?.awsEBSCSIDriver?.managed !== false,
  },
  {
    definition: {
      name: 'snapshot-controller.addons.k8s.io',
      id: 'k8s-1.20',
      manifestFile: 'k8s-1.20.yaml',
      needsPKI: true,
      render: snapshotController,
    },
    enabled: (c) => c.spec.snapshotController?.enabled === true,
  },
  {
    definition: {
      name: 'karpenter.sh',
      id: 'k8s-1.19',
      manifestFile: 'k8s-1.19.yaml',
      prune: true,
      pruneExtraKinds: [
        { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass' },
        { group: 'karpenter.sh', kind: 'NodePool' },
      ],
      render: karpenter,
      serviceAccountRole: { name: 'karpenter', namespace: 'kube-system' },
    },
    enabled: (c) => isAWS(c) && c.spec.karpenter?.enabled === true,
  },
];

/** A state-store file of the add-ons: the bootstrap channel or one manifest. */
/**
 * As kops's remapping of add-on objects: each object carries the channel selector's labels, and the pods of
 * Deployments and DaemonSets are marked as managed by kops.
 */
function labelForChannel(obj: Record<string, unknown>, selector: Record<string, string>): void {
  const metadata = (obj.metadata ??= {}) as Record<string, unknown>;
  metadata.labels = { ...((metadata.labels as Record<string, string> | undefined) ?? {}), ...selector };
  if ((obj.kind === 'Deployment' || obj.kind === 'DaemonSet') && obj.apiVersion === 'apps/v1') {
    const template = ((obj.spec as Record<string, unknown> | undefined)?.template ?? undefined) as Record<string, unknown> | undefined;
    if (template) {
      const podMeta = (template.metadata ??= {}) as Record<string, unknown>;
      podMeta.labels = { ...((podMeta.labels as Record<string, string> | undefined) ?? {}), 'kops.k8s.io/managed-by': 'kops' };
    }
  }
}

export interface AddonFile {
  /** Go kops ManagedFile name, e.g. `minimal.example.com-addons-coredns.addons.k8s.io-k8s-1.12`. */
  tfName: string;
  /** Path relative to configBase, e.g. `addons/coredns.addons.k8s.io/k8s-1.12.yaml`. */
  path: string;
  content: string;
}

/** The add-ons of a cluster: each enabled add-on's manifest and the bootstrap channel listing them. */
export function buildAddons(cluster: AddonCluster, ctx: AddonContext): AddonFile[] {
  const rendered: RenderedAddon[] = CATALOG.filter((e) => e.enabled(cluster, ctx)).map(({ definition }) => {
    const objects = parseManifest(definition.render(cluster, ctx));
    for (const obj of objects) labelForChannel(obj, definition.selector === undefined ? { 'k8s-addon': definition.name } : (definition.selector ?? {}));
    const sa = definition.serviceAccountRole;
    if (sa && usesServiceAccountPermissions(cluster) && (sa.when?.(cluster.spec) ?? true)) {
      addServiceAccountRole(objects, sa.name, serviceAccountRoleArn(ctx, serviceAccountRoleName(sa.name, sa.namespace, cluster.metadata.name)));
    }
    for (const obj of objects) remapObjectImages(obj, cluster.spec.assets);
    const selector = definition.selector === undefined ? { 'k8s-addon': definition.name } : (definition.selector ?? {});
    return { definition, objects, manifest: serializeManifest(definition.name, objects, selector) };
  });
  const prefix = `${cluster.metadata.name}-addons-`;
  return [
    { tfName: `${prefix}bootstrap`, path: 'addons/bootstrap-channel.yaml', content: bootstrapChannel(rendered) },
    ...rendered.map(({ definition: def, manifest }) => ({
      tfName: `${prefix}${def.name}${def.id ? `-${def.id}` : ''}`,
      path: `addons/${manifestPath(def)}`,
      content: manifest,
    })),
  ];
}
