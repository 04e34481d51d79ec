/**
 * Cluster and group settings whose AWS registry entry shows its effect on AWS resources, names or group names: their
 * effect (or refusal) on the GCE baseline.
 */
import { clusterEffect, data, groupEffect, noEffect, noTf, tf, ADDED_OBJECTS } from '../aws/dsl.js';
import type { RefusedEntry, RegistryEntry, Setting } from '../registry.js';

const ADDONS = 'upup/models/cloudup/resources/addons';
const HCL2 = 'upup/pkg/fi/cloudup/terraform/target_hcl2.go';
const CILIUM_GO = `${ADDONS}/networking.cilium.io/k8s-1.16-v1.15.yaml.template`;
const MASTER = 'master-us-test1-a';
const masterConfig = (text: string) => data(`nodeupconfig-${MASTER}`, text);
const cilium = (text: string) => data('addons-networking.cilium.io', text);

const member = { instanceGroup: MASTER, name: 'a' };
/** Cilium with its own etcd cluster beside main and events (kops validation requires it with etcdManaged). */
const CILIUM_ETCD_CLUSTER: readonly Setting[] = [
  ['spec.etcdClusters', ['main', 'events', 'cilium'].map((name) => ({ name, etcdMembers: [member] }))],
  ['spec.networking', { cilium: {} }],
];
/** A golden case with a keystore holding the CA of Cilium's etcd cluster. */
const CILIUM_ETCD_KEYSTORE = 'update_cluster/privateciliumadvanced';

/**
 * Control-plane groups in zones b and c beside the baseline's (zone a), each running a member of both etcd clusters:
 * kops wants every control-plane group in every etcd cluster, so members move between groups as a permutation.
 */
const controlPlaneIn = (zone: string) => ({
  apiVersion: 'kops.k8s.io/v1alpha2',
  kind: 'InstanceGroup',
  metadata: { name: `control-plane-reg-${zone.slice(-1)}`, labels: { 'kops.k8s.io/cluster': 'minimal-gce.example.com' } },
  spec: { image: 'ubuntu-os-cloud/ubuntu-2604-resolute-amd64-v20221018', machineType: 'e2-medium', maxSize: 1, minSize: 1, role: 'Master', subnets: ['us-test1'], zones: [zone] },
});
const etcdOn = (groups: readonly string[]) =>
  ['main', 'events'].map((name) => ({ name, etcdMembers: groups.map((instanceGroup, i) => ({ name: 'abc'[i], instanceGroup })) }));
const THREE_CONTROL_PLANES: readonly Setting[] = [
  [ADDED_OBJECTS, [controlPlaneIn('us-test1-b'), controlPlaneIn('us-test1-c')]],
  ['spec.etcdClusters', etcdOn([MASTER, 'control-plane-reg-b', 'control-plane-reg-c'])],
];

const refusedOnGce = (path: string, reason: string, go: string, only?: unknown): RefusedEntry => ({
  class: 'refused',
  kind: 'Cluster',
  path,
  why: 'go',
  reason,
  go,
  ...(only === undefined ? {} : { only }),
});
const NO_AWS_PERMISSIONS = "is forbidden on gce: kops requires each entry's aws permissions (policyARNs or inlinePolicy), and only AWS clusters have them";

