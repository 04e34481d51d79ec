/** Cluster fields with their kops effect on AWS (beside networking and component flags). */
import type { RegistryEntry } from '../registry.js';
import { clusterEffect, data, masterConfig, noEffect, nodesConfig, notIn, noTf, pending, tf } from './dsl.js';

const NODEUP_CONFIG = 'pkg/apis/nodeup/config.go';
const ETCD_MANAGER = 'pkg/model/components/etcdmanager/model.go';
const CHANNEL = 'upup/pkg/fi/cloudup/bootstrapchannelbuilder/bootstrapchannelbuilder.go';
const ADDONS = 'upup/models/cloudup/resources/addons';
const bootstrapChannel = (name: string) => data('addons-bootstrap', `name: ${name}`);
const addon = (name: string, text: string) => data(`addons-${name}`, text);
const CERT_MANAGER = [['spec.certManager', { enabled: true }]] as const;
const METRICS_SERVER = [['spec.metricsServer.enabled', true], ...CERT_MANAGER] as const;
const METRICS_SERVER_GO = `${ADDONS}/metrics-server.addons.k8s.io/k8s-1.11.yaml.template`;
const EXTERNAL_DNS = [['spec.externalDns.provider', 'external-dns']] as const;

const LB = 'pkg/model/awsmodel/api_loadbalancer.go';
const NTH_GO = `${ADDONS}/node-termination-handler.aws/k8s-1.11.yaml.template`;
const NTH_IMDS = [['spec.nodeTerminationHandler', { enabled: true, enableSQSTerminationDraining: false }]] as const;
const nthEnv = (field: string, sample: unknown, env: string, value: string) =>
  clusterEffect(`spec.nodeTerminationHandler.${field}`, sample, [addon('node-termination-handler', `- name: ${env}\n value: ${value}`)], NTH_GO, { settings: NTH_IMDS });

const CLUSTER_AUTOSCALER = [['spec.clusterAutoscaler', { enabled: true }]] as const;
const caEffect = (field: string, sample: unknown, text: string) =>
  clusterEffect(`spec.clusterAutoscaler.${field}`, sample, [addon('cluster-autoscaler', text)], `${ADDONS}/cluster-autoscaler.addons.k8s.io/k8s-1.15.yaml.template`, { settings: CLUSTER_AUTOSCALER });
const LBC = [['spec.certManager', { enabled: true }], ['spec.awsLoadBalancerController', { enabled: true }]] as const;
const lbcEffect = (field: string, sample: unknown, text: string, permissions: readonly string[] = []) =>
  clusterEffect(
    `spec.awsLoadBalancerController.${field}`,
    sample,
    [addon('aws-load-balancer-controller', text), ...permissions.map((action) => data('aws_iam_role_policy_masters', `"${action}"`))],
    `${ADDONS}/aws-load-balancer-controller.addons.k8s.io/k8s-1.19.yaml.template`,
    { settings: LBC },
  );
/** A component kops always runs from the Kubernetes release's image (remapped through spec.assets), whatever the spec names. */
const releaseImageOnly = (path: string, go: string) => noEffect('Cluster', path, go, "kops sets the image of the cluster's Kubernetes release over any image given here");
/** A distinct sample for a component's image or resources. */
const componentSample = (field: string, component: string, i: number) =>
  field === 'image' ? `registry.example/${component}:v9` : field.startsWith('cpu') ? `${201 + i}m` : `${201 + i}Mi`;

/** An AWS cloud-controller setting: the control plane's /etc/kubernetes/cloud.config line, and no cloud.config on workers. */
const cloudConfigLine = (field: string, sample: unknown, line: string) =>
  clusterEffect(`spec.cloudConfig.${field}`, sample, [data('cloud.config-master-us-test-1a', line), notIn('nodeupconfig-nodes', field)], 'nodeup/pkg/model/cloudconfig.go');

const PUBLIC_NLB = [['spec.api.loadBalancer', { type: 'Public', class: 'Network' }]] as const;

