/** InstanceGroup fields with their kops effect on AWS (the kubelet block is classed from the flag table). */
import type { RegistryEntry } from '../registry.js';
import { data, groupEffect, noEffect, nodesConfig, notIn, tf } from './dsl.js';

const ASG = 'pkg/model/awsmodel/autoscalinggroup.go';
const LT_TF = 'upup/pkg/fi/cloudup/awstasks/launchtemplate_target_terraform.go';
const NODEUP_CONFIG = 'pkg/apis/nodeup/config.go';
const SPOT = [['ig:spec.maxPrice', '0.42']] as const;

/** The group's containerd setting, merged over the cluster's into the group's nodeupconfig (buildContainerdConfig). */
const containerd = (field: string, sample: unknown, text: string, extra: { covers?: readonly string[]; also?: string } = {}) =>
  groupEffect(`spec.containerd.${field}`, sample, [nodesConfig(text), notIn('nodeupconfig-master', text), ...(extra.also ? [nodesConfig(extra.also)] : [])], NODEUP_CONFIG, extra.covers ? { covers: extra.covers } : {});
const packagesOf = (prefix: string, hashes: readonly [string, string], name: string) => ({
  sample: { urlAmd64: `https://pkg.registry.example/${name}-amd64`, hashAmd64: hashes[0].repeat(64), urlArm64: `https://pkg.registry.example/${name}-arm64`, hashArm64: hashes[1].repeat(64) },
  text: `${prefix}hashAmd64: ${hashes[0].repeat(64)}\n${prefix}hashArm64: ${hashes[1].repeat(64)}\n${prefix}urlAmd64: https://pkg.registry.example/${name}-amd64\n${prefix}urlArm64: https://pkg.registry.example/${name}-arm64`,
});
const IG_CONTAINERD_PACKAGES = packagesOf('    ', ['c', 'd'], 'ig-containerd');
const IG_RUNC_PACKAGES = packagesOf('      ', ['e', 'f'], 'ig-runc');
const CONTAINERD: readonly RegistryEntry[] = [
  containerd('address', '/run/ig-registry/containerd.sock', '  address: /run/ig-registry/containerd.sock'),
  containerd('configAdditions', { 'plugins.ig-registry': 'y' }, '  configAdditions:\n    plugins.ig-registry: "y"'),
  containerd('configOverride', 'version = 2 # ig-registry', "  configOverride: 'version = 2 # ig-registry'"),
  containerd('gvisor', { enabled: true, platform: 'kvm' }, '  gvisor:\n    enabled: true\n    platform: kvm', { covers: ['spec.containerd.gvisor.enabled', 'spec.containerd.gvisor.platform'], also: 'GVisor:\n  enabled: true\n  platform: kvm' }),
  containerd('installCriCtl', true, '  installCriCtl: true'),
  containerd('installNerdCtl', true, '  installNerdCtl: true'),
  containerd('logLevel', 'debug', '  logLevel: debug'),
  containerd('nri', { enabled: true, pluginRegistrationTimeout: '7s', pluginRequestTimeout: '8s' }, '  nri:\n    enabled: true\n    pluginRegistrationTimeout: 7s\n    pluginRequestTimeout: 8s', {
    covers: ['spec.containerd.nri.enabled', 'spec.containerd.nri.pluginRegistrationTimeout', 'spec.containerd.nri.pluginRequestTimeout'],
  }),
  containerd('nvidiaGPU', { enabled: true, image: 'registry.example/ig-nvidia:v9', package: 'nvidia-ig-registry', dcgmExporter: { enabled: true } }, '  nvidiaGPU:\n    dcgmExporter:\n      enabled: true\n    enabled: true\n    image: registry.example/ig-nvidia:v9\n    package: nvidia-ig-registry', {
    covers: ['spec.containerd.nvidiaGPU.enabled', 'spec.containerd.nvidiaGPU.image', 'spec.containerd.nvidiaGPU.package', 'spec.containerd.nvidiaGPU.dcgmExporter.enabled'],
    also: 'NvidiaGPU:\n  dcgmExporter:\n    enabled: true\n  enabled: true\n  image: registry.example/ig-nvidia:v9\n  package: nvidia-ig-registry',
  }),
  containerd('packages', IG_CONTAINERD_PACKAGES.sample, `  packages:\n${IG_CONTAINERD_PACKAGES.text}`, { covers: ['spec.containerd.packages.urlAmd64', 'spec.containerd.packages.hashAmd64', 'spec.containerd.packages.urlArm64', 'spec.containerd.packages.hashArm64'] }),
  containerd('registryMirrors', { 'docker.io': ['https://ig-mirror.registry.example'] }, '  registryMirrors:\n    docker.io:\n    - https://ig-mirror.registry.example'),
  containerd('root', '/var/lib/ig-registry-containerd', '  root: /var/lib/ig-registry-containerd'),
  containerd('runc', { version: '1.8.88', packages: IG_RUNC_PACKAGES.sample }, `  runc:\n    packages:\n${IG_RUNC_PACKAGES.text}\n    version: 1.8.88`, {
    covers: ['spec.containerd.runc.version', 'spec.containerd.runc.packages.urlAmd64', 'spec.containerd.runc.packages.hashAmd64', 'spec.containerd.runc.packages.urlArm64', 'spec.containerd.runc.packages.hashArm64'],
  }),
  containerd('sandboxImage', 'registry.example/ig-pause:9', '  sandboxImage: registry.example/ig-pause:9'),
  containerd('selinuxEnabled', true, '  selinuxEnabled: true'),
  containerd('skipInstall', true, '  skipInstall: true'),
  containerd('state', '/run/ig-registry-containerd', '  state: /run/ig-registry-containerd'),
  containerd('useECRCredentialsForMirrors', true, '  useECRCredentialsForMirrors: true'),
  containerd('version', '1.7.77', '  version: 1.7.77'),
];

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
  // the baseline's t2.medium cannot run on dedicated hardware (kops refuses it)
  groupEffect('spec.tenancy', 'dedicated', [tf('placement {\n tenancy = "dedicated"')], ASG, { settings: [['ig:spec.machineType', 'c5.large']] }),
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
  groupEffect('spec.additionalUserData', [{ name: 'registry.sh', type: 'text/x-shellscript', content: 'echo registry-user-data' }], [
    data('aws_launch_template_nodes', 'Content-Disposition: attachment; filename="registry.sh"\nContent-Transfer-Encoding: 7bit\nContent-Type: text/x-shellscript'),
    data('aws_launch_template_nodes', 'echo registry-user-data'),
  ], 'pkg/model/bootstrapscript.go', { covers: ['spec.additionalUserData[].name', 'spec.additionalUserData[].type', 'spec.additionalUserData[].content'] }),
  groupEffect('spec.associatePublicIp', false, [tf('associate_public_ip_address = false')], ASG),
  groupEffect('spec.externalLoadBalancers', [{ loadBalancerName: 'registry-elb' }, { targetGroupArn: 'arn:aws-test:elasticloadbalancing:us-test-1:123456789012:targetgroup/registry/1' }], [
    tf('load_balancers = ["registry-elb"]'),
    tf('target_group_arns = ["arn:aws-test:elasticloadbalancing:us-test-1:123456789012:targetgroup/registry/1"]'),
  ], 'pkg/model/awsmodel/autoscalinggroup.go', { covers: ['spec.externalLoadBalancers[].loadBalancerName', 'spec.externalLoadBalancers[].targetGroupArn'] }),
  groupEffect('spec.fileAssets', [{ name: 'ig-asset', path: '/etc/ig', content: 'ig', mode: '0644', isBase64: true, roles: ['Node'] }], [nodesConfig('- content: ig\n  isBase64: true\n  mode: "0644"\n  name: ig-asset\n  path: /etc/ig')], NODEUP_CONFIG, {
    covers: ['spec.fileAssets[].content', 'spec.fileAssets[].isBase64', 'spec.fileAssets[].mode', 'spec.fileAssets[].name', 'spec.fileAssets[].path', 'spec.fileAssets[].roles'],
  }),
  groupEffect('spec.hooks', [{ name: 'ig-hook.service', manifest: 'x', before: ['a.service'], requires: ['b.service'], disabled: true, roles: ['Node'] }], [nodesConfig('    - a.service\n    disabled: true\n    manifest: x\n    name: ig-hook.service\n    requires:\n    - b.service')], NODEUP_CONFIG, {
    covers: ['spec.hooks[].before', 'spec.hooks[].disabled', 'spec.hooks[].manifest', 'spec.hooks[].name', 'spec.hooks[].requires', 'spec.hooks[].roles'],
  }),
  groupEffect('spec.hooks', [{ name: 'ig-raw.service', manifest: 'Unit-raw', useRawManifest: true }], [nodesConfig('    manifest: Unit-raw\n    name: ig-raw.service\n    useRawManifest: true')], NODEUP_CONFIG, { covers: ['spec.hooks[].useRawManifest'] }),
  groupEffect('spec.hooks', [{ name: 'ig-exec.service', execContainer: { image: 'registry.example/ig-hook:v1', command: ['/bin/ig-hook'], environment: { IG_HOOK: 'on' } } }], [nodesConfig('    execContainer:\n      command:\n      - /bin/ig-hook\n      environment:\n        IG_HOOK: "on"\n      image: registry.example/ig-hook:v1')], NODEUP_CONFIG, {
    covers: ['spec.hooks[].execContainer.command', 'spec.hooks[].execContainer.environment', 'spec.hooks[].execContainer.image'],
  }),
  groupEffect('spec.machineType', 'c5.large', [tf('instance_type = "c5.large"')], ASG),
  groupEffect('spec.maxInstanceLifetime', '100h0m0s', [tf('max_instance_lifetime = 360000')], ASG),
  groupEffect('spec.maxSize', 9, [tf('max_size = 9')], ASG),
  groupEffect('spec.minSize', 0, [tf('min_size = 0')], ASG),
  groupEffect('spec.mixedInstancesPolicy', { instances: ['m5.large', 'c5.large'], onDemandAboveBase: 5, onDemandBase: 1, onDemandAllocationStrategy: 'prioritized', spotAllocationStrategy: 'capacity-optimized', spotInstancePools: 3 }, [
    tf('on_demand_allocation_strategy = "prioritized"\n on_demand_base_capacity = 1\n on_demand_percentage_above_base_capacity = 5\n spot_allocation_strategy = "capacity-optimized"\n spot_instance_pools = 3'),
    tf('override {\n instance_type = "c5.large"\n }'),
  ], ASG, {
    covers: ['spec.mixedInstancesPolicy.instances', 'spec.mixedInstancesPolicy.onDemandAboveBase', 'spec.mixedInstancesPolicy.onDemandBase', 'spec.mixedInstancesPolicy.onDemandAllocationStrategy', 'spec.mixedInstancesPolicy.spotAllocationStrategy', 'spec.mixedInstancesPolicy.spotInstancePools'],
    alone: true,
  }),
  groupEffect('spec.volumes', [{ device: '/dev/xvdr', size: 33, type: 'gp3', iops: 3333, throughput: 133, encrypted: true, key: 'arn:aws-test:kms:us-test-1:123456789012:key/vol', deleteOnTermination: false }], [
    tf('device_name = "/dev/xvdr"\n ebs {\n delete_on_termination = false\n encrypted = true\n iops = 3333\n kms_key_id = "arn:aws-test:kms:us-test-1:123456789012:key/vol"\n throughput = 133\n volume_size = 33\n volume_type = "gp3"'),
  ], ASG, { covers: ['spec.volumes[].device', 'spec.volumes[].size', 'spec.volumes[].type', 'spec.volumes[].iops', 'spec.volumes[].throughput', 'spec.volumes[].encrypted', 'spec.volumes[].key', 'spec.volumes[].deleteOnTermination'] }),
  groupEffect('spec.volumeMounts', [{ device: '/dev/xvdr', path: '/mnt/registry', filesystem: 'ext4', formatOptions: ['-m0'], mountOptions: ['noatime'] }], [
    nodesConfig('VolumeMounts:\n- device: /dev/xvdr\n  filesystem: ext4\n  formatOptions:\n  - -m0\n  mountOptions:\n  - noatime\n  path: /mnt/registry'),
  ], NODEUP_CONFIG, { covers: ['spec.volumeMounts[].device', 'spec.volumeMounts[].path', 'spec.volumeMounts[].filesystem', 'spec.volumeMounts[].formatOptions', 'spec.volumeMounts[].mountOptions'] }),
  groupEffect('spec.warmPool', { minSize: 1, maxSize: 4, enableLifecycleHook: true, lifecycleHookTimeout: 88 }, [tf('warm_pool {\n max_group_prepared_capacity = 4\n min_size = 1'), tf('heartbeat_timeout = 88'), nodesConfig('EnableLifecycleHook: true')], ASG, {
    covers: ['spec.warmPool.minSize', 'spec.warmPool.maxSize', 'spec.warmPool.enableLifecycleHook', 'spec.warmPool.lifecycleHookTimeout'],
  }),
  noEffect('InstanceGroup', 'spec.zones', ASG, 'on AWS instances are placed by spec.subnets; zones is read by the GCE, Azure and OpenStack models'),
  ...CONTAINERD,
  ...([['drainAndTerminate', false], ['maxSurge', 3], ['maxUnavailable', 2]] as const).map(([field, sample]) => {
    const text = `${field}: ${sample}`;
    return groupEffect(`spec.rollingUpdate.${field}`, sample, [data('rolling-update-nodes', text), notIn('rolling-update-master-us-test-1a', text)], 'pkg/instancegroups/settings.go');
  }),
];
