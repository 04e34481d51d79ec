/** kope.io networking agent (routes between nodes, kubenet on the nodes). */
export function kopeio(): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  labels:
    k8s-addon: networking.kope.io
    role.kubernetes.io/networking: "1"
  name: kopeio-networking-agent
  namespace: kube-system
spec:
  selector:
    matchLabels:
      name: kopeio-networking-agent
  template:
    metadata:
      labels:
        kops.k8s.io/managed-by: kops
        name: kopeio-networking-agent
    spec:
      containers:
      - env:
        - name: NODE_NAME
          valueFrom:
            fieldRef:
              fieldPath: spec.nodeName
        image: kopeio/networking-agent:1.0.20181028
        name: networking-agent
        resources:
          limits:
            memory: 100Mi
          requests:
            cpu: 50m
            memory: 100Mi
        securityContext:
          privileged: true
        volumeMounts:
        - mountPath: /lib/modules
          name: lib-modules
          readOnly: true
      hostIPC: true
      hostNetwork: true
      hostPID: true
      priorityClassName: system-node-critical
      serviceAccountName: kopeio-networking-agent
      tolerations:
      - effect: NoSchedule
        operator: Exists
      - effect: NoExecute
        operator: Exists
      volumes:
      - hostPath:
          path: /lib/modules
        name: lib-modules

---

apiVersion: v1
kind: ServiceAccount
metadata:
  labels:
    k8s-addon: networking.kope.io
    role.kubernetes.io/networking: "1"
  name: kopeio-networking-agent
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    k8s-addon: networking.kope.io
    role.kubernetes.io/networking: "1"
  name: kopeio:networking-agent
rules:
- apiGroups:
  - ""
  resources:
  - nodes
  verbs:
  - get
  - list
  - watch
  - patch
- apiGroups:
  - ""
  resources:
  - nodes/status
  verbs:
  - patch

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    k8s-addon: networking.kope.io
    role.kubernetes.io/networking: "1"
  name: kopeio:networking-agent
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: kopeio:networking-agent
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: system:serviceaccount:kube-system:kopeio-networking-agent
`;
}
