import type { AddonCluster } from '../types.js';

/** The AWS cloud-controller-manager (node lifecycle, routes, load balancers) on the control plane. */
export function awsCloudController(cluster: AddonCluster): string {
  const ccm = cluster.spec.cloudControllerManager ?? {};
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  labels:
    k8s-addon: aws-cloud-controller.addons.k8s.io
    k8s-app: aws-cloud-controller-manager
  name: aws-cloud-controller-manager
  namespace: kube-system
spec:
  selector:
    matchLabels:
      k8s-app: aws-cloud-controller-manager
  template:
    metadata:
      labels:
        k8s-app: aws-cloud-controller-manager
        kops.k8s.io/managed-by: kops
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: node-role.kubernetes.io/control-plane
                operator: Exists
      containers:
      - args:
${ccmArgs(ccm).map((a) => `        - ${a}\n`).join('')}        env:
        - name: KUBERNETES_SERVICE_HOST
          value: 127.0.0.1
        image: ${ccm.image}
        imagePullPolicy: IfNotPresent
        name: aws-cloud-controller-manager
        resources:
          requests:
            cpu: ${ccm.cpuRequest ?? '200m'}
        volumeMounts:
        - mountPath: /etc/kubernetes/cloud.config
          name: cloudconfig
          readOnly: true
      hostNetwork: true
      nodeSelector: null
      priorityClassName: system-cluster-critical
      serviceAccountName: aws-cloud-controller-manager
      tolerations:
      - operator: Exists
      volumes:
      - hostPath:
          path: /etc/kubernetes/cloud.config
          type: ""
        name: cloudconfig
  updateStrategy:
    type: RollingUpdate

---

apiVersion: v1
kind: ServiceAccount
metadata:
  labels:
    k8s-addon: aws-cloud-controller.addons.k8s.io
  name: aws-cloud-controller-manager
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  labels:
    k8s-addon: aws-cloud-controller.addons.k8s.io
  name: cloud-controller-manager:apiserver-authentication-reader
  namespace: kube-system
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: extension-apiserver-authentication-reader
subjects:
- apiGroup: ""
  kind: ServiceAccount
  name: aws-cloud-controller-manager
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    k8s-addon: aws-cloud-controller.addons.k8s.io
  name: system:cloud-controller-manager
rules:
- apiGroups:
  - ""
  resources:
  - events
  verbs:
  - create
  - patch
  - update
- apiGroups:
  - ""
  resources:
  - nodes
  verbs:
  - '*'
- apiGroups:
  - ""
  resources:
  - nodes/status
  verbs:
  - patch
- apiGroups:
  - ""
  resources:
  - services
  verbs:
  - list
  - patch
  - update
  - watch
- apiGroups:
  - ""
  resources:
  - services/status
  verbs:
  - list
  - patch
  - update
  - watch
- apiGroups:
  - ""
  resources:
  - serviceaccounts
  verbs:
  - create
  - get
- apiGroups:
  - ""
  resources:
  - persistentvolumes
  verbs:
  - get
  - list
  - update
  - watch
- apiGroups:
  - ""
  resources:
  - endpoints
  verbs:
  - create
  - get
  - list
  - watch
  - update
- apiGroups:
  - coordination.k8s.io
  resources:
  - leases
  verbs:
  - create
  - get
  - list
  - watch
  - update
- apiGroups:
  - ""
  resources:
  - secrets
  verbs:
  - list
  - watch
- apiGroups:
  - ""
  resourceNames:
  - node-controller
  - service-controller
  - route-controller
  resources:
  - serviceaccounts/token
  verbs:
  - create

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    k8s-addon: aws-cloud-controller.addons.k8s.io
  name: system:cloud-controller-manager
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:cloud-controller-manager
subjects:
- apiGroup: ""
  kind: ServiceAccount
  name: aws-cloud-controller-manager
  namespace: kube-system
`;
}

/** Flags from the cloudControllerManager spec (sorted by name), then the ones the add-on always sets. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function ccmArgs(ccm: Record<string, any>): string[] {
  const flags: Record<string, unknown> = {
    'allocate-node-cidrs': ccm.allocateNodeCIDRs,
    'cidr-allocator-type': ccm.cidrAllocatorType,
    'cloud-provider': ccm.cloudProvider,
    'cluster-cidr': ccm.clusterCIDR,
    'cluster-name': ccm.clusterName,
    'configure-cloud-routes': ccm.configureCloudRoutes,
    'enable-leader-migration': ccm.enableLeaderMigration,
    'leader-elect': ccm.leaderElection?.leaderElect,
    master: ccm.master,
    v: ccm.logLevel ?? 2,
  };
  const args = Object.keys(flags)
    .sort()
    .filter((name) => flags[name] !== undefined && flags[name] !== '')
    .map((name) => `--${name}=${flags[name]}`);
  if (ccm.cloudProvider === undefined) args.push('--cloud-provider=aws');
  args.push('--use-service-account-credentials=true', '--cloud-config=/etc/kubernetes/cloud.config');
  return args;
}
