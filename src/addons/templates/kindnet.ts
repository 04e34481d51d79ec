import type { AddonCluster } from '../types.js';

/** kindnet CNI: simple routed pod networking (IPv4 or IPv6) with optional masquerading. */
export function kindnet(cluster: AddonCluster): string {
  const kindnetSpec = cluster.spec.networking?.kindnet ?? {};
  const masquerade = kindnetSpec.masquerade ?? {};
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    role.kubernetes.io/networking: "1"
  name: kindnet
rules:
- apiGroups:
  - ""
  resources:
  - nodes
  verbs:
  - list
  - watch
  - patch
- apiGroups:
  - ""
  resources:
  - nodes/proxy
  - nodes/configz
  verbs:
  - get
- apiGroups:
  - ""
  resources:
  - configmaps
  verbs:
  - get
- apiGroups:
  - ""
  resources:
  - pods
  - namespaces
  verbs:
  - list
  - watch
- apiGroups:
  - networking.k8s.io
  resources:
  - networkpolicies
  verbs:
  - list
  - watch

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    role.kubernetes.io/networking: "1"
  name: kindnet
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: kindnet
subjects:
- kind: ServiceAccount
  name: kindnet
  namespace: kube-system

---

apiVersion: v1
kind: ServiceAccount
metadata:
  labels:
    role.kubernetes.io/networking: "1"
  name: kindnet
  namespace: kube-system

---

apiVersion: apps/v1
kind: DaemonSet
metadata:
  labels:
    app: kindnet
    k8s-app: kindnet
    role.kubernetes.io/networking: "1"
    tier: node
  name: kindnet
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: kindnet
  template:
    metadata:
      labels:
        app: kindnet
        k8s-app: kindnet
        kops.k8s.io/managed-by: kops
        tier: node
    spec:
      containers:
      - command:
        - /bin/kindnetd
        - --hostname-override=$(NODE_NAME)
        - --v=${kindnetSpec.logLevel ?? 2}
        - --dns-caching=${kindnetSpec.dnsCaching === true}
        - --nat64=${kindnetSpec.nat64 === true}
        - --fastpath-threshold=${kindnetSpec.fastPathThreshold ?? 0}
        - --masquerading=${masquerade.enabled === true}
${masquerade.enabled && masquerade.nonMasqueradeCIDRs?.length ? `        - --no-masquerade-cidr=${masquerade.nonMasqueradeCIDRs.join(',')}\n` : ''}        env:
        - name: HOST_IP
          valueFrom:
            fieldRef:
              fieldPath: status.hostIP
        - name: POD_IP
          valueFrom:
            fieldRef:
              fieldPath: status.podIP
        - name: NODE_NAME
          valueFrom:
            fieldRef:
              fieldPath: spec.nodeName
        image: registry.k8s.io/networking/kindnet:${kindnetSpec.version}
        name: kindnet-cni
        resources:
          requests:
            cpu: 100m
            memory: 50Mi
        securityContext:
          privileged: true
        volumeMounts:
        - mountPath: /etc/cni/net.d
          name: cni-cfg
        - mountPath: /var/lib/cni-kindnet
          name: var-lib-kindnet
        - mountPath: /var/run/nri
          name: nri-plugin
      hostNetwork: true
      initContainers:
      - command:
        - sh
        - -c
        - cat /opt/cni/bin/cni-kindnet > /cni/cni-kindnet ; chmod +x /cni/cni-kindnet
        image: registry.k8s.io/networking/kindnet:${kindnetSpec.version}
        name: install-cni-bin
        volumeMounts:
        - mountPath: /cni
          name: cni-bin
      serviceAccountName: kindnet
      tolerations:
      - effect: NoSchedule
        operator: Exists
      volumes:
      - hostPath:
          path: /opt/cni/bin
          type: DirectoryOrCreate
        name: cni-bin
      - hostPath:
          path: /etc/cni/net.d
          type: DirectoryOrCreate
        name: cni-cfg
      - hostPath:
          path: /var/lib/cni-kindnet
          type: DirectoryOrCreate
        name: var-lib-kindnet
      - hostPath:
          path: /var/run/nri
        name: nri-plugin
`;
}
