import { buildFlags, byteOrder } from '../../apis/component-flags.js';
import type { IssueCertTask, Task } from '../tasks.js';
import { imageForArchitecture } from './component-flags.js';
import { controlPlanePodManifest } from './control-plane-pod.js';
import { kubernetesCAId, type BuildContext } from './context.js';
import { kubeconfigTasks } from './kubeconfig.js';

type Data = Record<string, unknown>;

export const KUBE_SCHEDULER_CONFIG = '/var/lib/kube-scheduler/config.yaml';
const STATE_DIR = '/var/lib/kube-scheduler';
const SERVING_DIR = '/srv/kubernetes/kube-scheduler';
const LOG_FILE = '/var/log/kube-scheduler.log';

/** kube-scheduler as a static pod on control planes: its config, client kubeconfig and serving certificate. */
export function kubeSchedulerTasks(ctx: BuildContext): Task[] {
  if (ctx.role !== 'ControlPlane') return [];
  const scheduler = (ctx.config.ControlPlaneConfig?.KubeScheduler ?? {}) as Data;
  const config = (ctx.config.FileAssets ?? []).find((a) => a.path === KUBE_SCHEDULER_CONFIG);
  const tasks: Task[] = [
    { kind: 'File', path: '/etc/kubernetes/manifests/kube-scheduler.manifest', type: 'file', contents: manifest(scheduler, ctx.host.architecture) },
    { kind: 'File', path: SERVING_DIR, type: 'directory', mode: '0755' },
  ];
  if (ownServingCertificate(scheduler)) {
    const serving: IssueCertTask = {
      kind: 'IssueCert',
      name: 'kube-scheduler-server',
      signer: 'kubernetes-ca',
      keypairID: kubernetesCAId(ctx),
      type: 'server',
      subject: { CommonName: 'kube-scheduler' },
      alternateNames: [`kube-scheduler.kube-system.svc.${String(ctx.config.APIServerConfig?.ClusterDNSDomain ?? '')}`],
    };
    tasks.push(
      serving,
      { kind: 'File', path: `${SERVING_DIR}/server.crt`, type: 'file', mode: '0644', contents: { certificate: serving, part: 'cert' } },
      { kind: 'File', path: `${SERVING_DIR}/server.key`, type: 'file', mode: '0600', contents: { certificate: serving, part: 'key' } },
    );
  }
  tasks.push(
    ...kubeconfigTasks(ctx, { name: 'kube-scheduler', commonName: 'system:kube-scheduler' }, 'https://127.0.0.1', `${STATE_DIR}/kubeconfig`),
    { kind: 'File', path: LOG_FILE, type: 'file', contents: '', mode: '0400', ifNotExists: true },
  );
  if (config) tasks.push({ kind: 'File', path: KUBE_SCHEDULER_CONFIG, type: 'file', mode: '0400', contents: String(config.content ?? '') });
  return tasks;
}

/** kops issues the serving certificate unless the spec names one. */
function ownServingCertificate(scheduler: Data): boolean {
  return scheduler.tlsCertFile === undefined || scheduler.tlsCertFile === null;
}

function manifest(scheduler: Data, architecture: string): string {
  const config: Data = { ...scheduler };
  if (ownServingCertificate(scheduler)) Object.assign(config, { tlsCertFile: `${SERVING_DIR}/server.crt`, tlsPrivateKeyFile: `${SERVING_DIR}/server.key` });
  const flags = [
    ...buildFlags('KubeSchedulerConfig', config),
    `--config=${KUBE_SCHEDULER_CONFIG}`,
    '--authentication-tolerate-lookup-failure=false',
    '--authentication-skip-lookup=false',
    `--authentication-kubeconfig=${STATE_DIR}/kubeconfig`,
    `--authorization-kubeconfig=${STATE_DIR}/kubeconfig`,
  ].sort(byteOrder);
  const requests: Data = { cpu: scheduler.cpuRequest ?? '100m' };
  if (scheduler.memoryRequest) requests.memory = scheduler.memoryRequest;
  return controlPlanePodManifest({
    name: 'kube-scheduler',
    logFile: LOG_FILE,
    flags,
    container: {
      // The scheduler reads its cap on attachable volumes per node from the environment.
      ...(scheduler.maxPersistentVolumes == null ? {} : { env: [{ name: 'KUBE_MAX_PD_VOLS', value: String(scheduler.maxPersistentVolumes) }] }),
      image: imageForArchitecture(scheduler.image, architecture),
      livenessProbe: { httpGet: { host: '127.0.0.1', path: '/healthz', port: 10259, scheme: 'HTTPS' }, initialDelaySeconds: 15, timeoutSeconds: 15 },
      resources: { requests },
    },
    mounts: [
      { name: 'varlibkubescheduler', path: STATE_DIR, readOnly: true },
      { name: 'srvscheduler', path: SERVING_DIR, readOnly: true },
      { name: 'logfile', path: LOG_FILE },
    ],
  });
}