export const AWS_CLUSTER_FIELDS: readonly RegistryEntry[] = [
  clusterEffect('spec.DisableSubnetTags', true, [noTf('"SubnetType" = "Public"')], 'pkg/model/awsmodel/network.go'),
  clusterEffect('spec.additionalSans', ['api.registry-sample.example.com'], [masterConfig('    additionalSANs:\n    - api.registry-sample.example.com\n')], 'pkg/apis/nodeup/config.go'),
  clusterEffect('spec.etcdClusters[].etcdMembers[].kmsKeyId', 'arn:aws-test:kms:us-test-1:123456789012:key/registry-sample', [tf('kms_key_id = "arn:aws-test:kms:us-test-1:123456789012:key/registry-sample"')], 'pkg/model/master_volumes.go'),
  clusterEffect('spec.api.loadBalancer.subnets', [{ name: 'us-test-1a', allocationId: 'eipalloc-0123456789registry' }], [tf('allocation_id = "eipalloc-0123456789registry"')], 'pkg/model/awsmodel/api_loadbalancer.go', {
    covers: ['spec.api.loadBalancer.subnets[].allocationId', 'spec.api.loadBalancer.subnets[].name'],
    settings: PUBLIC_NLB,
  }),
  clusterEffect('spec.cloudLabels', { 'registry-cluster-label': 'cv' }, [tf('"registry-cluster-label" = "cv"')], 'pkg/model/context.go'),
  clusterEffect('spec.sysctlParameters', ['net.cluster.registry=2'], [masterConfig('SysctlParameters:\n- net.cluster.registry=2')], NODEUP_CONFIG),
  clusterEffect('spec.updatePolicy', 'external', [masterConfig('UpdatePolicy: external')], NODEUP_CONFIG),
  clusterEffect('spec.nodePortAccess', ['10.9.0.0/16'], [tf('resource "aws_security_group_rule" "nodeport-tcp-external-to-node-10-9-0-0--16"')], 'pkg/model/firewall.go'),
  clusterEffect('spec.sshKeyName', 'registry-key', [tf('key_name = "registry-key"')], 'pkg/model/awsmodel/autoscalinggroup.go', { alone: true }),
  clusterEffect('spec.additionalNetworkCIDRs', ['10.77.0.0/16'], [tf('cidr_block = "10.77.0.0/16"')], 'pkg/model/awsmodel/network.go'),
  clusterEffect('spec.useHostCertificates', true, [data('etcdmanager-main', 'name: etc-ssl-certs')], 'pkg/model/components/etcdmanager/model.go'),
  clusterEffect('spec.fileAssets', [{ name: 'registry-asset', path: '/etc/registry', content: 'hello', roles: ['Node'], mode: '0600', isBase64: false }], [nodesConfig('FileAssets:\n- content: hello\n  isBase64: false\n  mode: "0600"\n  name: registry-asset\n  path: /etc/registry\n'), notIn('nodeupconfig-master', 'name: registry-asset')], NODEUP_CONFIG, {
    covers: ['spec.fileAssets[].content', 'spec.fileAssets[].isBase64', 'spec.fileAssets[].mode', 'spec.fileAssets[].name', 'spec.fileAssets[].path', 'spec.fileAssets[].roles'],
  }),
  clusterEffect('spec.hooks', [{ name: 'registry-hook.service', before: ['kubelet.service'], requires: ['network.target'], roles: ['Node'], manifest: '[Service]\nExecStart=/bin/true', disabled: false, useRawManifest: false }], [nodesConfig('    name: registry-hook.service\n    requires:\n    - network.target'), notIn('nodeupconfig-master', 'registry-hook.service'), nodesConfig('  - before:\n    - kubelet.service\n    disabled: false\n    manifest: |-\n      [Service]\n      ExecStart=/bin/true')], NODEUP_CONFIG, {
    covers: ['spec.hooks[].before', 'spec.hooks[].disabled', 'spec.hooks[].manifest', 'spec.hooks[].name', 'spec.hooks[].requires', 'spec.hooks[].roles', 'spec.hooks[].useRawManifest'],
  }),
  clusterEffect('spec.hooks', [{ name: 'registry-exec.service', execContainer: { image: 'registry.example/hook:v1', command: ['/bin/registry-hook'], environment: { REGISTRY_ENV: 'on' } } }], [masterConfig('    execContainer:\n      command:\n      - /bin/registry-hook\n      environment:\n        REGISTRY_ENV: "on"\n      image: registry.example/hook:v1')], NODEUP_CONFIG, {
    covers: ['spec.hooks[].execContainer.command', 'spec.hooks[].execContainer.environment', 'spec.hooks[].execContainer.image'],
  }),
  // One authorizer only (the GCE baseline has rbac): the block is emptied first.
  clusterEffect('spec.authorization.alwaysAllow', {}, [masterConfig('authorizationMode: AlwaysAllow')], 'pkg/model/components/apiserver.go', { settings: [['spec.authorization', {}]] }),
  clusterEffect('spec.authentication.aws', {
    backendMode: 'CRD',
    clusterID: 'registry-cluster',
    image: 'registry.example/aws-iam-authenticator:v9',
    cpuRequest: '11m',
    memoryRequest: '22Mi',
    cpuLimit: '33m',
    memoryLimit: '44Mi',
    identityMappings: [{ arn: 'arn:aws:iam::123456789012:role/registry', username: 'registry-user', groups: ['system:masters'] }],
  }, [
    addon('authentication.aws', '- --backend-mode=CRD'),
    addon('authentication.aws', '- --cluster-id=registry-cluster'),
    addon('authentication.aws', 'image: registry.example/aws-iam-authenticator:v9'),
    addon('authentication.aws', 'limits:\n cpu: 33m\n memory: 44Mi\n requests:\n cpu: 11m\n memory: 22Mi'),
    addon('authentication.aws', 'arn: arn:aws:iam::123456789012:role/registry\n groups:\n - system:masters\n username: registry-user'),
  ], `${ADDONS}/authentication.aws/k8s-1.12.yaml.template`, {
    covers: ['spec.authentication.aws.backendMode', 'spec.authentication.aws.clusterID', 'spec.authentication.aws.image', 'spec.authentication.aws.cpuRequest', 'spec.authentication.aws.memoryRequest', 'spec.authentication.aws.cpuLimit', 'spec.authentication.aws.memoryLimit', 'spec.authentication.aws.identityMappings[].arn', 'spec.authentication.aws.identityMappings[].username', 'spec.authentication.aws.identityMappings[].groups'],
  }),
  clusterEffect('spec.authentication.kopeio', {}, [bootstrapChannel('authentication.kope.io'), masterConfig('authenticationTokenWebhookConfigFile: /etc/kubernetes/authn.config')], CHANNEL),
  clusterEffect('spec.metricsServer.enabled', true, [bootstrapChannel('metrics-server.addons.k8s.io')], CHANNEL),
  clusterEffect('spec.metricsServer.insecure', false, [
    addon('metrics-server', '- --tls-cert-file=/srv/tls.crt\n - --tls-private-key-file=/srv/tls.key'),
    addon('metrics-server', 'annotations:\n cert-manager.io/inject-ca-from: kube-system/metrics-server'),
    notIn('addons-metrics-server', '--kubelet-insecure-tls'),
    notIn('addons-metrics-server', 'insecureSkipTLSVerify'),
  ], METRICS_SERVER_GO, { settings: METRICS_SERVER }),
  clusterEffect('spec.metricsServer.image', 'registry.example/ms:v9', [addon('metrics-server', 'image: registry.example/ms:v9')], METRICS_SERVER_GO, { settings: METRICS_SERVER }),
  clusterEffect('spec.snapshotController.enabled', true, [bootstrapChannel('snapshot-controller.addons.k8s.io')], CHANNEL, { settings: CERT_MANAGER }),
  noEffect('Cluster', 'spec.snapshotController.installDefaultClass', 'pkg/apis/kops/componentconfig.go', 'declared in the API; no model, template or nodeup code reads it'),
  clusterEffect('spec.certManager.enabled', true, [bootstrapChannel('certmanager.io')], CHANNEL),
  clusterEffect('spec.certManager.featureGates', { RegistryGate: true }, [addon('certmanager.io', '- --feature-gates=RegistryGate=true')], `${ADDONS}/certmanager.io/k8s-1.16.yaml.template`, { settings: CERT_MANAGER }),
  clusterEffect('spec.externalDns.provider', 'external-dns', [bootstrapChannel('external-dns.addons.k8s.io')], CHANNEL),
  clusterEffect('spec.externalDns.watchIngress', false, [{ in: 'addons-external-dns', text: '- --source=ingress', absent: true }], 'upup/pkg/fi/cloudup/template_functions.go', { settings: EXTERNAL_DNS }),
  clusterEffect('spec.externalDns.watchNamespace', 'kube-system', [addon('external-dns', '- --zone-id-filter=Z1AFAKE1ZON3YO\n - --namespace=kube-system')], 'upup/pkg/fi/cloudup/template_functions.go', { settings: EXTERNAL_DNS }),
  clusterEffect('spec.nodeProblemDetector', { enabled: true, image: 'registry.example/npd:v9', cpuRequest: '11m', memoryRequest: '22Mi', memoryLimit: '44Mi' }, [
    bootstrapChannel('node-problem-detector.addons.k8s.io'),
    addon('node-problem-detector', 'image: registry.example/npd:v9'),
    addon('node-problem-detector', 'limits:\n memory: 44Mi\n requests:\n cpu: 11m\n memory: 22Mi'),
  ], `${ADDONS}/node-problem-detector.addons.k8s.io/k8s-1.17.yaml.template`, {
    covers: ['spec.nodeProblemDetector.enabled', 'spec.nodeProblemDetector.image', 'spec.nodeProblemDetector.cpuRequest', 'spec.nodeProblemDetector.memoryRequest', 'spec.nodeProblemDetector.memoryLimit'],
  }),
  clusterEffect('spec.nodeProblemDetector.cpuLimit', '55m', [addon('node-problem-detector', 'limits:\n cpu: 55m\n memory:')], `${ADDONS}/node-problem-detector.addons.k8s.io/k8s-1.17.yaml.template`, { settings: [['spec.nodeProblemDetector.enabled', true]] }),
  clusterEffect('spec.podIdentityWebhook.enabled', true, [bootstrapChannel('eks-pod-identity-webhook.addons.k8s.io')], CHANNEL, {
    settings: [...CERT_MANAGER, ['spec.serviceAccountIssuerDiscovery', { discoveryStore: 'memfs://discovery.example.com/minimal', enableAWSOIDCProvider: true }], ['spec.iam', { useServiceAccountExternalPermissions: true }]],
  }),
  clusterEffect('spec.podIdentityWebhook.replicas', 5, [addon('eks-pod-identity-webhook', 'replicas: 5')], `${ADDONS}/eks-pod-identity-webhook.addons.k8s.io/k8s-1.16.yaml.template`, {
    settings: [...CERT_MANAGER, ['spec.podIdentityWebhook.enabled', true], ['spec.serviceAccountIssuerDiscovery', { discoveryStore: 'memfs://discovery.example.com/minimal', enableAWSOIDCProvider: true }], ['spec.iam', { useServiceAccountExternalPermissions: true }]],
  }),
  clusterEffect('spec.warmPool', { minSize: 1, maxSize: 3, enableLifecycleHook: true, lifecycleHookTimeout: 77 }, [tf('warm_pool {\n max_group_prepared_capacity = 3\n min_size = 1'), tf('heartbeat_timeout = 77'), nodesConfig('EnableLifecycleHook: true')], 'pkg/model/awsmodel/autoscalinggroup.go', {
    covers: ['spec.warmPool.minSize', 'spec.warmPool.maxSize', 'spec.warmPool.enableLifecycleHook', 'spec.warmPool.lifecycleHookTimeout'],
  }),
  noEffect('Cluster', 'spec.warmPool.additionalImages', 'pkg/nodemodel/nodeupconfigbuilder.go', 'only the instance group\'s own warmPool.additionalImages are pre-pulled'),
  clusterEffect('spec.containerd.registryMirrors', { 'docker.io': ['https://mirror.registry.example'] }, [nodesConfig('  registryMirrors:\n    docker.io:\n    - https://mirror.registry.example')], NODEUP_CONFIG),
  clusterEffect('spec.containerd.sandboxImage', 'registry.example/pause:9', [nodesConfig('  sandboxImage: registry.example/pause:9')], NODEUP_CONFIG),
  clusterEffect('spec.containerd.configAdditions', { 'plugins.registry': 'x' }, [nodesConfig('  configAdditions:\n    plugins.registry: x')], NODEUP_CONFIG),
  clusterEffect('spec.containerd.packages', {
    urlAmd64: 'https://pkg.registry.example/containerd-amd64.tgz',
    hashAmd64: 'aaaa000000000000000000000000000000000000000000000000000000000000',
    urlArm64: 'https://pkg.registry.example/containerd-arm64.tgz',
    hashArm64: 'bbbb000000000000000000000000000000000000000000000000000000000000',
  }, [
    nodesConfig('- aaaa000000000000000000000000000000000000000000000000000000000000@https://pkg.registry.example/containerd-amd64.tgz'),
    nodesConfig('- bbbb000000000000000000000000000000000000000000000000000000000000@https://pkg.registry.example/containerd-arm64.tgz'),
  ], 'pkg/assets/builder.go', { covers: ['spec.containerd.packages.urlAmd64', 'spec.containerd.packages.hashAmd64', 'spec.containerd.packages.urlArm64', 'spec.containerd.packages.hashArm64'] }),
  clusterEffect('spec.containerd.nvidiaGPU.enabled', true, [nodesConfig('NvidiaGPU:\n  enabled: true'), bootstrapChannel('nvidia.addons.k8s.io')], NODEUP_CONFIG),
  clusterEffect('spec.etcdClusters[].etcdMembers[].volumeSize', 33, [tf('size = 33')], 'pkg/model/master_volumes.go'),
  clusterEffect('spec.etcdClusters[].etcdMembers[].volumeType', 'io1', [tf('type = "io1"')], 'pkg/model/master_volumes.go', { alone: true }),
  clusterEffect('spec.etcdClusters[].etcdMembers[].volumeIops', 4444, [tf('iops = 4444')], 'pkg/model/master_volumes.go'),
  clusterEffect('spec.etcdClusters[].etcdMembers[].volumeThroughput', 222, [tf('throughput = 222')], 'pkg/model/master_volumes.go'),
  clusterEffect('spec.etcdClusters[].etcdMembers[].encryptedVolume', true, [tf('availability_zone = "us-test-1a"\n encrypted = true')], 'pkg/model/master_volumes.go'),
  clusterEffect('spec.etcdClusters[].manager.logLevel', 7, [data('etcdmanager-main', '- --v=7')], ETCD_MANAGER),
  clusterEffect('spec.etcdClusters[].manager.backupRetentionDays', 11, [data('etcdmanager-main', 'name: ETCD_MANAGER_DAILY_BACKUPS_RETENTION\n value: 11d')], ETCD_MANAGER),
  clusterEffect('spec.etcdClusters[].manager.backupInterval', '7m0s', [data('etcdmanager-main', '- --backup-interval=7m0s')], ETCD_MANAGER),
  clusterEffect('spec.etcdClusters[].manager.discoveryPollInterval', '8m0s', [data('etcdmanager-main', '- --discovery-poll-interval=8m0s')], ETCD_MANAGER),
  clusterEffect('spec.etcdClusters[].manager.image', 'registry.example/etcd-manager:v9', [data('etcdmanager-main', 'image: registry.example/etcd-manager:v9')], ETCD_MANAGER),
  clusterEffect('spec.etcdClusters[].manager.env', [{ name: 'REGISTRY_ENV', value: 'yes' }], [data('etcdmanager-main', '- name: REGISTRY_ENV\n value: "yes"')], ETCD_MANAGER, {
    covers: ['spec.etcdClusters[].manager.env[].name', 'spec.etcdClusters[].manager.env[].value'],
  }),
  clusterEffect('spec.etcdClusters[].manager.listenMetricsURLs', ['http://localhost:2382'], [data('etcdmanager-main', 'name: ETCD_LISTEN_METRICS_URLS\n value: http://localhost:2382')], ETCD_MANAGER),
  clusterEffect('spec.etcdClusters[].manager.listenClientHTTPURLs', ['http://localhost:2389'], [data('etcdmanager-main', 'name: ETCD_LISTEN_CLIENT_HTTP_URLS\n value: http://localhost:2389')], ETCD_MANAGER),
  clusterEffect('spec.etcdClusters[].cpuRequest', '211m', [data('etcdmanager-main', 'cpu: 211m')], ETCD_MANAGER),
  clusterEffect('spec.etcdClusters[].memoryRequest', '211Mi', [data('etcdmanager-main', 'memory: 211Mi')], ETCD_MANAGER),
  clusterEffect('spec.etcdClusters[].version', '3.5.9', [data('etcd-cluster-spec-main', '"etcdVersion": "3.5.9"')], ETCD_MANAGER),
  clusterEffect('spec.etcdClusters[].backups.backupStore', 's3://registry-backups/x', [data('etcdmanager-main', '- --backup-store=s3://registry-backups/x')], ETCD_MANAGER),
  noEffect('Cluster', 'spec.etcdClusters[].backups.image', ETCD_MANAGER, 'etcd-manager takes its backups itself; the legacy backup image is read nowhere'),
  clusterEffect('spec.egressProxy', { httpProxy: { host: 'proxy.registry.example', port: 3128 }, excludes: 'registry.internal' }, [
    data('aws_launch_template_nodes', 'echo "http_proxy=http://proxy.registry.example:3128"'),
    data('aws_launch_template_nodes', 'echo "no_proxy=registry.internal,127.0.0.1,localhost,cluster.local,api.minimal-aws.example.com,minimal-aws.example.com,100.64.0.1,100.64.0.0/10,169.254.169.254,172.20.0.0/16"'),
    masterConfig('  egressProxy:\n    excludes: registry.internal,127.0.0.1,localhost,cluster.local,api.minimal-aws.example.com,minimal-aws.example.com,100.64.0.1,100.64.0.0/10,169.254.169.254,172.20.0.0/16\n    httpProxy:\n      host: proxy.registry.example\n      port: 3128'),
  ], 'pkg/model/resources/nodeup.go', { covers: ['spec.egressProxy.httpProxy.host', 'spec.egressProxy.httpProxy.port', 'spec.egressProxy.excludes'], alone: true }),
  clusterEffect('spec.additionalPolicies', { node: '[{"Effect":"Allow","Action":["registry:Sample"],"Resource":["*"]}]' }, [
    tf('resource "aws_iam_role_policy" "additional-nodes-minimal-aws-example-com" {\n name = "additional.nodes.minimal-aws.example.com"'),
    data('aws_iam_role_policy_additional.nodes', '"Action": [\n "registry:Sample"\n ],\n "Effect": "Allow",\n "Resource": [\n "*"\n ]'),
  ], 'pkg/model/awsmodel/iam.go'),
  clusterEffect('spec.target.terraform.providerExtraConfig', { max_retries: '7' }, [tf('provider "aws" {\n max_retries = "7"\n region = "us-test-1"')], 'upup/pkg/fi/cloudup/terraform/target_hcl2.go'),
  clusterEffect('spec.target.terraform.filesProviderExtraConfig', { max_retries: '9' }, [tf('provider "aws" {\n alias = "files"\n max_retries = "9"')], 'upup/pkg/fi/cloudup/terraform/target_hcl2.go'),
  clusterEffect('spec.api.loadBalancer', { type: 'Public', class: 'Network' }, [tf('load_balancer_type = "network"')], LB, { covers: ['spec.api.loadBalancer.type', 'spec.api.loadBalancer.class'] }),
  clusterEffect('spec.api.loadBalancer.additionalSecurityGroups', ['sg-0lbextra'], [tf('security_groups = ["sg-0lbextra", aws_security_group.api-elb-minimal-aws-example-com.id]')], LB, { settings: PUBLIC_NLB }),
  clusterEffect('spec.api.loadBalancer.securityGroupOverride', 'sg-0lboverride', [tf('security_groups = ["sg-0lboverride"]')], LB, { settings: PUBLIC_NLB, alone: true }),
  clusterEffect('spec.api.loadBalancer.sslCertificate', 'arn:aws-test:acm:us-test-1:123456789012:certificate/reg', [tf('certificate_arn = "arn:aws-test:acm:us-test-1:123456789012:certificate/reg"')], LB, { settings: PUBLIC_NLB }),
  clusterEffect('spec.api.loadBalancer.sslPolicy', 'ELBSecurityPolicy-TLS13-1-2-2021-06', [tf('ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"')], LB, {
    settings: [['spec.api.loadBalancer', { type: 'Public', class: 'Network', sslCertificate: 'arn:aws-test:acm:us-test-1:123456789012:certificate/reg' }]],
  }),
  clusterEffect('spec.api.loadBalancer.accessLog', { bucket: 'registry-logs', bucketPrefix: 'lbp' }, [tf('access_logs {\n bucket = "registry-logs"\n enabled = true\n prefix = "lbp"')], LB, {
    settings: PUBLIC_NLB,
    covers: ['spec.api.loadBalancer.accessLog.bucket', 'spec.api.loadBalancer.accessLog.bucketPrefix'],
  }),
  noEffect('Cluster', 'spec.api.loadBalancer.accessLog.interval', LB, 'only classic load balancers had an access-log interval, and kops 1.37 builds network load balancers only'),
  noEffect('Cluster', 'spec.api.loadBalancer.idleTimeoutSeconds', LB, 'only classic load balancers had an idle timeout, and kops 1.37 builds network load balancers only'),
  clusterEffect('spec.api.loadBalancer.crossZoneLoadBalancing', true, [tf('enable_cross_zone_load_balancing = true')], LB, { settings: PUBLIC_NLB }),
  clusterEffect('spec.api.loadBalancer.useForInternalApi', true, [masterConfig('    loadBalancer:\n      useForInternalAPI: true')], NODEUP_CONFIG, { settings: PUBLIC_NLB }),
  clusterEffect('spec.kubernetesApiAccess', ['10.8.0.0/16'], [tf('resource "aws_security_group_rule" "from-10-8-0-0--16-ingress-tcp-443to443-masters-minimal-aws-example-com"')], 'pkg/model/firewall.go', { alone: true }),
  clusterEffect('spec.sshAccess', ['10.7.0.0/16'], [tf('resource "aws_security_group_rule" "from-10-7-0-0--16-ingress-tcp-22to22-masters-minimal-aws-example-com"')], 'pkg/model/firewall.go'),
  clusterEffect('spec.masterPublicName', 'api-reg.minimal-aws.example.com', [masterConfig('    publicName: api-reg.minimal-aws.example.com')], NODEUP_CONFIG, { alone: true }),
  noEffect('Cluster', 'spec.masterInternalName', 'pkg/apis/kops/v1alpha2/cluster.go', 'a legacy field: the internal API name is always api.internal.<cluster>; no model code reads it'),
  clusterEffect('spec.iam.permissionsBoundary', 'arn:aws-test:iam::123456789012:policy/boundary', [tf('permissions_boundary = "arn:aws-test:iam::123456789012:policy/boundary"')], 'pkg/model/iam.go'),
  clusterEffect('spec.iam.allowContainerRegistry', true, [data('aws_iam_role_policy_masters', '"ecr:GetAuthorizationToken"')], 'pkg/model/iam/iam_builder.go'),
  clusterEffect('spec.externalPolicies', { node: ['arn:aws-test:iam::123456789012:policy/extpol'] }, [tf('policy_arn = "arn:aws-test:iam::123456789012:policy/extpol"')], 'pkg/model/awsmodel/iam.go'),
  clusterEffect('spec.networkID', 'vpc-12345678', [tf('vpc_id = "vpc-12345678"')], 'pkg/model/awsmodel/network.go', { alone: true }),
  clusterEffect('spec.clusterDNSDomain', 'registry.local', [data('addons-coredns', 'kubernetes registry.local. in-addr.arpa ip6.arpa')], `${ADDONS}/coredns.addons.k8s.io/k8s-1.12.yaml.template`, { alone: true }),
  clusterEffect('spec.serviceClusterIPRange', '100.65.0.0/16', [masterConfig('serviceClusterIPRange: 100.65.0.0/16')], NODEUP_CONFIG, { alone: true }),
  clusterEffect('spec.podCIDR', '100.99.0.0/16', [addon('aws-cloud-controller', '- --cluster-cidr=100.99.0.0/16')], `${ADDONS}/aws-cloud-controller.addons.k8s.io/k8s-1.18.yaml.template`, { alone: true }),
  releaseImageOnly('spec.kubeAPIServer.image', 'pkg/model/components/apiserver.go'),
  clusterEffect('spec.kubeAPIServer.cpuRequest', '141m', [masterConfig('    cpuRequest: 141m')], NODEUP_CONFIG),
  clusterEffect('spec.kubeProxy.enabled', false, [nodesConfig('KubeProxy: null')], NODEUP_CONFIG, { alone: true }),
  clusterEffect('spec.nodeTerminationHandler.enabled', false, [{ ...bootstrapChannel('node-termination-handler.aws'), absent: true }], CHANNEL),
  clusterEffect('spec.nodeTerminationHandler.enableSQSTerminationDraining', false, [{ ...tf('resource "aws_sqs_queue"'), absent: true }], 'pkg/model/awsmodel/nodeterminationhandler.go'),
  nthEnv('prometheusEnable', true, 'ENABLE_PROMETHEUS_SERVER', '"true"'),
  nthEnv('taintNode', true, 'TAINT_NODE', '"true"'),
  nthEnv('enableSpotInterruptionDraining', false, 'ENABLE_SPOT_INTERRUPTION_DRAINING', '"false"'),
  nthEnv('enableScheduledEventDraining', false, 'ENABLE_SCHEDULED_EVENT_DRAINING', '"false"'),
  nthEnv('enableRebalanceMonitoring', true, 'ENABLE_REBALANCE_MONITORING', '"true"'),
  nthEnv('enableRebalanceDraining', true, 'ENABLE_REBALANCE_DRAINING', '"true"'),
  nthEnv('excludeFromLoadBalancers', false, 'EXCLUDE_FROM_LOAD_BALANCERS', '"false"'),
  nthEnv('podTerminationGracePeriod', 77, 'POD_TERMINATION_GRACE_PERIOD', '"77"'),
  nthEnv('enableOutOfServiceTaint', true, 'ENABLE_OUT_OF_SERVICE_TAINT', '"true"'),
  clusterEffect('spec.nodeTerminationHandler.cpuRequest', '151m', [addon('node-termination-handler', 'cpu: 151m')], NTH_GO),
  clusterEffect('spec.nodeTerminationHandler.memoryRequest', '152Mi', [addon('node-termination-handler', 'memory: 152Mi')], NTH_GO),
  clusterEffect('spec.nodeTerminationHandler.version', 'v9.9.9', [addon('node-termination-handler', 'app.kubernetes.io/version: v9.9.9')], NTH_GO),
  clusterEffect('spec.nodeTerminationHandler.deleteSQSMsgIfNodeNotFound', true, [addon('node-termination-handler', '- name: DELETE_SQS_MSG_IF_NODE_NOT_FOUND\n value: "true"')], NTH_GO),
  clusterEffect('spec.nodeTerminationHandler.managedASGTag', 'registry-tag', [addon('node-termination-handler', 'value: registry-tag'), tf('key = "registry-tag"')], 'pkg/model/context.go'),
  caEffect('expander', "least-waste", '- --expander=least-waste'),
  caEffect('balanceSimilarNodeGroups', true, '- --balance-similar-node-groups=true'),
  caEffect('awsUseStaticInstanceList', true, '- --aws-use-static-instance-list=true'),
  caEffect('scaleDownUtilizationThreshold', "0.7", '- --scale-down-utilization-threshold=0.7'),
  caEffect('skipNodesWithSystemPods', false, '- --skip-nodes-with-system-pods=false'),
  caEffect('skipNodesWithLocalStorage', false, '- --skip-nodes-with-local-storage=false'),
  caEffect('skipNodesWithCustomControllerPods', false, '- --skip-nodes-with-custom-controller-pods=false'),
  caEffect('newPodScaleUpDelay', "7s", '- --new-pod-scale-up-delay=7s'),
  caEffect('scaleDownDelayAfterAdd', "11m0s", '- --scale-down-delay-after-add=11m0s'),
  caEffect('scaleDownUnneededTime', "12m0s", '- --scale-down-unneeded-time=12m0s'),
  caEffect('scaleDownUnreadyTime', "13m0s", '- --scale-down-unready-time=13m0s'),
  caEffect('maxNodeProvisionTime', "14m0s", '- --max-node-provision-time=14m0s'),
  caEffect('cordonNodeBeforeTerminating', false, '- --cordon-node-before-terminating=false'),
  caEffect('ignoreDaemonSetsUtilization', true, '- --ignore-daemonsets-utilization=true'),
  caEffect('emitPerNodegroupMetrics', true, '- --emit-per-nodegroup-metrics=true'),
  caEffect('image', 'registry.example/ca:v9', 'image: registry.example/ca:v9'),
  caEffect('cpuRequest', '181m', 'cpu: 181m'),
  caEffect('memoryRequest', '182Mi', 'memory: 182Mi'),
  caEffect('podAnnotations', { 'ca-anno': 'v' }, 'ca-anno: v'),
  clusterEffect('spec.clusterAutoscaler.enabled', true, [bootstrapChannel('cluster-autoscaler.addons.k8s.io')], CHANNEL),
  lbcEffect('version', 'v9.9.9', 'image: public.ecr.aws/eks/aws-load-balancer-controller:v9.9.9'),
  // The controller's permissions (pkg/model/iam/iam_builder.go) follow the features it is told to use.
  lbcEffect('enableWAF', true, '- --enable-waf=true', ['elasticloadbalancing:SetWebACL', 'waf-regional:AssociateWebACL', 'waf-regional:GetWebACLForResource']),
  lbcEffect('enableWAFv2', true, '- --enable-wafv2=true', ['wafv2:AssociateWebACL', 'wafv2:DisassociateWebACL', 'wafv2:GetWebACL', 'wafv2:GetWebACLForResource']),
  lbcEffect('enableShield', true, '- --enable-shield=true', ['shield:CreateProtection', 'shield:DeleteProtection', 'shield:DescribeProtection', 'shield:GetSubscriptionState']),
  lbcEffect('cpuRequest', '191m', 'cpu: 191m'),
  lbcEffect('memoryRequest', '192Mi', 'memory: 192Mi'),
  lbcEffect('cpuLimit', '193m', 'limits:\n cpu: 193m'),
  lbcEffect('memoryLimit', '194Mi', 'memory: 194Mi'),
  clusterEffect('spec.awsLoadBalancerController.enabled', true, [bootstrapChannel('aws-load-balancer-controller.addons.k8s.io')], CHANNEL, { settings: CERT_MANAGER }),
  ...(['image', 'cpuRequest', 'cpuLimit', 'memoryRequest', 'memoryLimit'] as const).flatMap((field, i) => [
    field === 'image'
      ? releaseImageOnly(`spec.kubeControllerManager.image`, 'pkg/model/components/kubecontrollermanager.go')
      : clusterEffect(`spec.kubeControllerManager.${field}`, componentSample(field, 'kcm', i), [masterConfig(`    ${field}: ${componentSample(field, 'kcm', i)}`)], NODEUP_CONFIG),
    clusterEffect(`spec.kubeScheduler.${field}`, componentSample(field, 'scheduler', i), [masterConfig(`    ${field}: ${componentSample(field, 'scheduler', i)}`)], NODEUP_CONFIG),
    field === 'image'
      ? releaseImageOnly(`spec.kubeProxy.image`, 'pkg/model/components/kubeproxy.go')
      : clusterEffect(`spec.kubeProxy.${field}`, componentSample(field, 'proxy', i), [nodesConfig(`  ${field}: ${componentSample(field, 'proxy', i)}`)], NODEUP_CONFIG),
  ]),
  ...(['cpuLimit', 'memoryRequest', 'memoryLimit'] as const).map((field, i) =>
    clusterEffect(`spec.kubeAPIServer.${field}`, componentSample(field, 'apiserver', i + 2), [masterConfig(`    ${field}: ${componentSample(field, 'apiserver', i + 2)}`)], NODEUP_CONFIG),
  ),
  clusterEffect('spec.cloudControllerManager.image', 'registry.example/ccm:v9', [addon('aws-cloud-controller', 'image: registry.example/ccm:v9')], `${ADDONS}/aws-cloud-controller.addons.k8s.io/k8s-1.18.yaml.template`),
  clusterEffect('spec.cloudControllerManager.cpuRequest', '171m', [addon('aws-cloud-controller', 'cpu: 171m')], `${ADDONS}/aws-cloud-controller.addons.k8s.io/k8s-1.18.yaml.template`),
  clusterEffect('spec.cloudConfig.elbSecurityGroup', 'sg-0elb', [masterConfig('elbSecurityGroup: sg-0elb')], NODEUP_CONFIG),
  clusterEffect('spec.serviceAccountIssuerDiscovery', { discoveryStore: 'memfs://discovery.example.com/minimal', enableAWSOIDCProvider: true, additionalAudiences: ['registry-aud'] }, [
    tf('client_id_list = ["amazonaws.com", "registry-aud"]'),
    tf('iam_openid_connect_provider_issuer = "discovery.example.com/minimal"'),
  ], 'pkg/model/awsmodel/oidc_provider.go', {
    covers: ['spec.serviceAccountIssuerDiscovery.discoveryStore', 'spec.serviceAccountIssuerDiscovery.enableAWSOIDCProvider', 'spec.serviceAccountIssuerDiscovery.additionalAudiences'],
    alone: true,
  }),
  ...['vSphereServer', 'vSphereUsername', 'vSpherePassword', 'vSphereDatacenter', 'vSphereResourcePool', 'vSphereDatastore', 'vSphereCoreDNSServer'].map((field) =>
    noEffect('Cluster', `spec.cloudConfig.${field}`, 'pkg/apis/kops/cluster.go', 'vSphere support was removed from kops; the fields remain in the API and nothing reads them'),
  ),
  cloudConfigLine('disableSecurityGroupIngress', true, 'DisableSecurityGroupIngress = true'),
  cloudConfigLine('nlbSecurityGroupMode', 'Managed', 'NLBSecurityGroupMode = Managed'),
  cloudConfigLine('nodeIPFamilies', ['ipv4', 'ipv6'], 'NodeIPFamilies = ipv4\nNodeIPFamilies = ipv6'),
  ...([['drainAndTerminate', false], ['maxSurge', 3], ['maxUnavailable', 2]] as const).map(([field, sample]) => {
    const text = `${field}: ${sample}`;
    return clusterEffect(`spec.rollingUpdate.${field}`, sample, [data('rolling-update-nodes', text)], 'pkg/instancegroups/settings.go');
  }),
];
