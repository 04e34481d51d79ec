import { usesServiceAccountPermissions } from '../irsa.js';
import { isKubernetesGTE } from '../kubernetes-version.js';
import { awsRegion } from '../system-env.js';
import type { AddonCluster, AddonContext } from '../types.js';
import { controlPlaneCount } from './instance-groups.js';

/** The volume-snapshot sidecar, when the cluster runs the snapshot controller. */
const SNAPSHOTTER_SIDECAR = `      - args:
        - --csi-address=$(ADDRESS)
        - --leader-election=true
        - --v=5
        - --extra-create-metadata
        - --kube-api-qps=20
        - --kube-api-burst=100
        - --worker-threads=100
        - --retry-interval-max=30m
        - --http-endpoint=0.0.0.0:3306
        env:
        - name: ADDRESS
          value: /var/lib/csi/sockets/pluginproxy/csi.sock
        image: registry.k8s.io/sig-storage/csi-snapshotter:v8.5.0
        imagePullPolicy: IfNotPresent
        name: csi-snapshotter
        ports:
        - containerPort: 3306
          name: metrics-snap
          protocol: TCP
        resources:
          limits:
            memory: 256Mi
          requests:
            cpu: 10m
            memory: 40Mi
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          seccompProfile:
            type: RuntimeDefault
        terminationMessagePolicy: FallbackToLogsOnError
        volumeMounts:
        - mountPath: /var/lib/csi/sockets/pluginproxy/
          name: socket-dir
`;

