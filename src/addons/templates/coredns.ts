import type { AddonCluster } from '../types.js';

/** CoreDNS (cluster DNS) with its proportional autoscaler. */
export function coredns(cluster: AddonCluster): string {
  const dns = cluster.spec.kubeDNS ?? {};
  const ipv6 = String(cluster.spec.nonMasqueradeCIDR ?? "").includes(":");
  const noneDNS = cluster.spec.topology?.dns?.type === "None";
  // With Karpenter, CoreDNS may also run on the control plane (nodes come and go).
  const karpenter = cluster.spec.karpenter?.enabled === true;
  const upstream = ipv6 ? "fd00:ec2::253" : "/etc/resolv.conf";
  const hostsPlugin = noneDNS ? `        hosts /rootfs/etc/hosts ${cluster.metadata.name} {\n          ttl 30\n          fallthrough\n        }\n` : "";
  return `apiVersion: v1
kind: ServiceAccount
metadata:
  labels:
    k8s-addon: coredns.addons.k8s.io
    kubernetes.io/cluster-service: "true"
  name: coredns
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    k8s-addon: coredns.addons.k8s.io
    kubernetes.io/bootstrapping: rbac-defaults
  name: system:coredns
rules:
- apiGroups:
  - ""
  resources:
  - endpoints
  - services
  - pods
  - namespaces
  verbs:
  - list
  - watch
- apiGroups:
  - discovery.k8s.io
  resources:
  - endpointslices
  verbs:
  - list
  - watch

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  annotations:
    rbac.authorization.kubernetes.io/autoupdate: "true"
  labels:
    k8s-addon: coredns.addons.k8s.io
    kubernetes.io/bootstrapping: rbac-defaults
  name: system:coredns
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:coredns
subjects:
- kind: ServiceAccount
  name: coredns
  namespace: kube-system

---

apiVersion: v1
data:
  Corefile: |-
    .:53 {
        errors
        health {
          lameduck 10s
        }
        ready
        kubernetes ${dns.domain}. in-addr.arpa ip6.arpa {
          pods insecure
          fallthrough in-addr.arpa ip6.arpa
          ttl 30
        }
${hostsPlugin}        prometheus :9153
        forward . ${upstream} {
          max_concurrent 1000
        }
        cache 30
        loop
        reload
        loadbalance
${ipv6 ? "        dns64\n" : ""}    }
kind: ConfigMap
metadata:
  labels:
    addonmanager.kubernetes.io/mode: EnsureExists
    k8s-addon: coredns.addons.k8s.io
  name: coredns
  namespace: kube-system

---

apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    k8s-addon: coredns.addons.k8s.io
    k8s-app: kube-dns
    kubernetes.io/cluster-service: "true"
    kubernetes.io/name: CoreDNS
  name: coredns
  namespace: kube-system
spec:
  selector:
    matchLabels:
      k8s-app: kube-dns
  strategy:
    rollingUpdate:
      maxSurge: 10%
      maxUnavailable: 1
    type: RollingUpdate
  template:
    metadata:
      labels:
        k8s-app: kube-dns
        kops.k8s.io/managed-by: kops
    spec:
      containers:
      - args:
        - -conf
        - /etc/coredns/Corefile
        image: registry.k8s.io/coredns/coredns:v1.14.2
        imagePullPolicy: IfNotPresent
        livenessProbe:
          failureThreshold: 5
          httpGet:
            path: /health
            port: 8080
            scheme: HTTP
          initialDelaySeconds: 60
          successThreshold: 1
          timeoutSeconds: 5
        name: coredns
        ports:
        - containerPort: 53
          name: dns
          protocol: UDP
        - containerPort: 53
          name: dns-tcp
          protocol: TCP
        - containerPort: 9153
          name: metrics
          protocol: TCP
        readinessProbe:
          failureThreshold: 1
          httpGet:
            path: /ready
            port: 8181
            scheme: HTTP
          periodSeconds: 5
          timeoutSeconds: 5
        resources:
          limits:
            memory: ${dns.memoryLimit}
          requests:
            cpu: ${dns.cpuRequest}
            memory: ${dns.memoryRequest}
        securityContext:
          allowPrivilegeEscalation: false
          capabilities:
            add:
            - NET_BIND_SERVICE
            drop:
            - all
          readOnlyRootFilesystem: true
        volumeMounts:
        - mountPath: /etc/coredns
          name: config-volume
          readOnly: true
${noneDNS ? '        - mountPath: /rootfs/etc/hosts\n          name: etc-hosts\n          readOnly: true\n' : ''}      dnsPolicy: Default
      nodeSelector:
        kubernetes.io/os: linux
      priorityClassName: system-cluster-critical
      serviceAccountName: coredns
      tolerations:
      - key: CriticalAddonsOnly
        operator: Exists
${karpenter ? '      - key: node-role.kubernetes.io/master\n        operator: Exists\n      - key: node-role.kubernetes.io/control-plane\n        operator: Exists\n' : ''}      topologySpreadConstraints:
      - labelSelector:
          matchLabels:
            k8s-app: kube-dns
        maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: ScheduleAnyway
      - labelSelector:
          matchLabels:
            k8s-app: kube-dns
        maxSkew: 1
        nodeTaintsPolicy: Honor
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: DoNotSchedule
      volumes:
      - configMap:
          name: coredns
        name: config-volume
${noneDNS ? '      - hostPath:\n          path: /etc/hosts\n          type: File\n        name: etc-hosts\n' : ''}
---

apiVersion: v1
kind: Service
metadata:
  annotations:
    prometheus.io/port: "9153"
    prometheus.io/scrape: "true"
  labels:
    k8s-addon: coredns.addons.k8s.io
    k8s-app: kube-dns
    kubernetes.io/cluster-service: "true"
    kubernetes.io/name: CoreDNS
  name: kube-dns
  namespace: kube-system
  resourceVersion: "0"
spec:
  clusterIP: ${dns.serverIP}
  ports:
  - name: dns
    port: 53
    protocol: UDP
  - name: dns-tcp
    port: 53
    protocol: TCP
  - name: metrics
    port: 9153
    protocol: TCP
  selector:
    k8s-app: kube-dns

---

apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  labels:
    k8s-addon: coredns.addons.k8s.io
  name: kube-dns
  namespace: kube-system
spec:
  maxUnavailable: 33%
  selector:
    matchLabels:
      k8s-app: kube-dns
  unhealthyPodEvictionPolicy: AlwaysAllow

---

apiVersion: v1
kind: ServiceAccount
metadata:
  labels:
    k8s-addon: coredns.addons.k8s.io
  name: coredns-autoscaler
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    k8s-addon: coredns.addons.k8s.io
  name: coredns-autoscaler
rules:
- apiGroups:
  - ""
  resources:
  - nodes
  verbs:
  - list
  - watch
- apiGroups:
  - ""
  resources:
  - replicationcontrollers/scale
  verbs:
  - get
  - update
- apiGroups:
  - extensions
  - apps
  resources:
  - deployments/scale
  - replicasets/scale
  verbs:
  - get
  - update
- apiGroups:
  - ""
  resources:
  - configmaps
  verbs:
  - get
  - create

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    k8s-addon: coredns.addons.k8s.io
  name: coredns-autoscaler
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: coredns-autoscaler
subjects:
- kind: ServiceAccount
  name: coredns-autoscaler
  namespace: kube-system

---

apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    k8s-addon: coredns.addons.k8s.io
    k8s-app: coredns-autoscaler
    kubernetes.io/cluster-service: "true"
  name: coredns-autoscaler
  namespace: kube-system
spec:
  selector:
    matchLabels:
      k8s-app: coredns-autoscaler
  template:
    metadata:
      labels:
        k8s-app: coredns-autoscaler
        kops.k8s.io/managed-by: kops
    spec:
      containers:
      - command:
        - /cluster-proportional-autoscaler
        - --namespace=kube-system
        - --configmap=coredns-autoscaler
        - --target=Deployment/coredns
        - --default-params={"linear":{"coresPerReplica":256,"nodesPerReplica":16,"preventSinglePointFailure":true}}
        - --logtostderr=true
        - --v=2
        image: registry.k8s.io/cpa/cluster-proportional-autoscaler:v1.9.0
        name: autoscaler
        resources:
          requests:
            cpu: 20m
            memory: 10Mi
      nodeSelector:
        kubernetes.io/os: linux
${karpenter ? '' : '      priorityClassName: system-cluster-critical\n'}      serviceAccountName: coredns-autoscaler
      tolerations:
      - key: CriticalAddonsOnly
        operator: Exists
`;
}
