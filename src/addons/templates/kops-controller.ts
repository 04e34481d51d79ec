import { awsRegion, envYaml, systemComponentEnv, type EnvVar } from '../system-env.js';
import type { AddonCluster, AddonContext } from '../types.js';

/** kops-controller: signs node certificates on the control plane and serves node bootstrap. */
export function kopsController(cluster: AddonCluster, ctx: AddonContext): string {
  return `apiVersion: v1
data:
  config.yaml: |
    ${JSON.stringify(kopsControllerConfig(cluster, ctx))}
kind: ConfigMap
metadata:
  labels:
    k8s-addon: kops-controller.addons.k8s.io
  name: kops-controller
  namespace: kube-system

---

apiVersion: apps/v1
kind: DaemonSet
metadata:
  labels:
    k8s-addon: kops-controller.addons.k8s.io
    k8s-app: kops-controller
    version: v${ctx.kopsVersion}
  name: kops-controller
  namespace: kube-system
spec:
  selector:
    matchLabels:
      k8s-app: kops-controller
  template:
    metadata:
      annotations:
        dns.alpha.kubernetes.io/internal: kops-controller.internal.${cluster.metadata.name}
      labels:
        k8s-addon: kops-controller.addons.k8s.io
        k8s-app: kops-controller
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
              - key: kops.k8s.io/kops-controller-pki
                operator: Exists
      containers:
      - args:
        - --v=2
        - --conf=/etc/kubernetes/kops-controller/config/config.yaml
        command: null
        env:
        - name: KUBERNETES_SERVICE_HOST
          value: 127.0.0.1
${envYaml(kopsControllerEnv(cluster, ctx), 8)}        image: registry.k8s.io/kops/kops-controller:${ctx.kopsVersion}
        name: kops-controller
        resources:
          requests:
            cpu: 50m
            memory: 50Mi
        securityContext:
          runAsNonRoot: true
          runAsUser: 10011
        volumeMounts:
        - mountPath: /etc/kubernetes/kops-controller/config/
          name: kops-controller-config
        - mountPath: /etc/kubernetes/kops-controller/pki/
          name: kops-controller-pki
      dnsPolicy: Default
      hostNetwork: true
      nodeSelector: null
      priorityClassName: system-cluster-critical
      serviceAccount: kops-controller
      tolerations:
      - key: node.cloudprovider.kubernetes.io/uninitialized
        operator: Exists
      - key: node.kubernetes.io/not-ready
        operator: Exists
      - key: node-role.kubernetes.io/master
        operator: Exists
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
      volumes:
      - configMap:
          name: kops-controller
        name: kops-controller-config
      - hostPath:
          path: /etc/kubernetes/kops-controller/
          type: Directory
        name: kops-controller-pki
  updateStrategy:
    type: OnDelete

---

apiVersion: v1
kind: ServiceAccount
metadata:
  labels:
    k8s-addon: kops-controller.addons.k8s.io
  name: kops-controller
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    k8s-addon: kops-controller.addons.k8s.io
  name: kops-controller
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

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    k8s-addon: kops-controller.addons.k8s.io
  name: kops-controller
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: kops-controller
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: system:serviceaccount:kube-system:kops-controller

---

apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  labels:
    k8s-addon: kops-controller.addons.k8s.io
  name: kops-controller
  namespace: kube-system
rules:
- apiGroups:
  - ""
  resources:
  - events
  verbs:
  - get
  - list
  - watch
  - create
- apiGroups:
  - ""
  - coordination.k8s.io
  resourceNames:
  - kops-controller-leader
  resources:
  - configmaps
  - leases
  verbs:
  - get
  - list
  - watch
  - patch
  - update
  - delete
- apiGroups:
  - ""
  - coordination.k8s.io
  resources:
  - configmaps
  - leases
  verbs:
  - create

---

apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  labels:
    k8s-addon: kops-controller.addons.k8s.io
  name: kops-controller
  namespace: kube-system
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: kops-controller
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: system:serviceaccount:kube-system:kops-controller
`;
}

/** kops-controller's config.yaml (JSON, in the Go struct's field order). */
function kopsControllerConfig(cluster: AddonCluster, ctx: AddonContext): Record<string, unknown> {
  const spec = cluster.spec;
  const ciliumEtcd = (spec.etcdClusters ?? []).some((e: { name: string }) => e.name === 'cilium');
  const kubeProxy = spec.kubeProxy?.enabled !== false;
  const config: Record<string, unknown> = {
    clusterName: cluster.metadata.name,
    cloud: spec.cloudProvider,
    configBase: spec.configBase,
    secretStore: spec.secretStore,
    server: {
      Listen: ':3988',
      provider: verifierOptions(cluster, ctx),
      serverKeyPath: '/etc/kubernetes/kops-controller/pki/kops-controller.key',
      serverCertificatePath: '/etc/kubernetes/kops-controller/pki/kops-controller.crt',
      caBasePath: '/etc/kubernetes/kops-controller/pki',
      signingCAs: ['kubernetes-ca', ...(ciliumEtcd ? ['etcd-clients-ca-cilium'] : [])],
      certNames: ['kubelet', 'kubelet-server', ...(kubeProxy ? ['kube-proxy'] : []), ...(ciliumEtcd ? ['etcd-client-cilium'] : [])],
    },
  };
  // IPv6-only clusters get pod CIDRs from the cloud, assigned by kops-controller.
  if (String(spec.nonMasqueradeCIDR ?? '').includes(':')) config.enableCloudIPAM = true;
  return config;
}

/** How kops-controller checks a node's identity: its IAM role on AWS, its TPM-backed instance identity on GCE. */
function verifierOptions(cluster: AddonCluster, ctx: AddonContext): Record<string, unknown> {
  const spec = cluster.spec;
  if (spec.cloudProvider === 'gce') {
    const region = (spec.subnets ?? []).map((s: { region?: string }) => s.region).filter(Boolean).pop() ?? '';
    return { gce: { projectID: spec.project, region, clusterName: cluster.metadata.name, MaxTimeSkew: 300 } };
  }
  const aws: Record<string, unknown> = { nodesRoles: nodeRoleNames(cluster, ctx), Region: awsRegion(cluster) };
  if (spec.cloudConfig?.useIPBasedNodeNames) aws.useIPBasedNodeNames = true;
  return { aws };
}

/** IAM roles of the instance groups whose nodes kops-controller bootstraps (all but control plane and bastions). */
function nodeRoleNames(cluster: AddonCluster, ctx: AddonContext): string[] {
  const names = new Set<string>();
  for (const ig of ctx.instanceGroups ?? []) {
    const role = ig.spec.role;
    if (role === 'Master' || role === 'ControlPlane' || role === 'Bastion') continue;
    const profile: string | undefined = ig.spec.iam?.profile;
    if (profile) names.add(profile.slice(profile.lastIndexOf('/') + 1));
    else names.add(`${role === 'APIServer' ? 'apiservers' : 'nodes'}.${cluster.metadata.name}`);
  }
  return [...names].sort();
}

function kopsControllerEnv(cluster: AddonCluster, ctx: AddonContext): EnvVar[] {
  const env = systemComponentEnv(cluster, ctx.env);
  for (const name of ['KOPS_RUN_TOO_NEW_VERSION', 'KOPS_BASE_URL']) {
    if (ctx.env?.[name] !== undefined) env.push({ name, value: ctx.env[name] });
  }
  return env;
}
