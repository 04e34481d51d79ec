/**
 * Bucket-level grants for the cluster's own service accounts on a gs:// state store (pkg/model/gcemodel/storageacl.go):
 * the control plane administers the objects of its etcd backup buckets, and the control plane and API servers read
 * the state-store bucket. Object-level permissions do not exist in Cloud Storage IAM, hence whole buckets. Nothing for
 * a shared instance account (spec.cloudConfig.gceServiceAccount), nor for paths outside Cloud Storage.
 */
import type { InstanceGroup } from '../../apis/types.js';
import { GceServiceAccount, GceStorageBucketIam } from '../../cloud/gce/resources/index.js';
import { ref, type Task } from '../../engine/task.js';
import type { GceModel, GceRole } from './context.js';

/** The Go kops's instance group role names, lower-cased, as task names carry them. */
const ROLE_NAMES: Record<GceRole, string> = { 'control-plane': 'controlplane', apiserver: 'apiserver', node: 'node', bastion: 'bastion' };
/**
 * API servers run as the control plane's account, and an account is granted once: the control plane's groups come
 * first so that its grants are the control plane's (the Go kops takes whichever its map yields first).
 */
const ROLE_ORDER: GceRole[] = ['control-plane', 'apiserver', 'node', 'bastion'];

function gcsBucket(location: string | undefined): string | undefined {
  return /^gs:\/\/([^/]+)/.exec(location ?? '')?.[1];
}

/** The account an instance group runs as: the control plane's for API servers too. */
function accountOf(m: GceModel, ig: InstanceGroup): string {
  const role = m.role(ig);
  return role === 'apiserver' ? 'control-plane' : role;
}

export function buildGceStorageAcls(m: GceModel): Task[] {
  if (m.spec.cloudConfig?.gceServiceAccount) return [];
  const tasks: Task[] = [];
  const accounts = new Set<string>();
  const byRole = [...m.instanceGroups].sort((a, b) => ROLE_ORDER.indexOf(m.role(a)) - ROLE_ORDER.indexOf(m.role(b)));
  for (const ig of byRole) {
    const account = accountOf(m, ig);
    if (accounts.has(account)) continue;
    accounts.add(account);
    const role = m.role(ig);
    const member = ref({ type: GceServiceAccount.type, name: account }, 'email', 'serviceAccount:');
    const grant = (kind: 'objectadmin' | 'objectviewer', bucket: string, iamRole: string) =>
      tasks.push(GceStorageBucketIam.task(`${kind}-${bucket}-serviceaccount-${ROLE_NAMES[role]}`, { bucket, member, role: iamRole }, { lifecycle: 'WarnIfInsufficientAccess' }));

    const buckets = new Set<string>();
    // etcd-manager writes its backups.
    if (role === 'control-plane') {
      for (const etcd of m.spec.etcdClusters ?? []) {
        const bucket = gcsBucket(etcd.backups?.backupStore);
        if (!bucket || buckets.has(bucket)) continue;
        buckets.add(bucket);
        grant('objectadmin', bucket, 'roles/storage.objectAdmin');
      }
    }
    // The control plane reads the whole state store.
    if (role === 'control-plane' || role === 'apiserver') {
      const bucket = gcsBucket(m.spec.configBase);
      if (bucket && !buckets.has(bucket)) grant('objectviewer', bucket, 'roles/storage.objectViewer');
    }
  }
  return tasks;
}
