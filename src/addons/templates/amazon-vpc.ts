import { GoTemplate } from '../gotemplate.js';
import { commonTemplateFuncs } from '../template-funcs.js';
import { templateData } from '../template-data.js';
import { isIPv6Only } from '../template-helpers.js';
import type { AddonCluster } from '../types.js';
import { AMAZON_VPC_TEMPLATE } from './amazon-vpc.template.js';

let parsed: GoTemplate | undefined;

/** The aws-node defaults kops takes from the VPC CNI Helm chart; spec.networking.amazonvpc.env overrides them. */
const DEFAULT_ENV: Record<string, string> = {
  ADDITIONAL_ENI_TAGS: '{}',
  AWS_VPC_CNI_NODE_PORT_SUPPORT: 'true',
  AWS_VPC_ENI_MTU: '9001',
  AWS_VPC_K8S_CNI_CONFIGURE_RPFILTER: 'false',
  AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'false',
  AWS_VPC_K8S_CNI_EXTERNALSNAT: 'false',
  AWS_VPC_K8S_CNI_LOG_FILE: '/host/var/log/aws-routed-eni/ipamd.log',
  AWS_VPC_K8S_CNI_LOGLEVEL: 'DEBUG',
  AWS_VPC_K8S_CNI_RANDOMIZESNAT: 'prng',
  AWS_VPC_K8S_CNI_VETHPREFIX: 'eni',
  AWS_VPC_K8S_PLUGIN_LOG_FILE: '/var/log/aws-routed-eni/plugin.log',
  AWS_VPC_K8S_PLUGIN_LOG_LEVEL: 'DEBUG',
  DISABLE_INTROSPECTION: 'false',
  DISABLE_METRICS: 'false',
  ENABLE_POD_ENI: 'false',
  ENABLE_PREFIX_DELEGATION: 'false',
  ENABLE_SUBNET_DISCOVERY: 'true',
  NETWORK_POLICY_ENFORCING_MODE: 'standard',
  WARM_ENI_TARGET: '1',
  WARM_PREFIX_TARGET: '1',
  DISABLE_NETWORK_RESOURCE_PROVISIONING: 'false',
};

/** kops's AmazonVpcEnvVars: chart defaults, the user's env, then what the IP family and the cluster name fix. */
export function amazonVpcEnv(cluster: AddonCluster): Record<string, string> {
  const env = { ...DEFAULT_ENV };
  for (const e of (cluster.spec.networking?.amazonvpc?.env ?? []) as { name: string; value?: string }[]) env[e.name] = e.value ?? '';
  const ipv6 = isIPv6Only(cluster);
  env.ENABLE_IPv4 = String(!ipv6);
  env.ENABLE_IPv6 = String(ipv6);
  if (ipv6) {
    env.ENABLE_PREFIX_DELEGATION = 'true';
    env.WARM_PREFIX_TARGET = '1';
  }
  const name = cluster.metadata.name;
  env.ADDITIONAL_ENI_TAGS = `{\\"KubernetesCluster\\":\\"${name}\\",\\"kubernetes.io/cluster/${name}\\":\\"owned\\"}`;
  return env;
}

/** The Amazon VPC CNI (aws-node) as kops renders its template: images, env and the network policy agent. */
export function amazonVpc(cluster: AddonCluster): string {
  parsed ??= new GoTemplate(AMAZON_VPC_TEMPLATE);
  return parsed.execute(templateData(cluster), { ...commonTemplateFuncs(cluster), AmazonVpcEnvVars: () => amazonVpcEnv(cluster) });
}
