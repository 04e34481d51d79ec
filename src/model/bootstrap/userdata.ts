import { createHash } from 'node:crypto';
import { awsRegion, roleOf } from './cluster-facts.js';
import { mirrored } from '../../assets/index.js';
import { renderNodeupScript } from './nodeup-script.js';
import type { BootstrapContext } from './types.js';
import type { Cluster, InstanceGroup } from '../../apis/types.js';

/** Port kops-controller serves node bootstrap (and config) on. */
const KOPS_CONTROLLER_PORT = 3988;

/** Socket buffer sizes kops raises on AWS before nodeup runs. */
const NODE_SYSCTLS = [
  'sysctl -w net.core.rmem_max=16777216 || true',
  'sysctl -w net.core.wmem_max=16777216 || true',
  "sysctl -w net.ipv4.tcp_rmem='4096 87380 16777216' || true",
  "sysctl -w net.ipv4.tcp_wmem='4096 87380 16777216' || true",
];

/**
 * The launch-template user data of an instance group: the nodeup script with its boot config (nodes fetch the
 * rest from kops-controller, control-plane nodes read the state store), and the group's additional user data as
 * further MIME parts. Bastions run no nodeup; they get only their additional parts, if any.
 */
export function buildUserData(cluster: Cluster, ig: InstanceGroup, nodeupConfigText: string, ctx: BootstrapContext): string | undefined {
  const role = roleOf(ig);
  const parts: UserDataPart[] = [];
  if (role !== 'Bastion') {
    parts.push({ name: 'nodeup.sh', type: 'text/x-shellscript', content: nodeupScript(cluster, ig, nodeupConfigText, ctx) });
  }
  for (const extra of ig.spec.additionalUserData ?? []) parts.push({ name: extra.name ?? '', type: extra.type ?? '', content: extra.content ?? '' });
  if (parts.length === 0) return undefined;
  if (parts.length === 1 && role !== 'Bastion') return parts[0].content;
  return mimeMultipart(parts);
}

function nodeupScript(cluster: Cluster, ig: InstanceGroup, nodeupConfigText: string, ctx: BootstrapContext): string {
  const role = roleOf(ig);
  const aws = cluster.spec.cloudProvider === 'aws';
  const bootConfig: Record<string, unknown> = {
    CloudProvider: cluster.spec.cloudProvider,
    ClusterName: cluster.metadata.name,
    InstanceGroupName: ig.metadata.name,
    InstanceGroupRole: role,
    NodeupConfigHash: createHash('sha256').update(nodeupConfigText).digest('base64'),
  };
  if (role === 'ControlPlane' || role === 'APIServer') {
    bootConfig.ConfigBase = cluster.spec.configBase;
  } else {
    bootConfig.ConfigServer = {
      CACertificates: ctx.keysets['kubernetes-ca']?.certificatesPem ?? '',
      servers: [`https://kops-controller.internal.${cluster.metadata.name}:${KOPS_CONTROLLER_PORT}/`],
    };
  }
  return renderNodeupScript({
    nodeupUrlAmd64: nodeupLocations(ctx.nodeup.amd64.urls, cluster),
    nodeupHashAmd64: ctx.nodeup.amd64.sha256,
    nodeupUrlArm64: nodeupLocations(ctx.nodeup.arm64.urls, cluster),
    nodeupHashArm64: ctx.nodeup.arm64.sha256,
    environment: aws ? { AWS_REGION: awsRegion(cluster) } : {},
    proxyEnv: proxyEnv(cluster.spec.egressProxy),
    sysctls: NODE_SYSCTLS,
    bootConfig,
    compress: ig.spec.compressUserData === true,
  });
}

interface UserDataPart {
  name: string;
  type: string;
  content: string;
}

const BOUNDARY = 'MIMEBOUNDARY';

/** cloud-init multi-part user data with a fixed boundary (line ends as kops stores them). */
function mimeMultipart(parts: UserDataPart[]): string {
  let out = `Content-Type: multipart/mixed; boundary="${BOUNDARY}"\nMIME-Version: 1.0\n\n`;
  parts.forEach((part, i) => {
    out += `${i === 0 ? '' : '\n'}--${BOUNDARY}\n`;
    out += `Content-Disposition: attachment; filename="${part.name}"\n`;
    out += 'Content-Transfer-Encoding: 7bit\n';
    out += `Content-Type: ${part.type}\n`;
    out += 'Mime-Version: 1.0\n\n';
    out += part.content;
  });
  out += `\n--${BOUNDARY}--\n`;
  return out;
}

/**
 * The egress proxy set up before nodeup runs (pkg/model/resources/nodeup.go createProxyEnv): /etc/environment, the
 * package manager's proxy and systemd's default environment.
 */
export function proxyEnv(proxy: { httpProxy?: { host?: string; port?: number }; excludes?: string } | undefined): string {
  const host = proxy?.httpProxy?.host;
  if (!host) return '';
  const url = `${host.startsWith('http://') ? '' : 'http://'}${host}${proxy.httpProxy?.port ? `:${proxy.httpProxy.port}` : ''}`;
  const excludes = proxy.excludes ?? '';
  return [
    '{',
    `  echo "http_proxy=${url}"`,
    `  echo "https_proxy=${url}"`,
    `  echo "no_proxy=${excludes}"`,
    `  echo "NO_PROXY=${excludes}"`,
    '} >> /etc/environment',
    'while read -r in; do export "${in?}"; done < /etc/environment',
    'case $(cat /proc/version) in',
    '*[Dd]ebian* | *[Uu]buntu*)',
    `  echo "Acquire::http::Proxy \\"${url}\\";" > /etc/apt/apt.conf.d/30proxy ;;`,
    '*[Rr]ed[Hh]at*)',
    `  echo "proxy=${url}" >> /etc/yum.conf ;;`,
    'esac',
    `echo "DefaultEnvironment=\\"http_proxy=${url}\\" \\"https_proxy=${url}\\" \\"NO_PROXY=${excludes}\\" \\"no_proxy=${excludes}\\"" >> /etc/systemd/system.conf`,
    'systemctl daemon-reload',
    'systemctl daemon-reexec',
    '',
  ].join('\n');
}

/**
 * Where nodes download nodeup: the release locations (canonical first), or with spec.assets.fileRepository the one
 * copy of the canonical file in the mirror.
 */
function nodeupLocations(urls: string, cluster: Cluster): string {
  const fileRepository = cluster.spec.assets?.fileRepository;
  return fileRepository ? mirrored(urls.split(',')[0], fileRepository) : urls;
}
