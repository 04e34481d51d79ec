/**
 * Network, DNS and bastion fields of the cluster, and the instance group's image, manager, autoscaler priority and
 * instance requirements, with their kops effect on AWS.
 */
import type { RegistryEntry, Setting } from '../registry.js';
import { clusterEffect, data, direct, groupEffect, masterConfig, noEffect, nodesConfig, notIn, tf } from './dsl.js';
import { IRSA } from './addons.js';

const NETWORK = 'pkg/model/awsmodel/network.go';
const BASTION = 'pkg/model/awsmodel/bastion.go';
const ASG = 'pkg/model/awsmodel/autoscalinggroup.go';
const TOPOLOGY = 'pkg/apis/kops/v1alpha2/topology.go';

/** A private subnet and its zone's utility subnet, in place of the baseline's public one. */
const PRIVATE_SUBNETS = [
  { name: 'us-test-1a', zone: 'us-test-1a', cidr: '172.20.32.0/19', type: 'Private' },
  { name: 'utility-us-test-1a', zone: 'us-test-1a', cidr: '172.20.4.0/22', type: 'Utility' },
];
const PRIVATE: readonly Setting[] = [['spec.subnets', PRIVATE_SUBNETS]];
/** The nodes group becomes a bastion (the baseline has none). */
const BASTION_GROUP: readonly Setting[] = [['ig:spec.role', 'Bastion']];

const route = (cidr: string, target: string) => tf(`resource "aws_route" "route-us-test-1a-${cidr.replace(/[./]/g, (c) => (c === '.' ? '-' : '--'))}" {\n destination_cidr_block = "${cidr}"\n ${target}`);

export const AWS_TOPOLOGY_FIELDS: readonly RegistryEntry[] = [
  clusterEffect(
    'spec.subnets',
    [
      {
        ...PRIVATE_SUBNETS[0],
        additionalRoutes: [
          { cidr: '10.9.0.0/16', target: 'pcx-0registry' },
          { cidr: '10.8.0.0/16', target: 'tgw-0registry' },
          { cidr: '10.7.0.0/16', target: 'i-0registry' },
          { cidr: '10.6.0.0/16', target: 'nat-0registry' },
          { cidr: '10.5.0.0/16', target: 'igw-0registry' },
          { cidr: '10.4.0.0/16', target: 'eigw-0registry' },
        ],
      },
      PRIVATE_SUBNETS[1],
    ],
    [
      route('10.9.0.0/16', 'route_table_id = aws_route_table.private-us-test-1a-minimal-aws-example-com.id\n vpc_peering_connection_id = "pcx-0registry"'),
      route('10.8.0.0/16', 'route_table_id = aws_route_table.private-us-test-1a-minimal-aws-example-com.id\n transit_gateway_id = "tgw-0registry"'),
      route('10.7.0.0/16', 'instance_id = "i-0registry"'),
      route('10.6.0.0/16', 'nat_gateway_id = "nat-0registry"'),
      route('10.5.0.0/16', 'gateway_id = "igw-0registry"'),
      route('10.4.0.0/16', 'egress_only_gateway_id = "eigw-0registry"'),
    ],
    NETWORK,
    { covers: ['spec.subnets[].additionalRoutes[].cidr', 'spec.subnets[].additionalRoutes[].target'] },
  ),
  // kops takes egress on private subnets only, not on the utility subnet beside them: the sample is the subnet list.
  clusterEffect('spec.subnets', [{ ...PRIVATE_SUBNETS[0], egress: 'nat-0registry' }, PRIVATE_SUBNETS[1]], [tf('resource "aws_route" "route-private-us-test-1a-0-0-0-0--0" {\n destination_cidr_block = "0.0.0.0/0"\n nat_gateway_id = "nat-0registry"')], NETWORK, {
    covers: ['spec.subnets[].egress'],
    settings: PRIVATE,
  }),
  clusterEffect('spec.subnets[].publicIP', '203.0.113.7', [tf('resource "aws_eip" "us-test-1a-minimal-aws-example-com" {\n domain = "vpc"\n tags = {\n "Name" = "us-test-1a.minimal-aws.example.com"\n "kubernetes.io/cluster/minimal-aws.example.com" = "shared"')], NETWORK, { settings: PRIVATE, alone: true }),
  clusterEffect('spec.subnets[].ipv6CIDR', '2001:db8:0:111::/64', [tf('ipv6_cidr_block = "2001:db8:0:111::/64"'), tf('assign_ipv6_address_on_creation = true'), tf('ipv6_address_count = 1')], NETWORK),
  clusterEffect('spec.cloudConfig.useIPBasedNodeNames', true, [
    tf('enable_resource_name_dns_a_record_on_launch = false\n private_dns_hostname_type_on_launch = "ip-name"'),
    nodesConfig('useIPBasedNodeNames: true'),
    data('kops-controller', '"Region":"us-test-1","useIPBasedNodeNames":true'),
  ], NETWORK),
  clusterEffect('spec.topology.dns.type', 'Private', [tf('resource "aws_route53_zone_association" "Z1AFAKE1ZON3YO" {\n vpc_id = aws_vpc.minimal-aws-example-com.id\n zone_id = "/hostedzone/Z1AFAKE1ZON3YO"')], 'upup/pkg/fi/cloudup/awstasks/dnszone.go', {
    settings: [['spec.dnsZone', 'Z1AFAKE1ZON3YO']],
  }),
  noEffect('Cluster', 'spec.topology.masters', TOPOLOGY, 'not converted to the internal API (conversion-gen=false): the subnet types of the control plane decide how the API is reached'),
  noEffect('Cluster', 'spec.topology.nodes', TOPOLOGY, 'not converted to the internal API (conversion-gen=false): nodes are placed by their instance group subnets'),
  clusterEffect('spec.topology.bastion.bastionPublicName', 'bastion-reg.minimal-aws.example.com', [
    tf('resource "aws_route53_record" "bastion-reg-minimal-aws-example-com" {\n alias {\n evaluate_target_health = false\n name = aws_lb.bastion-minimal-aws-example-com.dns_name\n zone_id = aws_lb.bastion-minimal-aws-example-com.zone_id\n }\n name = "bastion-reg.minimal-aws.example.com"\n type = "A"'),
    tf('resource "aws_route53_record" "bastion-reg-minimal-aws-example-com-AAAA"'),
  ], BASTION, { settings: BASTION_GROUP }),
  noEffect('Cluster', 'spec.topology.bastion.idleTimeoutSeconds', 'pkg/apis/kops/v1alpha2/bastion.go', 'marked unused in the API: the bastion network load balancer has no idle timeout, and no model code reads it'),
  clusterEffect('spec.topology.bastion.loadBalancer.additionalSecurityGroups', ['sg-0bastionextra'], [tf('security_groups = ["sg-0bastionextra", aws_security_group.bastion-elb-minimal-aws-example-com.id]')], BASTION, { settings: BASTION_GROUP }),
  clusterEffect('spec.topology.bastion.loadBalancer.type', 'Internal', [
    tf('internal = true'),
    tf('resource "aws_security_group_rule" "from-172-20-32-0--19-ingress-tcp-22to22-bastion-elb-minimal-aws-example-com"'),
  ], BASTION, { settings: [...PRIVATE, ...BASTION_GROUP] }),
  clusterEffect('spec.api.dns', {}, [masterConfig('  API:\n    dns: {}'), { ...tf('resource "aws_lb" "api-minimal-aws-example-com"'), absent: true }], 'upup/pkg/fi/cloudup/populate_cluster_spec.go', { settings: PRIVATE }),
  clusterEffect('spec.api.loadBalancer.subnets', [{ name: 'us-test-1a', privateIPv4Address: '172.20.32.10' }], [tf('subnet_mapping {\n private_ipv4_address = "172.20.32.10"\n subnet_id = aws_subnet.us-test-1a-minimal-aws-example-com.id')], 'pkg/model/awsmodel/api_loadbalancer.go', {
    covers: ['spec.api.loadBalancer.subnets[].privateIPv4Address'],
    settings: [...PRIVATE, ['spec.api.loadBalancer', { type: 'Internal', class: 'Network' }]],
  }),
];

