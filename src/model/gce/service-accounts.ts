/**
 * The service accounts instances run as: one existing account for all (`spec.cloudConfig.gceServiceAccount`), or one
 * per role made for the cluster, the control plane's bound to the GKE service-agent role of the project.
 */
import type { InstanceGroup } from '../../apis/types.js';
import { serviceAccountName } from '../../cloud/gce/names.js';
import { GceProjectIamBinding, GceServiceAccount } from '../../cloud/gce/resources/index.js';
import { ref, type Ref, type Task } from '../../engine/task.js';
import type { GceModel } from './context.js';

type AccountRole = 'control-plane' | 'node' | 'bastion';

const DESCRIPTIONS: Record<AccountRole, string> = {
  'control-plane': 'kubernetes control-plane instances',
  node: 'kubernetes worker nodes',
  bastion: 'bastion nodes',
};

function accountRole(m: GceModel, ig: InstanceGroup): AccountRole {
  const role = m.role(ig);
  return role === 'apiserver' ? 'control-plane' : role;
}

function sharedEmail(m: GceModel): string | undefined {
  return m.spec.cloudConfig?.gceServiceAccount || undefined;
}

function accountTask(m: GceModel, role: AccountRole): Task {
  const accountId = serviceAccountName(role, m.clusterName);
  return GceServiceAccount.task(role, {
    email: `${accountId}@${m.inputs.project}.iam.gserviceaccount.com`,
    accountId,
    project: m.inputs.project,
    description: DESCRIPTIONS[role],
    displayName: role,
  });
}

/** The e-mail an instance group's template names: the shared account's, or a reference to the cluster's account. */
export function serviceAccountEmail(m: GceModel, ig: InstanceGroup): string | Ref {
  const shared = sharedEmail(m);
  if (shared) return shared;
  return ref({ type: GceServiceAccount.type, name: accountRole(m, ig) }, 'email');
}

export function buildGceServiceAccounts(m: GceModel): Task[] {
  const shared = sharedEmail(m);
  if (shared) return [GceServiceAccount.task('shared', { email: shared, accountId: shared.split('@')[0], project: m.inputs.project }, { shared: true })];
  const tasks: Task[] = [];
  const done = new Set<AccountRole>();
  for (const ig of m.instanceGroups) {
    const role = accountRole(m, ig);
    if (done.has(role)) continue;
    done.add(role);
    const account = accountTask(m, role);
    tasks.push(account);
    if (role === 'control-plane') {
      tasks.push(
        GceProjectIamBinding.task('serviceaccount-control-plane', {
          project: m.inputs.project,
          role: 'roles/container.serviceAgent',
          members: [ref(account, 'email', 'serviceAccount:')],
        }),
      );
    }
  }
  return tasks;
}
