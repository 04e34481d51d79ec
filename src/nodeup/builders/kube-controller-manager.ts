import { buildFlags, byteOrder } from '../../apis/component-flags.js';
import type { IssueCertTask, Task } from '../tasks.js';
import { imageForArchitecture, sslMounts } from './component-flags.js';
import { controlPlanePodManifest } from './control-plane-pod.js';
import { KUBERNETES_CA_BUNDLE, kubernetesCAId, type BuildContext } from './context.js';
import { kubeconfigTasks } from './kubeconfig.js';

type Data = Record<string, unknown>;

const DIR = '/srv/kubernetes/kube-controller-manager';
const STATE_DIR = '/var/lib/kube-controller-manager';
const LOG_FILE = '/var/log/kube-controller-manager.log';

/**
 * kube-controller-manager as a static pod on control planes: it signs kubelet certificates with the cluster CA and
 * service-account tokens with the service-account key, both from the keystore.
 */
export function kubeControllerManagerTasks(ctx: BuildContext): Task[] {
  if (ctx.role !== 'ControlPlane') return [];
  const spec = (ctx.config.ControlPlaneConfig?.KubeControllerManager ?? {}) as Data;
  const pluginDir = volumePluginDir(ctx);
  const tasks: Task[] = [
    { kind: 'File', path: '/etc/kubernetes/manifests/kube-controller-manager.manifest', type: 'file', contents: manifest(spec, pluginDir, ctx.host.architecture) },
    { kind: 'File', path: DIR, type: 'directory', mode: '0755' },
  ];
  if (ownServingCertificate(spec)) {
    const serving: IssueCertTask = {
      kind: 'IssueCert',
      name: 'kube-controller-manager-server',
      signer: 'kubernetes-ca',
      keypairID: kubernetesCAId(ctx),
      type: 'server',
      subject: { CommonName: 'kube-controller-manager' },
      alternateNames: [`kube-controller-manager.kube-system.svc.${String(ctx.config.APIServerConfig?.ClusterDNSDomain ?? '')}`],
    };
    tasks.push(
      serving,
      { kind: 'File', path: `${DIR}/server.crt`, type: 'file', mode: '0644', contents: { certificate: serving, part: 'cert' } },
      { kind: 'File', path: `${DIR}/server.key`, type: 'file', mode: '0600', contents: { certificate: serving, part: 'key' } },
    );
  }
  tasks.push(
    ...kubeconfigTasks(ctx, { name: 'kube-controller-manager', commonName: 'system:kube-controller-manager' }, 'https://127.0.0.1', `${STATE_DIR}/kubeconfig`),
    { kind: 'File', path: LOG_FILE, type: 'file', contents: '', mode: '0400', ifNotExists: true },
  );
  const ca = ctx.keypairs?.get('kubernetes-ca');
  if (ca) {
    tasks.push(
      { kind: 'File', path: `${DIR}/ca.crt`, type: 'file', mode: '0600', contents: ca.certificate },
      { kind: 'File', path: `${DIR}/ca.key`, type: 'file', mode: '0600', contents: ca.privateKey },
    );
  }
  const serviceAccount = ctx.keypairs?.get('service-account');
  if (serviceAccount) tasks.push({ kind: 'File', path: `${DIR}/service-account.key`, type: 'file', mode: '0600', contents: serviceAccount.privateKey });
  return tasks;
}

/** The spec's flags with the paths of the files written here, then the kubeconfig, signing and plugin flags. */
function flags(spec: Data, volumePluginDir: string): string[] {
  const config: Data = {
    ...spec,
    rootCAFile: KUBERNETES_CA_BUNDLE,
    serviceAccountPrivateKeyFile: `${DIR}/service-account.key`,
  };
  if (ownServingCertificate(spec)) Object.assign(config, { tlsCertFile: `${DIR}/server.crt`, tlsPrivateKeyFile: `${DIR}/server.key` });
  return [
    ...buildFlags('KubeControllerManagerConfig', config),
    ...['', 'authentication-', 'authorization-'].map((prefix) => `--${prefix}kubeconfig=${STATE_DIR}/kubeconfig`),
    `--cluster-signing-cert-file=${DIR}/ca.crt`,
    `--cluster-signing-key-file=${DIR}/ca.key`,
    `--flex-volume-plugin-dir=${volumePluginDir}`,
  ].sort(byteOrder);
}

/** kops issues the serving certificate unless the spec names one. */
function ownServingCertificate(spec: Data): boolean {
  return spec.tlsCertFile === undefined || spec.tlsCertFile === null;
}

/** The kubelet's volume plugin directory, or the distribution's default, mounted at the same path. */
function volumePluginDir(ctx: BuildContext): string {
  const configured = ctx.config.KubeletConfig.volumePluginDirectory;
  if (configured) return String(configured);
  if (ctx.host.distribution === 'flatcar') return '/var/lib/kubelet/volumeplugins/';
  return '/usr/libexec/kubernetes/kubelet-plugins/volume/exec/';
}

function manifest(spec: Data, pluginDir: string, architecture: string): string {
  const requests: Data = { cpu: spec.cpuRequest ?? '100m' };
  if (spec.memoryRequest) requests.memory = spec.memoryRequest;
  return controlPlanePodManifest({
    name: 'kube-controller-manager',
    logFile: LOG_FILE,
    flags: flags(spec, pluginDir),
    container: {
      image: imageForArchitecture(spec.image, architecture),
      livenessProbe: { httpGet: { host: '127.0.0.1', path: '/healthz', port: 10257, scheme: 'HTTPS' }, initialDelaySeconds: 15, timeoutSeconds: 15 },
      resources: { requests },
    },
    mounts: [
      { name: 'logfile', path: LOG_FILE },
      ...sslMounts(),
      { name: 'cabundle', path: KUBERNETES_CA_BUNDLE, readOnly: true },
      { name: 'srvkcm', path: DIR, readOnly: true },
      { name: 'varlibkcm', path: STATE_DIR, readOnly: true },
      { name: 'volplugins', path: pluginDir },
    ],
  });
}
