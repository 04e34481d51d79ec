import type { AddonCluster } from './types.js';

/** Variables kops passes from its own environment into system components when set. */
const PASSED_THROUGH = [
  'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY',
  'OS_AUTH_URL', 'OS_USERNAME', 'OS_PASSWORD', 'OS_TENANT_ID', 'OS_TENANT_NAME', 'OS_PROJECT_ID', 'OS_PROJECT_NAME',
  'OS_DOMAIN_ID', 'OS_DOMAIN_NAME', 'OS_REGION_NAME', 'OS_APPLICATION_CREDENTIAL_ID', 'OS_APPLICATION_CREDENTIAL_SECRET',
  'DIGITALOCEAN_ACCESS_TOKEN', 'HCLOUD_TOKEN', 'LINODE_TOKEN',
];

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: unknown;
}

/** AWS region: the first subnet's zone without its letter. */
export function awsRegion(cluster: AddonCluster): string {
  const zone: string = cluster.spec.subnets?.find((s: { zone?: string }) => s.zone)?.zone ?? '';
  return zone.replace(/[a-z]$/, '');
}

/** Environment of kops system components (etcd-manager, channels, ...): the cloud region plus passed-through credentials. */
export function systemComponentEnv(cluster: AddonCluster, env: Record<string, string> = {}): EnvVar[] {
  const vars: Record<string, string> = {};
  for (const name of PASSED_THROUGH) if (env[name] !== undefined) vars[name] = env[name];
  if (cluster.spec.cloudProvider === 'aws') vars.AWS_REGION = awsRegion(cluster);
  return Object.keys(vars)
    .sort()
    .map((name) => ({ name, value: vars[name] }));
}

/** An env list as YAML sequence items at `indent` spaces (values JSON-quoted; the output is re-serialised). */
export function envYaml(vars: EnvVar[], indent: number): string {
  const pad = ' '.repeat(indent);
  return vars.map((v) => `${pad}- name: ${v.name}\n${pad}  value: ${JSON.stringify(v.value ?? '')}\n`).join('');
}
