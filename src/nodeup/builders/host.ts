import { toGoYaml } from '../../apis/go/yaml.js';
import { parseAssetLine } from '../config.js';
import type { AssetTask, FileTask, Task } from '../tasks.js';
import { apiServerURL, KUBERNETES_CA_BUNDLE, type BuildContext } from './context.js';
import { KUBE_SCHEDULER_CONFIG } from './kube-scheduler.js';
import { kubeletServerCert } from './kubelet.js';
import { kubeconfigTasks } from './kubeconfig.js';

type Data = Record<string, unknown>;

export const ASSET_CACHE = '/var/cache/nodeup';

/** Kernel settings Kubernetes needs, then the instance group's own (which win, being later). */
const SYSCTLS = [
  '# Kubernetes Settings',
  '',
  'kernel.panic = 10',
  'kernel.panic_on_oops = 1',
  'vm.overcommit_memory = 1',
  'fs.inotify.max_user_instances = 8192',
  'fs.inotify.max_user_watches = 524288',
  'net.ipv4.ip_forward = 1',
  'net.ipv4.conf.all.rp_filter = 0',
  'net.bridge.bridge-nf-call-iptables = 1',
  'net.bridge.bridge-nf-call-ip6tables = 1',
];

/** The cluster CA bundle at /srv/kubernetes/ca.crt (control planes: from the config; nodes: from the boot config). */
export function secretTasks(ctx: BuildContext): Task[] {
  const bundle = ctx.config.CAs?.['kubernetes-ca'] ?? ctx.caBundle;
  return bundle ? [{ kind: 'File', path: KUBERNETES_CA_BUNDLE, type: 'file', contents: bundle, mode: '0600' }] : [];
}

/** The other CAs the config carries (aggregator, etcd), one file each under /srv/kubernetes/ca/. */
export function caCertificateTasks(ctx: BuildContext): Task[] {
  return Object.entries(ctx.config.CAs ?? {})
    .filter(([name]) => name !== 'kubernetes-ca')
    .map(([name, pem]) => ({ kind: 'File', path: `/srv/kubernetes/ca/${name}.crt`, type: 'file', contents: pem, mode: '0644' }) satisfies FileTask);
}

export function sysctlTasks(ctx: BuildContext): Task[] {
  const lines = [...SYSCTLS, ''];
  if (ctx.config.SysctlParameters?.length) lines.push('# Custom sysctl parameters from instance group spec', ...ctx.config.SysctlParameters, '');
  return [{ kind: 'File', path: '/etc/sysctl.d/99-k8s-general.conf', type: 'file', contents: lines.join('\n'), onChangeExecute: [['sysctl', '--system']] }];
}

/** Control planes resolve the cluster's internal names to themselves until DNS knows them. */
export function etcHostsTasks(ctx: BuildContext): Task[] {
  if (ctx.role === 'Node') return [];
  const cluster = ctx.config.ClusterName;
  return [
    {
      kind: 'UpdateEtcHostsTask',
      name: 'control-plane',
      records: [`api.internal.${cluster}`, `kops-controller.internal.${cluster}`].map((hostname) => ({ hostname, addresses: ['127.0.0.1'] })),
    },
  ];
}

/** The config's file assets, except kube-scheduler's config, which its builder installs (mode 0400). */
export function fileAssetTasks(ctx: BuildContext): Task[] {
  const assets = (ctx.config.FileAssets ?? []).filter((a) => !(ctx.role === 'ControlPlane' && a.path === KUBE_SCHEDULER_CONFIG));
  return assets.map((asset: Data) => {
    const content = String(asset.content ?? '');
    return {
      kind: 'File',
      path: String(asset.path),
      type: 'file',
      contents: asset.isBase64 ? Buffer.from(content, 'base64').toString('utf8') : content,
      mode: asset.mode ? String(asset.mode) : undefined,
    } satisfies FileTask;
  });
}

/** etcd-manager and other static pods kops wrote to the state store, fetched beforehand. */
export function staticManifestTasks(ctx: BuildContext): Task[] {
  const tasks: Task[] = [];
  for (const { url, name } of staticManifestSources(ctx.config, ctx.configBase)) {
    const contents = ctx.remote.get(url);
    if (contents !== undefined) tasks.push({ kind: 'File', path: `/etc/kubernetes/manifests/${name}.manifest`, type: 'file', contents });
  }
  return tasks;
}

