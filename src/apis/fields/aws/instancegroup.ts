/** InstanceGroup fields with their kops effect on AWS (the kubelet block is classed from the flag table). */
import type { RegistryEntry } from '../registry.js';
import { data, groupEffect, noEffect, nodesConfig, tf } from './dsl.js';

const ASG = 'pkg/model/awsmodel/autoscalinggroup.go';
const LT_TF = 'upup/pkg/fi/cloudup/awstasks/launchtemplate_target_terraform.go';
const NODEUP_CONFIG = 'pkg/apis/nodeup/config.go';
const SPOT = [['ig:spec.maxPrice', '0.42']] as const;

export const AWS_INSTANCE_GROUP_FIELDS: readonly RegistryEntry[] = [
  groupEffect('spec.rootVolumeSize', 77, [tf('volume_size = 77')], ASG),
  groupEffect('spec.rootVolumeType', 'io2', [tf('volume_type = "io2"')], ASG, { alone: true }),
  groupEffect('spec.rootVolumeIops', 4321, [tf('iops = 4321')], ASG),
  groupEffect('spec.rootVolumeThroughput', 321, [tf('throughput = 321')], ASG),
  groupEffect('spec.rootVolumeEncryption', false, [tf('delete_on_termination = true\n encrypted = false')], ASG),
  groupEffect('spec.rootVolumeEncryptionKey', 'arn:aws-test:kms:us-test-1:123456789012:key/root-volume', [tf('kms_key_id = "arn:aws-test:kms:us-test-1:123456789012:key/root-volume"')], ASG, {
    settings: [['ig:spec.rootVolumeEncryption', true]],
  }),
  groupEffect('spec.rootVolumeOptimization', true, [tf('ebs_optimized = true')], LT_TF),
  noEffect('InstanceGroup', 'spec.rootVolumeDeleteOnTermination', LT_TF, 'the root device of a launch template is always deleted on termination; the field is never read'),
  groupEffect('spec.tenancy', 'dedicated', [tf('placement {\n tenancy = "dedicated"')], ASG),
  groupEffect('spec.cpuCredits', 'unlimited', [tf('cpu_credits = "unlimited"')], ASG),
  groupEffect('spec.detailedInstanceMonitoring', true, [tf('monitoring {\n enabled = true')], ASG),
  groupEffect('spec.maxPrice', '0.42', [tf('max_price = "0.42"')], ASG),
  groupEffect('spec.spotDurationInMinutes', 120, [tf('block_duration_minutes = 120')], ASG, { settings: SPOT }),
  groupEffect('spec.instanceInterruptionBehavior', 'stop', [tf('instance_interruption_behavior = "stop"')], ASG, { settings: SPOT }),
  groupEffect('spec.suspendProcesses', ['AZRebalance'], [tf('suspended_processes = ["AZRebalance"]')], ASG),
  groupEffect('spec.taints', ['dedicated=registry:NoSchedule'], [tf('"k8s.io/cluster-autoscaler/node-template/taint/dedicated" = "registry:NoSchedule"'), nodesConfig('  taints:\n  - dedicated=registry:NoSchedule')], 'pkg/model/context.go'),
  groupEffect('spec.securityGroupOverride', 'sg-0registry', [tf('security_groups = ["sg-0registry"]')], ASG, { alone: true }),
  groupEffect('spec.instanceMetadata.httpTokens', 'optional', [tf('http_tokens = "optional"')], ASG),
  groupEffect('spec.instanceMetadata.httpPutResponseHopLimit', 5, [tf('http_put_response_hop_limit = 5')], ASG),
  groupEffect('spec.instanceProtection', true, [tf('protect_from_scale_in = true')], ASG),
  groupEffect('spec.capacityRebalance', true, [tf('capacity_rebalance = true')], ASG),
  groupEffect('spec.additionalSecurityGroups', ['sg-0addregistry'], [tf('security_groups = [aws_security_group.nodes-minimal-aws-example-com.id, "sg-0addregistry"]')], ASG),
  groupEffect('spec.cloudLabels', { 'registry-label': 'ig-value' }, [tf('"registry-label" = "ig-value"')], 'pkg/model/context.go'),
  groupEffect('spec.nodeLabels', { 'registry-label': 'node-value' }, [tf('"k8s.io/cluster-autoscaler/node-template/label/registry-label" = "node-value"'), nodesConfig('    registry-label: node-value')], 'pkg/model/context.go'),
  groupEffect('spec.sysctlParameters', ['net.registry.sample=1'], [nodesConfig('- net.registry.sample=1\n')], NODEUP_CONFIG),
  groupEffect('spec.updatePolicy', 'external', [nodesConfig('UpdatePolicy: external')], NODEUP_CONFIG),
  groupEffect('spec.packages', ['registry-pkg'], [nodesConfig('packages:\n- registry-pkg')], NODEUP_CONFIG),
  groupEffect('spec.compressUserData', true, [data('aws_launch_template_nodes', '| base64 -d | gzip -d > conf/kube_env.yaml')], 'pkg/model/bootstrapscript.go'),
  groupEffect('spec.iam.profile', 'arn:aws-test:iam::123456789012:instance-profile/registry', [tf('iam_instance_profile {\n name = "registry"')], 'pkg/model/iam.go'),
];
