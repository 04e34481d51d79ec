import type { Task } from '../tasks.js';
import type { BuildContext } from './context.js';
import { kubeconfigTasks } from './kubeconfig.js';

/** Control planes get kubectl and an admin kubeconfig for operators logged in on the host. */
export function kubectlTasks(ctx: BuildContext): Task[] {
  if (ctx.role === 'Node') return [];
  const binDir = ctx.host.distribution === 'flatcar' ? '/opt/kops/bin' : '/usr/local/bin';
  const tasks: Task[] = [];
  const asset = ctx.assets.kubectl;
  if (asset) tasks.push({ kind: 'File', path: `${binDir}/kubectl`, type: 'file', mode: '0755', contents: { asset: { key: 'kubectl', path: asset } } });
  tasks.push(...kubeconfigTasks(ctx, { name: 'kubecfg', commonName: 'kubecfg', organization: ['system:masters'] }, 'https://127.0.0.1', '/var/lib/kubectl/kubeconfig'));
  return tasks;
}
