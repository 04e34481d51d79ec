import { toGoYaml } from '../../apis/go/yaml.js';
import type { FileTask, IssueCertTask, Task } from '../tasks.js';
import { kubernetesCAId, type BuildContext } from './context.js';

const DIR = '/etc/kubernetes/kops-controller';
const USER = 'kops-controller';
const KOPS_CONTROLLER_UID = 10011;

/**
 * kops-controller runs on control planes and signs node certificates: it gets its own serving certificate, the
 * kubernetes CA's certificate and key from the keystore, and the keypair ids nodes may ask for.
 */
export function kopsControllerTasks(ctx: BuildContext): Task[] {
  if (ctx.role !== 'ControlPlane') return [];
  const owned = (path: string, mode: string, contents: FileTask['contents']): FileTask => ({ kind: 'File', path, type: 'file', mode, owner: USER, contents });
  const serving: IssueCertTask = {
    kind: 'IssueCert',
    name: 'kops-controller',
    signer: 'kubernetes-ca',
    keypairID: kubernetesCAId(ctx),
    type: 'server',
    subject: { CommonName: 'kops-controller' },
    alternateNames: [`kops-controller.internal.${ctx.config.ClusterName}`],
  };
  const tasks: Task[] = [
    { kind: 'File', path: DIR, type: 'directory', mode: '0755' },
    owned(`${DIR}/keypair-ids.yaml`, '0600', toGoYaml(ctx.config.KeypairIDs ?? {})),
    serving,
    owned(`${DIR}/kops-controller.crt`, '0644', { certificate: serving, part: 'cert' }),
    owned(`${DIR}/kops-controller.key`, '0600', { certificate: serving, part: 'key' }),
    { kind: 'UserTask', name: USER, uid: KOPS_CONTROLLER_UID, shell: '/sbin/nologin', home: '' },
  ];
  const ca = ctx.keypairs?.get('kubernetes-ca');
  if (ca) tasks.push(owned(`${DIR}/kubernetes-ca.crt`, '0600', ca.certificate), owned(`${DIR}/kubernetes-ca.key`, '0600', ca.privateKey));
  return tasks;
}
