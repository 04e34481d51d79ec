import type { AddonCluster } from '../types.js';

/** NVIDIA device plugin and the nvidia RuntimeClass for GPU nodes (labelled kops.k8s.io/gpu). */
export function nvidia(cluster: AddonCluster): string {
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
            - ALL
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
`;
}
