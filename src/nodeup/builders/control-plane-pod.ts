import { toGoYaml } from '../../apis/go/yaml.js';
import { hostMounts, type HostMount } from './component-flags.js';

type Data = Record<string, unknown>;

export interface ControlPlanePod {
  /** The component: pod, container and `k8s-app` label name, and its binary under /usr/local/bin. */
  name: string;
  /** The host file go-runner copies the component's output to. */
  logFile: string;
  flags: string[];
  /** The container's other fields (image, probes, resources, env, ports). */
  container: Data;
  mounts: HostMount[];
  annotations?: Data;
}

/**
 * The static pod of a control-plane component in kube-system: run through go-runner on the host network, with
 * cluster-critical priority, tolerating CriticalAddonsOnly, and the host paths it reads mounted.
 */
export function controlPlanePodManifest(pod: ControlPlanePod): string {
  const { volumeMounts, volumes } = hostMounts(pod.mounts);
  return toGoYaml({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { annotations: pod.annotations, labels: { 'k8s-app': pod.name }, name: pod.name, namespace: 'kube-system' },
    spec: {
      containers: [
        {
          ...pod.container,
          args: [`--log-file=${pod.logFile}`, '--also-stdout', `/usr/local/bin/${pod.name}`, ...pod.flags],
          command: ['/go-runner'],
          name: pod.name,
          volumeMounts,
        },
      ],
      hostNetwork: true,
      priorityClassName: 'system-cluster-critical',
      tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }],
      volumes,
    },
    status: {},
  });
}