export const GCE_CLUSTER_FIELDS: readonly RegistryEntry[] = [
  // A group stored without an image gets the channel's GCE image at update: the sample channel file lists the registry's.
  clusterEffect('spec.channel', 'test/apis/fields/channel-sample.yaml', [tf('source_image = "https://www.googleapis.com/compute/v1/projects/registry-project/global/images/registry-gce-sample-20240101"')], 'upup/pkg/fi/cloudup/populate_instancegroup_spec.go', {
    settings: [['ig:spec.image', undefined]],
    alone: true,
  }),
  clusterEffect('spec.target.terraform.providerExtraConfig', { max_retries: '7' }, [tf('provider "google" {\n max_retries = "7"')], HCL2),
  clusterEffect('spec.target.terraform.filesProviderExtraConfig', { max_retries: '9' }, [tf('provider "aws" {\n alias = "files"\n max_retries = "9"')], HCL2),
  clusterEffect('spec.etcdClusters', [{ name: 'main', etcdMembers: [member] }], [
    noTf('resource "google_compute_disk" "a-etcd-events-minimal-gce-example-com"'),
    { ...masterConfig('- /events#https://127.0.0.1:4002'), absent: true },
  ], 'pkg/model/components/apiserver.go', { covers: ['spec.etcdClusters[].name'], alone: true }),
  clusterEffect('spec.etcdClusters', etcdOn(['control-plane-reg-b', MASTER, 'control-plane-reg-c']), [
    tf('name = "a-etcd-main-minimal-gce-example-com"\n size = 20\n type = "pd-ssd"\n zone = "us-test1-b"'),
    tf('name = "b-etcd-main-minimal-gce-example-com"\n size = 20\n type = "pd-ssd"\n zone = "us-test1-a"'),
  ], 'pkg/model/master_volumes.go', { covers: ['spec.etcdClusters[].etcdMembers[].instanceGroup'], settings: THREE_CONTROL_PLANES }),
  clusterEffect('spec.networking.cilium.etcdManaged', true, [cilium('kvstore: etcd')], CILIUM_GO, { settings: CILIUM_ETCD_CLUSTER, keystore: CILIUM_ETCD_KEYSTORE }),
  clusterEffect('spec.networking.cilium.identityAllocationMode', 'kvstore', [cilium('identity-allocation-mode: kvstore')], CILIUM_GO, {
    settings: [...CILIUM_ETCD_CLUSTER, ['spec.networking.cilium.etcdManaged', true]],
    keystore: CILIUM_ETCD_KEYSTORE,
  }),
  clusterEffect('spec.cloudConfig.gcpPDCSIDriver.defaultStorageClassName', 'balanced-storage', [
    data('addons-gcp-pd-csi-driver', 'is-default-class: "true"\n labels:\n addon.kops.k8s.io/name: gcp-pd-csi-driver.addons.k8s.io\n app.kubernetes.io/managed-by: kops\n k8s-addon: gcp-pd-csi-driver.addons.k8s.io\n kubernetes.io/cluster-service: "true"\n name: balanced-storage'),
  ], `${ADDONS}/gcp-pd-csi-driver.addons.k8s.io/k8s-1.23.yaml.template`, {
    settings: [['spec.cloudConfig.gcpPDCSIDriver.enabled', true]],
  }),
  groupEffect('spec.autoscalePriority', 77, [data('addons-cluster-autoscaler', 'priorities: |-\n 77:\n - nodes.minimal-gce.example.com')], `${ADDONS}/cluster-autoscaler.addons.k8s.io/k8s-1.15.yaml.template`, {
    settings: [['spec.clusterAutoscaler', { enabled: true, expander: 'priority', createPriorityExpanderConfig: true }], ['ig:spec.autoscale', true]],
  }),
  // The discovery documents are written to the store on every cloud (the store here is the tests' memfs, as kops's own tests use).
  clusterEffect('spec.serviceAccountIssuerDiscovery.discoveryStore', 'memfs://discovery.example.com/minimal', [
    tf('key = "discovery.example.com/minimal/.well-known/openid-configuration"'),
    tf('key = "discovery.example.com/minimal/openid/v1/jwks"'),
    masterConfig('serviceAccountIssuer: https://discovery.example.com/minimal'),
  ], 'pkg/model/issuerdiscovery.go'),
  noEffect('Cluster', 'spec.serviceAccountIssuerDiscovery.additionalAudiences', 'pkg/model/awsmodel/oidc_provider.go', "only the AWS IAM OIDC provider's client IDs read it; no GCE builder does"),
  refusedOnGce('spec.iam.serviceAccountExternalPermissions[].name', NO_AWS_PERMISSIONS, 'pkg/apis/kops/validation/validation.go'),
  refusedOnGce('spec.iam.serviceAccountExternalPermissions[].namespace', NO_AWS_PERMISSIONS, 'pkg/apis/kops/validation/validation.go'),
  refusedOnGce(
    'spec.iam.useServiceAccountExternalPermissions',
    'is not available on gce: kops binds service-account permissions on AWS only, and its add-on remapping fails on any other cloud ("ServiceAccount-level IAM is not yet supported")',
    'pkg/model/iam/subject.go',
    true,
  ),
];
