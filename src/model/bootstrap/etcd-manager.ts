import { toGoYaml } from '../../apis/go/yaml.js';
import { UserError } from '../../errors.js';
import { systemComponentEnv } from '../../addons/system-env.js';
import type { BootstrapContext, StateFile } from './types.js';
import type { Cluster } from '../../apis/types.js';
import { remapImage } from '../../apis/image-remap.js';

type Data = Record<string, unknown>;

const ETCD_MANAGER_IMAGE = 'registry.k8s.io/etcd-manager/etcd-manager-slim:v3.0.20260707';

/** etcd versions etcd-manager can run, each served by the image of the newest patch of its minor. */
const SUPPORTED_ETCD: { minor: string; patches: number; image: string }[] = [
  { minor: '3.5', patches: 31, image: 'registry.k8s.io/etcd:v3.5.31' },
  { minor: '3.6', patches: 12, image: 'registry.k8s.io/etcd:v3.6.12' },
  { minor: '3.7', patches: 0, image: 'registry.k8s.io/etcd:v3.7.0' },
];

interface Ports {
  client: number;
  peer: number;
  grpc: number;
  quarantine: number;
}

const PORTS: Record<string, Ports> = {
  main: { client: 4001, peer: 2380, grpc: 3996, quarantine: 3994 },
  events: { client: 4002, peer: 2381, grpc: 3997, quarantine: 3995 },
  cilium: { client: 4003, peer: 2382, grpc: 3991, quarantine: 3992 },
};

/** The etcd-manager static pod of each member, and each etcd cluster's etcd-cluster-spec. */
export function buildEtcdFiles(cluster: Cluster, ctx: BootstrapContext): StateFile[] {
  const files: StateFile[] = [];
  const base = String(cluster.spec.configBase);
  for (const etcd of cluster.spec.etcdClusters ?? []) {
    const backupStore: string | undefined = etcd.backups?.backupStore;
    if (!backupStore) throw new UserError(`spec.etcdClusters[${etcd.name}].backups.backupStore: must be set for etcd-manager`);
    for (const member of etcd.etcdMembers ?? []) {
      const name = `${etcd.name}-${member.instanceGroup}`;
      files.push({
        tfName: `manifests-etcdmanager-${name}`,
        path: `manifests/etcd/${name}.yaml`,
        content: toGoYaml(etcdManagerPod(cluster, etcd, ctx)),
      });
    }
    const spec = `{\n  "memberCount": ${(etcd.etcdMembers ?? []).length},\n  "etcdVersion": ${JSON.stringify(etcd.version)}\n}`;
    const underConfigBase = backupStore.startsWith(`${base}/`);
    files.push({
      tfName: `etcd-cluster-spec-${etcd.name}`,
      path: underConfigBase ? `${backupStore.slice(base.length + 1)}/control/etcd-cluster-spec` : 'control/etcd-cluster-spec',
      ...(underConfigBase ? {} : { base: backupStore }),
      content: spec,
    });
  }
  return files;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function etcdManagerPod(cluster: Cluster, etcd: Record<string, any>, ctx: BootstrapContext): Data {
  const name: string = etcd.name;
  const ports = PORTS[name];
  if (!ports) throw new UserError(`spec.etcdClusters[${name}]: unknown etcd cluster name`, 'use main, events or cilium');
  const clusterName = cluster.metadata.name;
  const apiServerNodes = ctx.featureFlags?.includes('APIServerNodes') ?? false;
  let clientHost = '__name__';
  if (apiServerNodes) clientHost = `${name}.etcd.internal.${clusterName}`;
  else if (name === 'cilium') clientHost = `api.internal.${clusterName}`;
  const etcdName = name === 'main' ? 'etcd' : `etcd-${name}`;

  const flags: Record<string, string | string[]> = {
    'backup-store': etcd.backups.backupStore,
    'client-urls': `https://${clientHost}:${ports.client}`,
    'cluster-name': etcdName,
    containerized: 'true',
    'dns-suffix': `.internal.${clusterName}`,
    'grpc-port': String(ports.grpc),
    'peer-urls': `https://__name__:${ports.peer}`,
    'quarantine-client-urls': `https://__name__:${ports.quarantine}`,
    v: String(etcd.manager?.logLevel ?? 6),
    ...volumeFlags(cluster, name),
  };
  if (etcd.manager?.backupInterval) flags['backup-interval'] = etcd.manager.backupInterval;
  if (etcd.manager?.discoveryPollInterval) flags['discovery-poll-interval'] = etcd.manager.discoveryPollInterval;
  const args = ['--log-file=/var/log/etcd.log', '--also-stdout', '/ko-app/etcd-manager'];
  for (const flag of Object.keys(flags).sort()) {
    const value = flags[flag];
    for (const v of Array.isArray(value) ? value : [value]) args.push(`--${flag}=${v}`);
  }

  const env: Data[] = systemComponentEnv(cluster, ctx.env).map((e) => ({ ...e }));
  if (etcd.manager?.backupRetentionDays !== undefined) env.push({ name: 'ETCD_MANAGER_DAILY_BACKUPS_RETENTION', value: `${etcd.manager.backupRetentionDays}d` });
  if (etcd.manager?.listenMetricsURLs?.length) env.push({ name: 'ETCD_LISTEN_METRICS_URLS', value: etcd.manager.listenMetricsURLs.join(',') });
  if (etcd.manager?.listenClientHTTPURLs?.length) env.push({ name: 'ETCD_LISTEN_CLIENT_HTTP_URLS', value: etcd.manager.listenClientHTTPURLs.join(',') });
  for (const e of etcd.manager?.env ?? []) env.push({ name: e.name, value: e.value });

  const versions = etcdVersions(etcd);
  const metadata: Data = { labels: { 'k8s-app': `etcd-manager-${name}` }, name: `etcd-manager-${name}`, namespace: 'kube-system' };
  if (apiServerNodes) metadata.annotations = { 'dns.alpha.kubernetes.io/internal': clientHost };
  const logFile = `/var/log/${etcdName}.log`;
  const hostCerts = cluster.spec.useHostCertificates === true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: {
      containers: [
        {
          args,
          command: ['/go-runner'],
          env,
          image: remapImage(etcd.manager?.image ?? ETCD_MANAGER_IMAGE, cluster.spec.assets),
          name: 'etcd-manager',
          resources: { requests: { cpu: etcd.cpuRequest ?? '200m', memory: etcd.memoryRequest ?? '100Mi' } },
          securityContext: { privileged: true },
          volumeMounts: [
            { mountPath: '/rootfs', name: 'rootfs' },
            { mountPath: '/run', name: 'run' },
            { mountPath: '/etc/kubernetes/pki/etcd-manager', name: 'pki' },
            ...versions.map((v) => ({ mountPath: `/opt/etcd-v${v.version}`, name: v.volume })),
            { mountPath: '/var/log/etcd.log', name: 'varlogetcd' },
            ...(hostCerts ? [{ mountPath: '/etc/ssl/certs', name: 'etc-ssl-certs', readOnly: true }] : []),
          ],
        },
      ],
      hostNetwork: true,
      hostPID: true,
      priorityClassName: 'system-cluster-critical',
      tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }],
      volumes: [
        { hostPath: { path: '/', type: 'Directory' }, name: 'rootfs' },
        { hostPath: { path: '/run', type: 'DirectoryOrCreate' }, name: 'run' },
        { hostPath: { path: `/etc/kubernetes/pki/etcd-manager-${name}`, type: 'DirectoryOrCreate' }, name: 'pki' },
        ...[...new Map(versions.map((v) => [v.volume, v.image]))].map(([volume, image]) => ({
          image: { pullPolicy: 'IfNotPresent', reference: remapImage(image, cluster.spec.assets) },
          name: volume,
        })),
        { hostPath: { path: logFile, type: 'FileOrCreate' }, name: 'varlogetcd' },
        ...(hostCerts ? [{ hostPath: { path: '/etc/ssl/certs', type: 'DirectoryOrCreate' }, name: 'etc-ssl-certs' }] : []),
      ],
    },
    status: {},
  };
}