export function staticManifestSources(config: BuildContext['config'], configBase: string | undefined): Array<{ url: string; name: string }> {
  const sources = (config.etcdManifests ?? []).map((url) => ({ url, name: url.split('/').pop()!.replace(/\.yaml$/, '') }));
  if (configBase) for (const m of config.staticManifests ?? []) sources.push({ url: `${configBase}/${m.path}`, name: m.key });
  return sources;
}

/** The host's release artefacts, and a record of them (what is cached where). */
export function assetTasks(ctx: BuildContext): Task[] {
  const lines = ctx.config.Assets[ctx.host.architecture] ?? [];
  const assets: AssetTask[] = lines.map((line, i) => {
    const ref = parseAssetLine(line, `Assets.${ctx.host.architecture}[${i}]`);
    return { kind: 'Asset', name: ref.url.split('/').pop()!, url: ref.url, sha256: ref.sha256 };
  });
  const record = assets.map((a) => ({ name: a.name, path: assetCachePath(a), sha256: a.sha256, url: a.url }));
  return [...assets, { kind: 'File', path: `${ASSET_CACHE}/assets.yaml`, type: 'file', contents: toGoYaml(record) }];
}

export function assetCachePath(asset: Pick<AssetTask, 'name' | 'sha256'>): string {
  return `${ASSET_CACHE}/sha256:${asset.sha256}_${asset.name}`;
}

/** The node binaries shipped as plain files: kubelet, kubectl and (on AWS) the ECR credential provider. */
export function binaryTasks(ctx: BuildContext): Task[] {
  const tasks: Task[] = [];
  for (const [key, path] of [['kubelet', '/usr/local/bin/kubelet'], [`ecr-credential-provider-linux-${ctx.host.architecture}`, '/usr/local/bin/ecr-credential-provider']]) {
    const source = ctx.assets[key];
    if (source) tasks.push({ kind: 'File', path, type: 'file', mode: '0755', contents: { asset: { key, path: source } } });
  }
  return tasks;
}

/** The files nodeup installs from each release archive kops lists, by their path inside it. */
const ARCHIVE_MEMBERS: Array<{ archive: RegExp; members: string[] }> = [
  { archive: /^containerd-.*\.tar\.gz$/, members: ['containerd', 'containerd-shim', 'containerd-shim-runc-v1', 'containerd-shim-runc-v2', 'containerd-stress', 'ctr'].map((bin) => `bin/${bin}`) },
  { archive: /^crictl-.*\.tar\.gz$/, members: ['crictl'] },
  { archive: /^nerdctl-.*\.tar\.gz$/, members: ['nerdctl'] },
];

/**
 * Installable files by key (a file's name): each downloaded asset, and the binaries inside the release archives,
 * found at `<archive>.d/<path inside it>`.
 */
export function assetIndex(config: BuildContext['config'], architecture: string): Record<string, string> {
  const index: Record<string, string> = {};
  (config.Assets[architecture] ?? []).forEach((line, i) => {
    const ref = parseAssetLine(line, `Assets.${architecture}[${i}]`);
    const name = ref.url.split('/').pop()!;
    const cached = assetCachePath({ name, sha256: ref.sha256 });
    index[name] = cached;
    for (const member of ARCHIVE_MEMBERS.find((a) => a.archive.test(name))?.members ?? []) index[member.split('/').pop()!] = `${cached}.d/${member}`;
  });
  return index;
}

/**
 * The kubelet's own credentials: its client certificate (in its kubeconfig) and its serving certificate. Worker
 * nodes get them from kops-controller, which names the node; control planes sign their own, named after the host.
 */
export function nodeCredentialTasks(ctx: BuildContext): Task[] {
  const kubeconfigPath = String(ctx.config.KubeletConfig.kubeconfigPath ?? '/var/lib/kubelet/kubeconfig');
  const serving = kubeletServerCert(ctx);
  const commonName = ctx.role !== 'Node' && ctx.host.nodeName ? `system:node:${ctx.host.nodeName}` : 'kubelet';
  return [
    ...kubeconfigTasks(ctx, { name: 'kubelet', commonName, organization: ['system:nodes'] }, apiServerURL(ctx), kubeconfigPath),
    serving,
    { kind: 'File', path: '/srv/kubernetes/kubelet-server.crt', type: 'file', mode: '0644', contents: { certificate: serving, part: 'cert' } },
    { kind: 'File', path: '/srv/kubernetes/kubelet-server.key', type: 'file', mode: '0600', contents: { certificate: serving, part: 'key' } },
  ];
}
