import { buildFlags, byteOrder } from '../../apis/component-flags.js';
import { toGoYaml } from '../../apis/go/yaml.js';
import type { Task } from '../tasks.js';
import { imageForArchitecture } from './component-flags.js';
import { apiServerURL, type BuildContext } from './context.js';
import { kubeconfigTasks } from './kubeconfig.js';

type Data = Record<string, unknown>;

const KUBECONFIG_DIR = '/var/lib/kube-proxy';
const LOG_FILE = '/var/log/kube-proxy.log';

/** kube-proxy as a static pod, with its client certificate and kubeconfig; none when the cluster disables it. */
export function kubeProxyTasks(ctx: BuildContext): Task[] {
  const proxy = ctx.config.KubeProxy;
  if (!proxy || proxy.enabled === false) return [];
  const server = apiServerURL(ctx);
  return [
    { kind: 'File', path: '/etc/kubernetes/manifests/kube-proxy.manifest', type: 'file', contents: manifest(proxy, proxyMaster(ctx), ctx.host.architecture) },
    ...kubeconfigTasks(ctx, { name: 'kube-proxy', commonName: 'system:kube-proxy' }, server, `${KUBECONFIG_DIR}/kubeconfig`, { beforeServices: ['kubelet.service'] }),
    { kind: 'File', path: LOG_FILE, type: 'file', contents: '', mode: '0400', ifNotExists: true },
  ];
}

/** Control planes point kube-proxy at their local API server (no wait on DNS); other nodes at the internal name. */
function proxyMaster(ctx: BuildContext): string {
  return ctx.role === 'ControlPlane' ? 'https://127.0.0.1' : `https://api.internal.${ctx.config.ClusterName}`;
}

function manifest(proxy: Data, master: string, architecture: string): string {
  const config: Data = { ...proxy, master: proxy.master || master, conntrackMaxPerCore: proxy.conntrackMaxPerCore ?? 131072 };
  const flags = [...buildFlags('KubeProxyConfig', config), `--kubeconfig=${KUBECONFIG_DIR}/kubeconfig`, '--oom-score-adj=-998'].sort(byteOrder);
  const requests: Data = {};
  if (proxy.cpuRequest) requests.cpu = proxy.cpuRequest;
  if (proxy.memoryRequest) requests.memory = proxy.memoryRequest;
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels: { 'k8s-app': 'kube-proxy', 'kubernetes.io/managed-by': 'nodeup', tier: 'node' }, name: 'kube-proxy', namespace: 'kube-system' },
    spec: {
      containers: [
        {
          args: [`--log-file=${LOG_FILE}`, '--also-stdout', '/usr/local/bin/kube-proxy', ...flags],
          command: ['/go-runner'],
          image: imageForArchitecture(proxy.image, architecture),
          name: 'kube-proxy',
          resources: { requests },
          securityContext: { privileged: true },
          volumeMounts: [
            { mountPath: LOG_FILE, name: 'logfile' },
            { mountPath: KUBECONFIG_DIR, name: 'kubeconfig', readOnly: true },
            { mountPath: '/lib/modules', name: 'modules', readOnly: true },
            { mountPath: '/etc/ssl/certs', name: 'ssl-certs-hosts', readOnly: true },
            { mountPath: '/run/xtables.lock', name: 'iptableslock' },
          ],
        },
      ],
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }],
      volumes: [
        { hostPath: { path: LOG_FILE }, name: 'logfile' },
        { hostPath: { path: KUBECONFIG_DIR }, name: 'kubeconfig' },
        { hostPath: { path: '/lib/modules' }, name: 'modules' },
        { hostPath: { path: '/usr/share/ca-certificates' }, name: 'ssl-certs-hosts' },
        { hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' }, name: 'iptableslock' },
      ],
    },
    status: {},
  };
  return toGoYaml(pod);
}