/** The AWS EBS CSI driver: controller (on the control plane, or anywhere with IRSA) and a node DaemonSet. */
export function awsEbsCsiDriver(cluster: AddonCluster, ctx: AddonContext): string {
  const driver = cluster.spec.cloudConfig?.awsEBSCSIDriver ?? {};
  const version = driver.version;
  const ipv6 = String(cluster.spec.nonMasqueradeCIDR ?? '').includes(':');
  const snapshots = cluster.spec.snapshotController?.enabled === true;
  const k8s135 = isKubernetesGTE(String(cluster.spec.kubernetesVersion), '1.35.0');
  // With IRSA the controller needs no node role, so it may run on any node.
  const onControlPlane = !usesServiceAccountPermissions(cluster);
  const replicas = controlPlaneCount(ctx) > 1 ? 2 : 1;
  const cloudLabels: Record<string, string> = cluster.spec.cloudLabels ?? {};
  const extraTags = [`KubernetesCluster=${cluster.metadata.name}`, ...Object.keys(cloudLabels).sort().map((k) => `${k}=${cloudLabels[k]}`)].join(',');
  let controllerTolerations = onControlPlane
    ? '      - operator: Exists\n'
    : '      - key: CriticalAddonsOnly\n        operator: Exists\n      - effect: NoExecute\n        operator: Exists\n        tolerationSeconds: 300\n';
  if (!onControlPlane && cluster.spec.karpenter?.enabled) {
    controllerTolerations += '      - key: node-role.kubernetes.io/master\n        operator: Exists\n      - key: node-role.kubernetes.io/control-plane\n        operator: Exists\n';
  }
  return `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-controller
  namespace: kube-system
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: ebs-csi-controller
      app.kubernetes.io/instance: aws-ebs-csi-driver
      app.kubernetes.io/name: aws-ebs-csi-driver

---

apiVersion: v1
automountServiceAccountToken: true
kind: ServiceAccount
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-controller-sa
  namespace: kube-system

---

apiVersion: v1
automountServiceAccountToken: true
kind: ServiceAccount
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-node-sa
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-external-attacher-role
rules:
- apiGroups:
  - ""
  resources:
  - persistentvolumes
  verbs:
  - get
  - list
  - watch
  - patch
- apiGroups:
  - storage.k8s.io
  resources:
  - csinodes
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - storage.k8s.io
  resources:
  - volumeattachments
  verbs:
  - get
  - list
  - watch
  - patch
- apiGroups:
  - storage.k8s.io
  resources:
  - volumeattachments/status
  verbs:
  - patch

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-node-role
rules:
- apiGroups:
  - storage.k8s.io
  resources:
  - volumeattachments
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - ""
  resources:
  - nodes
  verbs:
  - get
- apiGroups:
  - ""
  resources:
  - nodes
  verbs:
  - patch
  - list
  - watch
- apiGroups:
  - storage.k8s.io
  resources:
  - csinodes
  verbs:
  - get

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-external-provisioner-role
rules:
- apiGroups:
  - ""
  resources:
  - persistentvolumes
  verbs:
  - get
  - list
  - watch
  - create
  - patch
  - delete
- apiGroups:
  - ""
  resources:
  - persistentvolumeclaims
  verbs:
  - get
  - list
  - watch
  - update
- apiGroups:
  - storage.k8s.io
  resources:
  - storageclasses
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - ""
  resources:
  - events
  verbs:
  - list
  - watch
  - create
  - update
  - patch
- apiGroups:
  - snapshot.storage.k8s.io
  resources:
  - volumesnapshots
  verbs:
  - get
  - list
  - watch
  - update
- apiGroups:
  - snapshot.storage.k8s.io
  resources:
  - volumesnapshotcontents
  verbs:
  - get
  - list
- apiGroups:
  - storage.k8s.io
  resources:
  - csinodes
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - ""
  resources:
  - nodes
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - storage.k8s.io
  resources:
  - volumeattachments
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - storage.k8s.io
  resources:
  - volumeattributesclasses
  verbs:
  - get

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-external-resizer-role
rules:
- apiGroups:
  - ""
  resources:
  - persistentvolumes
  verbs:
  - get
  - list
  - watch
  - patch
- apiGroups:
  - ""
  resources:
  - persistentvolumeclaims
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - ""
  resources:
  - pods
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - ""
  resources:
  - persistentvolumeclaims/status
  verbs:
  - patch
- apiGroups:
  - ""
  resources:
  - events
  verbs:
  - list
  - watch
  - create
  - update
  - patch
- apiGroups:
  - storage.k8s.io
  resources:
  - volumeattributesclasses
  verbs:
  - get
  - list
  - watch

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-external-snapshotter-role
rules:
- apiGroups:
  - ""
  resources:
  - events
  verbs:
  - list
  - watch
  - create
  - update
  - patch
- apiGroups:
  - snapshot.storage.k8s.io
  resources:
  - volumesnapshotclasses
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - snapshot.storage.k8s.io
  resources:
  - volumesnapshotcontents
  verbs:
  - get
  - list
  - watch
  - update
  - patch
- apiGroups:
  - snapshot.storage.k8s.io
  resources:
  - volumesnapshotcontents/status
  verbs:
  - update
  - patch
- apiGroups:
  - groupsnapshot.storage.k8s.io
  resources:
  - volumegroupsnapshotclasses
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - groupsnapshot.storage.k8s.io
  resources:
  - volumegroupsnapshotcontents
  verbs:
  - get
  - list
  - watch
  - update
  - patch
- apiGroups:
  - groupsnapshot.storage.k8s.io
  resources:
  - volumegroupsnapshotcontents/status
  verbs:
  - update
  - patch

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-attacher-binding
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ebs-external-attacher-role
subjects:
- kind: ServiceAccount
  name: ebs-csi-controller-sa
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-node-getter-binding
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ebs-csi-node-role
subjects:
- kind: ServiceAccount
  name: ebs-csi-node-sa
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-provisioner-binding
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ebs-external-provisioner-role
subjects:
- kind: ServiceAccount
  name: ebs-csi-controller-sa
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-resizer-binding
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ebs-external-resizer-role
subjects:
- kind: ServiceAccount
  name: ebs-csi-controller-sa
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-snapshotter-binding
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ebs-external-snapshotter-role
subjects:
- kind: ServiceAccount
  name: ebs-csi-controller-sa
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-leases-role
  namespace: kube-system
rules:
- apiGroups:
  - coordination.k8s.io
  resources:
  - leases
  verbs:
  - get
  - watch
  - list
  - delete
  - update
  - create

---

apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-leases-rolebinding
  namespace: kube-system
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ebs-csi-leases-role
subjects:
- kind: ServiceAccount
  name: ebs-csi-controller-sa
  namespace: kube-system

---

apiVersion: v1
kind: Service
metadata:
  annotations:
    prometheus.io/port: "3301"
    prometheus.io/scrape: "true"
  labels:
    app: ebs-csi-controller
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-controller
  namespace: kube-system
spec:
  ports:
  - name: metrics
    port: 3301
    targetPort: 3301
  selector:
    app: ebs-csi-controller
  type: ClusterIP

---

apiVersion: v1
kind: Service
metadata:
  annotations:
    prometheus.io/port: "3302"
    prometheus.io/scrape: "true"
  labels:
    app: ebs-csi-controller-provisioner
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-controller-provisioner
  namespace: kube-system
spec:
  ports:
  - name: metrics
    port: 3302
    targetPort: 3302
  selector:
    app: ebs-csi-controller
  type: ClusterIP

---

apiVersion: v1
kind: Service
metadata:
  annotations:
    prometheus.io/port: "3303"
    prometheus.io/scrape: "true"
  labels:
    app: ebs-csi-controller-attacher
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-controller-attacher
  namespace: kube-system
spec:
  ports:
  - name: metrics
    port: 3303
    targetPort: 3303
  selector:
    app: ebs-csi-controller
  type: ClusterIP

---

apiVersion: v1
kind: Service
metadata:
  annotations:
    prometheus.io/port: "3304"
    prometheus.io/scrape: "true"
  labels:
    app: ebs-csi-controller-resizer
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-controller-resizer
  namespace: kube-system
spec:
  ports:
  - name: metrics
    port: 3304
    targetPort: 3304
  selector:
    app: ebs-csi-controller
  type: ClusterIP

---

apiVersion: v1
kind: Service
metadata:
  annotations:
    prometheus.io/port: "3305"
    prometheus.io/scrape: "true"
  labels:
    app: ebs-csi-controller-liveness-probe
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-controller-liveness-probe
  namespace: kube-system
spec:
  ports:
  - name: metrics
    port: 3305
    targetPort: 3305
  selector:
    app: ebs-csi-controller
  type: ClusterIP

---

apiVersion: v1
kind: Service
metadata:
  annotations:
    prometheus.io/port: "3306"
    prometheus.io/scrape: "true"
  labels:
    app: ebs-csi-controller-snapshotter
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-controller-snapshotter
  namespace: kube-system
spec:
  ports:
  - name: metrics
    port: 3306
    targetPort: 3306
  selector:
    app: ebs-csi-controller
  type: ClusterIP

---

apiVersion: v1
kind: Service
metadata:
  annotations:
    prometheus.io/port: "3307"
    prometheus.io/scrape: "true"
  labels:
    app: ebs-csi-controller-volumemodifier
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-controller-volumemodifier
  namespace: kube-system
spec:
  ports:
  - name: metrics
    port: 3307
    targetPort: 3307
  selector:
    app: ebs-csi-controller
  type: ClusterIP

---

apiVersion: apps/v1
kind: DaemonSet
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-node
  namespace: kube-system
spec:
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: ebs-csi-node
      app.kubernetes.io/instance: aws-ebs-csi-driver
      app.kubernetes.io/name: aws-ebs-csi-driver
  template:
    metadata:
      labels:
        app: ebs-csi-node
        app.kubernetes.io/component: csi-driver
        app.kubernetes.io/instance: aws-ebs-csi-driver
        app.kubernetes.io/name: aws-ebs-csi-driver
        app.kubernetes.io/version: ${version}
        kops.k8s.io/managed-by: kops
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
${driver.hostNetwork ? '' : '              - key: topology.kubernetes.io/zone\n                operator: Exists\n'}              - key: eks.amazonaws.com/compute-type
                operator: NotIn
                values:
                - fargate
                - auto
                - hybrid
              - key: node.kubernetes.io/instance-type
                operator: NotIn
                values:
                - a1.medium
                - a1.large
                - a1.xlarge
                - a1.2xlarge
                - a1.4xlarge
      containers:
      - args:
        - node
        - --endpoint=$(CSI_ENDPOINT)
        - --csi-mount-point-prefix=/var/lib/kubelet/plugins/kubernetes.io/csi/ebs.csi.aws.com/
        - --logging-format=text
        - --v=5
        env:
${ipv6 ? '        - name: AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE\n          value: IPv6\n' : ''}        - name: AWS_REGION
          value: ${awsRegion(cluster)}
        - name: CSI_ENDPOINT
          value: unix:/csi/csi.sock
        - name: CSI_NODE_NAME
          valueFrom:
            fieldRef:
              fieldPath: spec.nodeName
        image: registry.k8s.io/provider-aws/aws-ebs-csi-driver:${version}
        imagePullPolicy: IfNotPresent
        lifecycle:
          preStop:
            exec:
              command:
              - /bin/aws-ebs-csi-driver
              - pre-stop-hook
        livenessProbe:
          failureThreshold: 5
          httpGet:
            path: /healthz
            port: healthz
          initialDelaySeconds: 10
          periodSeconds: 10
          timeoutSeconds: 3
        name: ebs-plugin
        ports:
        - containerPort: 9808
          name: healthz
          protocol: TCP
        readinessProbe:
          failureThreshold: 3
          httpGet:
            path: /healthz
            port: healthz
          periodSeconds: 5
          timeoutSeconds: 3
        resources:
          limits:
            memory: 256Mi
          requests:
            cpu: 10m
            memory: 40Mi
        securityContext:
          privileged: true
          readOnlyRootFilesystem: true
        terminationMessagePolicy: FallbackToLogsOnError
        volumeMounts:
        - mountPath: /var/lib/kubelet
          mountPropagation: Bidirectional
          name: kubelet-dir
        - mountPath: /csi
          name: plugin-dir
        - mountPath: /dev
          name: device-dir
      - args:
        - --csi-address=$(ADDRESS)
        - --kubelet-registration-path=$(DRIVER_REG_SOCK_PATH)
        - --http-endpoint=0.0.0.0:9809
        - --v=5
        env:
        - name: ADDRESS
          value: /csi/csi.sock
        - name: DRIVER_REG_SOCK_PATH
          value: /var/lib/kubelet/plugins/ebs.csi.aws.com/csi.sock
        image: registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.16.0
        imagePullPolicy: IfNotPresent
        livenessProbe:
          httpGet:
            path: /healthz
            port: healthz-ndr
          initialDelaySeconds: 30
          periodSeconds: 90
          timeoutSeconds: 15
        name: node-driver-registrar
        ports:
        - containerPort: 9809
          name: healthz-ndr
        resources:
          limits:
            memory: 256Mi
          requests:
            cpu: 10m
            memory: 40Mi
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
        terminationMessagePolicy: FallbackToLogsOnError
        volumeMounts:
        - mountPath: /csi
          name: plugin-dir
        - mountPath: /registration
          name: registration-dir
        - mountPath: /var/lib/kubelet/plugins/ebs.csi.aws.com/
          name: probe-dir
      - args:
        - --csi-address=/csi/csi.sock
        image: registry.k8s.io/sig-storage/livenessprobe:v2.18.0
        imagePullPolicy: IfNotPresent
        name: liveness-probe
        resources:
          limits:
            memory: 256Mi
          requests:
            cpu: 10m
            memory: 40Mi
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
        terminationMessagePolicy: FallbackToLogsOnError
        volumeMounts:
        - mountPath: /csi
          name: plugin-dir
      hostNetwork: ${driver.hostNetwork === true}
      nodeSelector:
        kubernetes.io/os: linux
      priorityClassName: system-node-critical
      securityContext:
        fsGroup: 0
        runAsGroup: 0
        runAsNonRoot: false
        runAsUser: 0
      serviceAccountName: ebs-csi-node-sa
      terminationGracePeriodSeconds: 30
      tolerations:
      - operator: Exists
      volumes:
      - hostPath:
          path: /var/lib/kubelet
          type: Directory
        name: kubelet-dir
      - hostPath:
          path: /var/lib/kubelet/plugins/ebs.csi.aws.com/
          type: DirectoryOrCreate
        name: plugin-dir
      - hostPath:
          path: /var/lib/kubelet/plugins_registry/
          type: Directory
        name: registration-dir
      - hostPath:
          path: /dev
          type: Directory
        name: device-dir
      - emptyDir: {}
        name: probe-dir
  updateStrategy:
    rollingUpdate:
      maxUnavailable: 10%
    type: RollingUpdate

---

apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs-csi-controller
  namespace: kube-system
spec:
  replicas: ${replicas}
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: ebs-csi-controller
      app.kubernetes.io/instance: aws-ebs-csi-driver
      app.kubernetes.io/name: aws-ebs-csi-driver
  strategy:
    rollingUpdate:
      maxUnavailable: 1
    type: RollingUpdate
  template:
    metadata:
      labels:
        app: ebs-csi-controller
        app.kubernetes.io/component: csi-driver
        app.kubernetes.io/instance: aws-ebs-csi-driver
        app.kubernetes.io/name: aws-ebs-csi-driver
        app.kubernetes.io/version: ${version}
        kops.k8s.io/managed-by: kops
    spec:
      affinity:
        nodeAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - preference:
              matchExpressions:
              - key: eks.amazonaws.com/compute-type
                operator: NotIn
                values:
                - fargate
                - auto
                - hybrid
            weight: 1
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
${onControlPlane ? '              - key: node-role.kubernetes.io/control-plane\n                operator: Exists\n' : ''}              - key: kubernetes.io/os
                operator: In
                values:
                - linux
            - matchExpressions:
${onControlPlane ? '              - key: node-role.kubernetes.io/master\n                operator: Exists\n' : ''}              - key: kubernetes.io/os
                operator: In
                values:
                - linux
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - podAffinityTerm:
              labelSelector:
                matchExpressions:
                - key: app
                  operator: In
                  values:
                  - ebs-csi-controller
              topologyKey: kubernetes.io/hostname
            weight: 100
      containers:
      - args:
        - controller
        - --endpoint=$(CSI_ENDPOINT)
        - --k8s-tag-cluster-id=${cluster.metadata.name}
        - --extra-tags=${extraTags}
        - --http-endpoint=0.0.0.0:3301
        - --batching=true
        - --logging-format=text
        - --v=5
        env:
${ipv6 ? '        - name: AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE\n          value: IPv6\n' : ''}        - name: AWS_REGION
          value: ${awsRegion(cluster)}
        - name: CSI_ENDPOINT
          value: unix:///var/lib/csi/sockets/pluginproxy/csi.sock
        - name: CSI_NODE_NAME
          valueFrom:
            fieldRef:
              fieldPath: spec.nodeName
        - name: AWS_ACCESS_KEY_ID
          valueFrom:
            secretKeyRef:
              key: key_id
              name: aws-secret
              optional: true
        - name: AWS_SECRET_ACCESS_KEY
          valueFrom:
            secretKeyRef:
              key: access_key
              name: aws-secret
              optional: true
        - name: AWS_EC2_ENDPOINT
          valueFrom:
            configMapKeyRef:
              key: endpoint
              name: aws-meta
              optional: true
        - name: AWS_SAGEMAKER_ENDPOINT
          valueFrom:
            configMapKeyRef:
              key: sagemaker_endpoint
              name: aws-meta
              optional: true
        image: registry.k8s.io/provider-aws/aws-ebs-csi-driver:${version}
        imagePullPolicy: IfNotPresent
        livenessProbe:
          failureThreshold: 10
          httpGet:
            path: /healthz
            port: healthz
          initialDelaySeconds: 10
          periodSeconds: 10
          timeoutSeconds: 60
        name: ebs-plugin
        ports:
        - containerPort: 9808
          name: healthz
          protocol: TCP
        - containerPort: 3301
          name: metrics
          protocol: TCP
        readinessProbe:
          failureThreshold: 5
          httpGet:
            path: /healthz
            port: healthz
          initialDelaySeconds: 10
          periodSeconds: 10
          timeoutSeconds: 60
        resources:
          limits:
            memory: 256Mi
          requests:
            cpu: 10m
            memory: 40Mi
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          seccompProfile:
            type: RuntimeDefault
        terminationMessagePolicy: FallbackToLogsOnError
        volumeMounts:
        - mountPath: /var/lib/csi/sockets/pluginproxy/
          name: socket-dir
      - args:
        - --timeout=60s
        - --csi-address=$(ADDRESS)
        - --v=5
        - --feature-gates=Topology=true
        - --extra-create-metadata
        - --leader-election=true
        - --default-fstype=ext4
        - --kube-api-qps=20
        - --kube-api-burst=100
        - --worker-threads=100
        - --retry-interval-max=30m
        - --feature-gates=VolumeAttributesClass=false
        - --http-endpoint=0.0.0.0:3302
        env:
        - name: ADDRESS
          value: /var/lib/csi/sockets/pluginproxy/csi.sock
        - name: ENABLE_VAC_FALLBACK
          value: "true"
        image: registry.k8s.io/sig-storage/csi-provisioner:v6.2.0
        imagePullPolicy: IfNotPresent
        name: csi-provisioner
        ports:
        - containerPort: 3302
          name: metrics-prov
          protocol: TCP
        resources:
          limits:
            memory: 256Mi
          requests:
            cpu: 10m
            memory: 40Mi
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          seccompProfile:
            type: RuntimeDefault
        terminationMessagePolicy: FallbackToLogsOnError
        volumeMounts:
        - mountPath: /var/lib/csi/sockets/pluginproxy/
          name: socket-dir
      - args:
        - --timeout=6m
        - --csi-address=$(ADDRESS)
        - --v=5
        - --leader-election=true
        - --kube-api-qps=20
        - --kube-api-burst=100
        - --worker-threads=100
        - --retry-interval-max=5m
        - --feature-gates=MutableCSINodeAllocatableCount=true
        - --http-endpoint=0.0.0.0:3303
        env:
        - name: ADDRESS
          value: /var/lib/csi/sockets/pluginproxy/csi.sock
        image: registry.k8s.io/sig-storage/csi-attacher:v4.11.0
        imagePullPolicy: IfNotPresent
        name: csi-attacher
        ports:
        - containerPort: 3303
          name: metrics-attach
          protocol: TCP
        resources:
          limits:
            memory: 256Mi
          requests:
            cpu: 10m
            memory: 40Mi
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          seccompProfile:
            type: RuntimeDefault
        terminationMessagePolicy: FallbackToLogsOnError
        volumeMounts:
        - mountPath: /var/lib/csi/sockets/pluginproxy/
          name: socket-dir
${snapshots ? SNAPSHOTTER_SIDECAR : ''}      - args:
        - --timeout=60s
        - --extra-modify-metadata
        - --csi-address=$(ADDRESS)
        - --v=5
        - --handle-volume-inuse-error=false
        - --leader-election=true
        - --kube-api-qps=20
        - --kube-api-burst=100
        - --workers=100
        - --retry-interval-max=30m
        - --feature-gates=VolumeAttributesClass=false
        - --http-endpoint=0.0.0.0:3304
        env:
        - name: ADDRESS
          value: /var/lib/csi/sockets/pluginproxy/csi.sock
        - name: ENABLE_VAC_FALLBACK
          value: "true"
        image: registry.k8s.io/sig-storage/csi-resizer:v2.1.0
        imagePullPolicy: IfNotPresent
        name: csi-resizer
        ports:
        - containerPort: 3304
          name: metrics-resizer
          protocol: TCP
        resources:
          limits:
            memory: 256Mi
          requests:
            cpu: 10m
            memory: 40Mi
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          seccompProfile:
            type: RuntimeDefault
        terminationMessagePolicy: FallbackToLogsOnError
        volumeMounts:
        - mountPath: /var/lib/csi/sockets/pluginproxy/
          name: socket-dir
      - args:
        - --csi-address=/csi/csi.sock
        - --probe-timeout=60s
        - --metrics-address=0.0.0.0:3305
        image: registry.k8s.io/sig-storage/livenessprobe:v2.18.0
        imagePullPolicy: IfNotPresent
        name: liveness-probe
        ports:
        - containerPort: 3305
          name: metrics-lp
          protocol: TCP
        resources:
          limits:
            memory: 256Mi
          requests:
            cpu: 10m
            memory: 40Mi
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
        terminationMessagePolicy: FallbackToLogsOnError
        volumeMounts:
        - mountPath: /csi
          name: socket-dir
${onControlPlane ? '      hostNetwork: true\n' : ''}      nodeSelector:
        kubernetes.io/os: linux
      priorityClassName: system-cluster-critical
      securityContext:
        fsGroup: 1000
        runAsGroup: 1000
        runAsNonRoot: true
        runAsUser: 1000
      serviceAccountName: ebs-csi-controller-sa
      tolerations:
${controllerTolerations}      topologySpreadConstraints:
      - labelSelector:
          matchLabels:
            app: ebs-csi-controller
            app.kubernetes.io/instance: aws-ebs-csi-driver
            app.kubernetes.io/name: aws-ebs-csi-driver
        maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: ScheduleAnyway
      - labelSelector:
          matchLabels:
            app: ebs-csi-controller
            app.kubernetes.io/instance: aws-ebs-csi-driver
            app.kubernetes.io/name: aws-ebs-csi-driver
        maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: DoNotSchedule
      volumes:
      - emptyDir: {}
        name: socket-dir

---

apiVersion: storage.k8s.io/v1
kind: CSIDriver
metadata:
  labels:
    app.kubernetes.io/component: csi-driver
    app.kubernetes.io/instance: aws-ebs-csi-driver
    app.kubernetes.io/name: aws-ebs-csi-driver
    app.kubernetes.io/version: ${version}
    k8s-addon: aws-ebs-csi-driver.addons.k8s.io
  name: ebs.csi.aws.com
spec:
  attachRequired: true
${k8s135 ? '  nodeAllocatableUpdatePeriodSeconds: 10\n' : ''}  podInfoOnMount: false
`;
}
