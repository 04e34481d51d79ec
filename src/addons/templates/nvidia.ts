import { containerdSELinuxEnabled } from '../template-helpers.js';
import type { AddonCluster } from '../types.js';
import { DCGM_EXPORTER_HEAD, DCGM_EXPORTER_SELINUX, DCGM_EXPORTER_TAIL } from './dcgm-exporter.template.js';

const SELINUX_OPTIONS = '\n          seLinuxOptions:\n            level: s0\n            type: spc_t';

/**
 * NVIDIA device plugin and the nvidia RuntimeClass for GPU nodes (labelled kops.k8s.io/gpu), and the DCGM exporter
 * when the cluster's nvidiaGPU.dcgmExporter is on (a group's own setting is not read, as in kops).
 */
export function nvidia(cluster: AddonCluster): string {
  const seLinux = containerdSELinuxEnabled(cluster);
  const dcgm = cluster.spec.containerd?.nvidiaGPU?.dcgmExporter?.enabled === true;
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  labels:
    k8s-addon: nvidia.addons.k8s.io
  name: nvidia-device-plugin-daemonset
  namespace: kube-system
spec:
  selector:
    matchLabels:
      name: nvidia-device-plugin-ds
  template:
    metadata:
      labels:
        kops.k8s.io/managed-by: kops
        name: nvidia-device-plugin-ds
    spec:
      containers:
      - args:
        - --fail-on-init-error=false
        image: ${cluster.spec.containerd?.nvidiaGPU?.image}
        name: nvidia-device-plugin-ctr
        securityContext:
          allowPrivilegeEscalation: false
          capabilities:
            drop:
            - ALL${seLinux ? SELINUX_OPTIONS : ''}
        volumeMounts:
        - mountPath: /var/lib/kubelet/device-plugins
          name: device-plugin
      nodeSelector:
        kops.k8s.io/gpu: "1"
      priorityClassName: system-node-critical
      runtimeClassName: nvidia
      tolerations:
      - effect: NoSchedule
        key: nvidia.com/gpu
        operator: Exists
      volumes:
      - hostPath:
          path: /var/lib/kubelet/device-plugins
        name: device-plugin
  updateStrategy:
    type: RollingUpdate

---

apiVersion: node.k8s.io/v1
handler: nvidia
kind: RuntimeClass
metadata:
  labels:
    k8s-addon: nvidia.addons.k8s.io
  name: nvidia
scheduling:
  nodeSelector:
    kops.k8s.io/gpu: "1"
  tolerations:
  - effect: NoSchedule
    key: nvidia.com/gpu
    operator: Exists
${dcgm ? `${DCGM_EXPORTER_HEAD}${seLinux ? DCGM_EXPORTER_SELINUX : ''}${DCGM_EXPORTER_TAIL}` : ''}`;
}
