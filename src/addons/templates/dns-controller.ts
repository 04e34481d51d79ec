import { externalDnsProvider } from '../../apis/external-dns.js';
import type { AddonCluster, AddonContext } from '../types.js';

/** dns-controller: publishes the API and kops-controller DNS records from node and pod annotations. */
export function dnsController(cluster: AddonCluster, ctx: AddonContext): string {
  // Without dns-controller the add-on stays in the channel, empty, so that channels prunes what it had installed.
  if (externalDnsProvider(cluster.spec) !== 'dns-controller' || cluster.spec.topology?.dns?.type === 'None') return '';
  const dnsZone = String(cluster.spec.dnsZone ?? '');
  // A zone given by name is matched by name; an id (no dots) by id in any zone name.
  const zone = dnsZone.includes('.') ? dnsZone : `*/${dnsZone}`;
  const ipv6 = String(cluster.spec.nonMasqueradeCIDR ?? '').includes(':');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    k8s-addon: dns-controller.addons.k8s.io
    k8s-app: dns-controller
    version: v${ctx.kopsVersion}
  name: dns-controller
  namespace: kube-system
spec:
  replicas: 1
  selector:
    matchLabels:
      k8s-app: dns-controller
  strategy:
    type: Recreate
  template:
    metadata:
      labels:
        k8s-addon: dns-controller.addons.k8s.io
        k8s-app: dns-controller
        kops.k8s.io/managed-by: kops
        version: v${ctx.kopsVersion}
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: node-role.kubernetes.io/control-plane
                operator: Exists
            - matchExpressions:
              - key: node-role.kubernetes.io/master
                operator: Exists
      containers:
      - args:
        - --watch-ingress=${cluster.spec.externalDns?.watchIngress === true}
${cluster.spec.externalDns?.watchNamespace ? `        - --watch-namespace=${cluster.spec.externalDns.watchNamespace}\n` : ''}        - --dns=${cluster.spec.cloudProvider === 'gce' ? 'google-clouddns' : 'aws-route53'}
        - --zone=${zone}
        - --internal-${ipv6 ? 'ipv6' : 'ipv4'}
        - --zone=*/*
        - -v=2
        command: null
        env:
        - name: KUBERNETES_SERVICE_HOST
          value: 127.0.0.1
        image: registry.k8s.io/kops/dns-controller:${ctx.kopsVersion}
        name: dns-controller
        resources:
          requests:
            cpu: 50m
            memory: 50Mi
        securityContext:
          runAsNonRoot: true
      dnsPolicy: Default
      hostNetwork: true
      nodeSelector: null
      priorityClassName: ${cluster.spec.externalDns?.priorityClassName ?? 'system-cluster-critical'}
      serviceAccount: dns-controller
      tolerations:
      - key: node.cloudprovider.kubernetes.io/uninitialized
        operator: Exists
      - key: node.kubernetes.io/not-ready
        operator: Exists
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
      - key: node-role.kubernetes.io/master
        operator: Exists

---

apiVersion: v1
kind: ServiceAccount
metadata:
  labels:
    k8s-addon: dns-controller.addons.k8s.io
  name: dns-controller
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    k8s-addon: dns-controller.addons.k8s.io
  name: kops:dns-controller
rules:
- apiGroups:
  - ''
  resources:
  - endpoints
  - services
  - pods
  - ingress
  - nodes
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - networking.k8s.io
  resources:
  - ingresses
  verbs:
  - get
  - list
  - watch

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    k8s-addon: dns-controller.addons.k8s.io
  name: kops:dns-controller
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: kops:dns-controller
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: system:serviceaccount:kube-system:dns-controller
`;
}