export const AWS_TOPOLOGY_GROUP_FIELDS: readonly RegistryEntry[] = [
  // A group stored without an image gets the channel's at update: the sample channel file lists the registry's image.
  clusterEffect('spec.channel', 'test/apis/fields/channel-sample.yaml', [tf('image_id = "ami-0registry"')], 'upup/pkg/fi/cloudup/populate_instancegroup_spec.go', {
    settings: [['ig:spec.image', undefined]],
    alone: true,
  }),
  groupEffect('spec.image', 'ubuntu/images/registry-sample-20240101', [tf('image_id = "ami-0registry"'), tf('device_name = "/dev/sda1"')], ASG),
  groupEffect('spec.manager', 'Karpenter', [tf('"kops.k8s.io/instance-group/nodes" = "true"'), { ...tf('resource "aws_autoscaling_group" "nodes-minimal-aws-example-com"'), absent: true }], 'pkg/model/awsmodel/autoscalinggroup.go', {
    settings: [...IRSA, ['spec.karpenter', { enabled: true }]],
  }),
  groupEffect('spec.autoscalePriority', 77, [data('addons-cluster-autoscaler', 'priorities: |-\n 77:\n - nodes.minimal-aws.example.com')], 'upup/models/cloudup/resources/addons/cluster-autoscaler.addons.k8s.io/k8s-1.15.yaml.template', {
    settings: [['spec.clusterAutoscaler', { enabled: true, expander: 'priority', createPriorityExpanderConfig: true }], ['ig:spec.autoscale', true]],
  }),
  groupEffect('spec.warmPool.additionalImages', ['registry.example/warm:v1'], [
    nodesConfig('warmPoolImages:\n- registry.example/warm:v1\n- registry.k8s.io/kube-proxy:v1.34.0\n- registry.k8s.io/provider-aws/aws-ebs-csi-driver:'),
    notIn('nodeupconfig-master', 'warmPoolImages'),
  ], 'pkg/nodemodel/nodeupconfigbuilder.go', { settings: [['ig:spec.warmPool', { minSize: 1, maxSize: 2 }]] }),
  groupEffect('spec.mixedInstancesPolicy.instanceRequirements', { cpu: { min: '2', max: '8' }, memory: { min: '4Gi', max: '16Gi' }, excludedInstanceTypes: ['t2.*'] }, [
    direct('aws_autoscaling_group/nodes.minimal-aws.example.com', '"instanceRequirements":{"vCpuCount":{"min":2,"max":8},"memoryMiB":{"min":4295,"max":17180},"excludedInstanceTypes":["t2.*"]}'),
    tf('mixed_instances_policy {\n instances_distribution {\n spot_max_price = ""\n }'),
    { ...tf('instance_requirements'), never: true },
  ], ASG, {
    covers: [
      'spec.mixedInstancesPolicy.instanceRequirements.cpu.min',
      'spec.mixedInstancesPolicy.instanceRequirements.cpu.max',
      'spec.mixedInstancesPolicy.instanceRequirements.memory.min',
      'spec.mixedInstancesPolicy.instanceRequirements.memory.max',
      'spec.mixedInstancesPolicy.instanceRequirements.excludedInstanceTypes',
    ],
    alone: true,
  }),
];
