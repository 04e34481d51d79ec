/**
 * The subnets of a GCE cluster (regional subnetworks, named after the subnet, or shared by id), where each instance
 * group runs, the API's access by DNS or load balancer, and the network settings kops refuses or reads only on AWS.
 */
import { clusterEffect, data, groupEffect, noEffect, tf } from '../aws/dsl.js';
import type { Fragment, RegistryEntry } from '../registry.js';

const NETWORK = 'pkg/model/gcemodel/network.go';
const GROUP = 'pkg/model/gcemodel/autoscalinggroup.go';
const API_LB = 'pkg/model/gcemodel/api_loadbalancer.go';
const VALIDATION = 'pkg/apis/kops/validation/validation.go';

const BASE_SUBNET = { name: 'us-test1', region: 'us-test1', type: 'Public' };
const PRIVATE = [['spec.subnets', [{ ...BASE_SUBNET, type: 'Private' }]]] as const;
const absentTf = (text: string): Fragment => ({ ...tf(text), absent: true });

export const GCE_NETWORK_FIELDS: readonly RegistryEntry[] = [
  clusterEffect('spec.subnets', [BASE_SUBNET, { ...BASE_SUBNET, name: 'registry' }], [tf('resource "google_compute_subnetwork" "registry-minimal-gce-example-com" {\n ip_cidr_range = "10.0.32.0/20"\n name = "registry-minimal-gce-example-com"')], NETWORK, {
    covers: ['spec.subnets[].name'],
  }),
  clusterEffect('spec.subnets[].id', 'registry-subnet', [tf('subnetwork = "registry-subnet"'), absentTf('resource "google_compute_subnetwork" "us-test1-minimal-gce-example-com"')], NETWORK, {
    settings: [['spec.networkID', 'registry-net']],
  }),
  clusterEffect('spec.subnets[].egress', 'External', [absentTf('resource "google_compute_router_nat" "nat-minimal-gce-example-com"')], NETWORK, { settings: PRIVATE }),
  groupEffect('spec.subnets', ['registry'], [tf('subnetwork = google_compute_subnetwork.registry-minimal-gce-example-com.name')], GROUP, {
    settings: [['spec.subnets', [BASE_SUBNET, { ...BASE_SUBNET, name: 'registry', type: 'Private' }]]],
  }),
  groupEffect('spec.role', 'Bastion', [tf('tags = ["minimal-gce-example-com-k8s-io-role-bastion"]'), tf('resource "google_compute_firewall" "ssh-external-to-bastion-minimal-gce-example-com"')], GROUP, { alone: true }),
  clusterEffect('spec.api.dns', {}, [data('nodeupconfig-master-us-test1-a', '  API:\n    dns: {}'), absentTf('resource "google_compute_forwarding_rule" "api-minimal-gce-example-com"')], 'upup/pkg/fi/cloudup/populate_cluster_spec.go', {
    settings: [...PRIVATE, ['spec.api', {}]],
  }),
  {
    class: 'refused',
    kind: 'Cluster',
    path: 'spec.subnets[].zone',
    why: 'go',
    reason: 'is forbidden: GCE subnets are regional, so a subnet takes no zone (instance groups name their zones)',
    go: 'pkg/apis/kops/validation/gce.go',
  },
  {
    class: 'refused',
    kind: 'Cluster',
    path: 'spec.subnets[].ipv6CIDR',
    why: 'go',
    reason: 'is forbidden: ipv6CIDR can only be given on AWS (GCE gives the subnetworks of an IPv6 cluster their ranges itself)',
    go: VALIDATION,
  },
  {
    class: 'refused',
    kind: 'Cluster',
    path: 'spec.additionalNetworkCIDRs',
    why: 'go',
    reason: "is forbidden: gce doesn't support additionalNetworkCIDRs (GCE subnetworks carry their own ranges)",
    go: VALIDATION,
  },
  noEffect('Cluster', 'spec.api.loadBalancer.subnets[].name', API_LB, "the internal load balancer gets one address per cluster subnet an API server's instance group runs in; only the AWS load balancer reads the listed subnets"),
  noEffect('Cluster', 'spec.api.loadBalancer.subnets[].privateIPv4Address', API_LB, 'GCE reserves the internal addresses of the API forwarding rules itself; only the AWS network load balancer reads a fixed address'),
  noEffect('Cluster', 'spec.topology.bastion.bastionPublicName', 'pkg/model/awsmodel/dns.go', 'only the AWS model publishes a DNS record for the bastion (UsesBastionDns); kops create cluster --bastion writes it on GCE clusters too'),
];
