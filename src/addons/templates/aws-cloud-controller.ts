import { buildFlags } from '../../apis/component-flags.js';
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

/**
 * The spec's own flags (sorted), then the defaults the add-on adds for what the spec leaves unset: verbosity 2, the
 * cluster's cloud provider, service-account credentials, and the cloud config nodeup writes.
 */
function ccmArgs(ccm: Record<string, unknown>): string[] {
  const args = buildFlags('CloudControllerManagerConfig', ccm);
  if (!ccm.logLevel) args.push('--v=2');
  if (!ccm.cloudProvider) args.push('--cloud-provider=aws');
  if (ccm.useServiceAccountCredentials == null) args.push('--use-service-account-credentials=true');
  args.push('--cloud-config=/etc/kubernetes/cloud.config');
  return args;
}
