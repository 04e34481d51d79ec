import { byDefault, inferred } from '../origin.js';
import type { PopulateState } from './state.js';
import { etcdVersion } from './versions.js';

export function fillEtcdClusters(s: PopulateState): void {
  const { spec } = s;
  const configBase = spec.get<string>('configBase');
  const clusters = spec.get<{ name: string }[]>('etcdClusters') ?? [];
  clusters.forEach((cluster, i) => {
    const etcd = spec.at(['etcdClusters', i]);
    etcd.default('backups.backupStore', `${configBase}/backups/etcd/${cluster.name}`, inferred('etcd backups under configBase/backups/etcd/<name>'));
    etcd.default('manager.backupRetentionDays', 90, byDefault('etcd-manager keeps backups 90 days'));
    etcd.default('version', etcdVersion(s.k8s), inferred('etcd version for the Kubernetes version'));
  });
}
