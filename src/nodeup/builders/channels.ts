import type { Task } from '../tasks.js';
import type { BuildContext } from './context.js';
import { kubeconfigTasks } from './kubeconfig.js';

const CHANNELS_UID = 10013;

/** Control planes run `channels` (which applies the add-ons) as a static pod under its own user and kubeconfig. */
export function channelsTasks(ctx: BuildContext): Task[] {
  const url = ctx.config.channelsManifest;
  if (ctx.role !== 'ControlPlane' || !url) return [];
  const manifest = ctx.remote.get(url);
  const tasks: Task[] = [
    { kind: 'UserTask', name: 'kops-channels', uid: CHANNELS_UID, shell: '/sbin/nologin', home: '/var/lib/kops' },
    ...kubeconfigTasks(ctx, { name: 'kops', commonName: 'kops', organization: ['system:masters'] }, 'https://127.0.0.1', '/var/lib/kops/kubeconfig', { owner: 'kops-channels' }),
  ];
  if (manifest !== undefined) tasks.push({ kind: 'File', path: '/etc/kubernetes/manifests/kops-channels.manifest', type: 'file', contents: manifest });
  return tasks;
}