/** How etcd-manager finds its volumes: by the cloud's tags (AWS) or labels (GCE). */
function volumeFlags(cluster: Cluster, etcdName: string): Record<string, string | string[]> {
  const clusterName = cluster.metadata.name;
  if (cluster.spec.cloudProvider === 'gce') {
    return {
      'volume-name-tag': `k8s-io-etcd-${etcdName}`,
      'volume-provider': 'gce',
      'volume-tag': [`k8s-io-cluster-name=${clusterName.replaceAll('.', '-')}`, `k8s-io-etcd-${etcdName}`, 'k8s-io-role-master=master'],
    };
  }
  return {
    'volume-name-tag': `k8s.io/etcd/${etcdName}`,
    'volume-provider': 'aws',
    'volume-tag': [`kubernetes.io/cluster/${clusterName}=owned`, `k8s.io/etcd/${etcdName}`, 'k8s.io/role/control-plane=1'].sort(),
  };
}

/**
 * Every etcd version the pod can run (mounted as /opt/etcd-v<version> from the image volume serving it), or only the
 * cluster's version with a custom image (its volume named after that version).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function etcdVersions(etcd: Record<string, any>): { version: string; image: string; volume: string }[] {
  if (etcd.image) {
    const version = String(etcd.version).replace(/^v/, '');
    return [{ version, image: String(etcd.image), volume: volumeName(version) }];
  }
  const out: { version: string; image: string; volume: string }[] = [];
  for (const s of SUPPORTED_ETCD) {
    const served = s.image.slice(s.image.lastIndexOf(':') + 1).replace(/^v/, '');
    for (let p = 0; p <= s.patches; p++) out.push({ version: `${s.minor}.${p}`, image: s.image, volume: volumeName(served) });
  }
  return out;
}

/** `etcd-v3-6-12` for version 3.6.12. */
function volumeName(version: string): string {
  return `etcd-v${version.replaceAll('.', '-')}`;
}
