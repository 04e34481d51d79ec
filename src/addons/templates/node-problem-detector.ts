import type { AddonCluster } from '../types.js';

/** node-problem-detector DaemonSet, reporting kernel and runtime problems as node conditions and events. */
export function nodeProblemDetector(cluster: AddonCluster): string {
  const npd = cluster.spec.nodeProblemDetector ?? {};
  return `apiVersion: v1
kind: ServiceAccount
metadata:
  labels:
    app: node-problem-detector
    k8s-addon: node-problem-detector.addons.k8s.io
  name: node-problem-detector
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    app: node-problem-detector
    k8s-addon: node-problem-detector.addons.k8s.io
  name: node-problem-detector
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:node-problem-detector
subjects:
- kind: ServiceAccount
  name: node-problem-detector
  namespace: kube-system

---

apiVersion: apps/v1
kind: DaemonSet
metadata:
  labels:
    app: node-problem-detector
    k8s-addon: node-problem-detector.addons.k8s.io
  name: node-problem-detector
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: node-problem-detector
  template:
    metadata:
      labels:
        app: node-problem-detector
        kops.k8s.io/managed-by: kops
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: kubernetes.io/os
                operator: In
                values:
                - linux
      containers:
      - command:
        - /node-problem-detector
        - --logtostderr
        - --config.system-log-monitor=/config/kernel-monitor.json,/config/systemd-monitor.json
        - --config.custom-plugin-monitor=/config/kernel-monitor-counter.json,/config/systemd-monitor-counter.json
        - --config.system-stats-monitor=/config/system-stats-monitor.json
        env:
        - name: NODE_NAME
          valueFrom:
            fieldRef:
              fieldPath: spec.nodeName
        image: ${npd.image}
        name: node-problem-detector
        resources:
          limits:
${npd.cpuLimit ? `            cpu: ${npd.cpuLimit}\n` : ''}            memory: ${npd.memoryLimit ?? '100Mi'}
          requests:
            cpu: ${npd.cpuRequest ?? '20m'}
            memory: ${npd.memoryRequest ?? '100Mi'}
        securityContext:
          privileged: true
        volumeMounts:
        - mountPath: /var/log
          name: log
          readOnly: true
        - mountPath: /dev/kmsg
          name: kmsg
          readOnly: true
        - mountPath: /etc/localtime
          name: localtime
          readOnly: true
        - mountPath: /etc/machine-id
          name: machine-id
          readOnly: true
        - mountPath: /run/systemd/system
          name: systemd
        - mountPath: /var/run/dbus/
          mountPropagation: Bidirectional
          name: dbus
      priorityClassName: system-node-critical
      serviceAccountName: node-problem-detector
      tolerations:
      - effect: NoExecute
        operator: Exists
      - effect: NoSchedule
        operator: Exists
      - key: CriticalAddonsOnly
        operator: Exists
      volumes:
      - hostPath:
          path: /var/log/
        name: log
      - hostPath:
          path: /dev/kmsg
        name: kmsg
      - hostPath:
          path: /etc/localtime
          type: FileOrCreate
        name: localtime
      - hostPath:
          path: /etc/machine-id
          type: File
        name: machine-id
      - hostPath:
          path: /run/systemd/system/
          type: ""
        name: systemd
      - hostPath:
          path: /var/run/dbus/
          type: ""
        name: dbus
`;
}
