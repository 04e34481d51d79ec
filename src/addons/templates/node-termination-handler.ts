import { usesServiceAccountPermissions } from '../irsa.js';
import { truncateName } from '../../apis/go/truncate.js';
import { awsRegion } from '../system-env.js';
import { containerdSELinuxEnabled } from '../template-helpers.js';
import type { AddonCluster, AddonContext } from '../types.js';
import { controlPlaneCount } from './instance-groups.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NthSpec = Record<string, any>;

const CONTROL_PLANE_AFFINITY = `      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: node-role.kubernetes.io/control-plane
                operator: Exists
            - matchExpressions:
              - key: node-role.kubernetes.io/master
                operator: Exists
`;

const CONTROL_PLANE_TOLERATIONS = `      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
      - key: node-role.kubernetes.io/master
        operator: Exists
`;

/**
 * aws-node-termination-handler: in queue-processor mode a Deployment draining nodes on spot interruptions,
 * rebalance and ASG lifecycle events from the cluster's SQS queue; otherwise a DaemonSet watching instance metadata.
 */
export function nodeTerminationHandler(cluster: AddonCluster, ctx: AddonContext): string {
  const nth: NthSpec = cluster.spec.nodeTerminationHandler ?? {};
  if (nth.enableSQSTerminationDraining === false) return `apiVersion: v1
kind: ServiceAccount
metadata:
  labels:
    app.kubernetes.io/instance: aws-node-termination-handler
    app.kubernetes.io/name: aws-node-termination-handler
    app.kubernetes.io/part-of: aws-node-termination-handler
    app.kubernetes.io/version: v1.25.5
    k8s-addon: node-termination-handler.aws
    k8s-app: aws-node-termination-handler
  name: aws-node-termination-handler
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    app.kubernetes.io/instance: aws-node-termination-handler
    app.kubernetes.io/name: aws-node-termination-handler
    app.kubernetes.io/part-of: aws-node-termination-handler
    app.kubernetes.io/version: v1.25.5
    k8s-addon: node-termination-handler.aws
  name: aws-node-termination-handler
rules:
- apiGroups:
  - ""
  resources:
  - nodes
  verbs:
  - get
  - list
  - patch
  - update
- apiGroups:
  - ""
  resources:
  - pods
  verbs:
  - list
  - get
- apiGroups:
  - ""
  resources:
  - pods/eviction
  verbs:
  - create
- apiGroups:
  - extensions
  resources:
  - daemonsets
  verbs:
  - get
- apiGroups:
  - apps
  resources:
  - daemonsets
  verbs:
  - get
- apiGroups:
  - ""
  resources:
  - events
  verbs:
  - create
  - patch

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    app.kubernetes.io/instance: aws-node-termination-handler
    app.kubernetes.io/name: aws-node-termination-handler
    app.kubernetes.io/part-of: aws-node-termination-handler
    app.kubernetes.io/version: v1.25.5
    k8s-addon: node-termination-handler.aws
  name: aws-node-termination-handler
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: aws-node-termination-handler
subjects:
- kind: ServiceAccount
  name: aws-node-termination-handler
  namespace: kube-system

---

${instanceMetadataDaemonSet(cluster, nth)}`;
  return `apiVersion: v1
kind: ServiceAccount
metadata:
  labels:
    app.kubernetes.io/instance: aws-node-termination-handler
    app.kubernetes.io/name: aws-node-termination-handler
    app.kubernetes.io/part-of: aws-node-termination-handler
    app.kubernetes.io/version: v1.25.5
    k8s-addon: node-termination-handler.aws
    k8s-app: aws-node-termination-handler
  name: aws-node-termination-handler
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    app.kubernetes.io/instance: aws-node-termination-handler
    app.kubernetes.io/name: aws-node-termination-handler
    app.kubernetes.io/part-of: aws-node-termination-handler
    app.kubernetes.io/version: v1.25.5
    k8s-addon: node-termination-handler.aws
  name: aws-node-termination-handler
rules:
- apiGroups:
  - ""
  resources:
  - nodes
  verbs:
  - get
  - list
  - patch
  - update
- apiGroups:
  - ""
  resources:
  - pods
  verbs:
  - list
  - get
- apiGroups:
  - ""
  resources:
  - pods/eviction
  verbs:
  - create
- apiGroups:
  - extensions
  resources:
  - daemonsets
  verbs:
  - get
- apiGroups:
  - apps
  resources:
  - daemonsets
  verbs:
  - get
- apiGroups:
  - ""
  resources:
  - events
  verbs:
  - create
  - patch

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    app.kubernetes.io/instance: aws-node-termination-handler
    app.kubernetes.io/name: aws-node-termination-handler
    app.kubernetes.io/part-of: aws-node-termination-handler
    app.kubernetes.io/version: v1.25.5
    k8s-addon: node-termination-handler.aws
  name: aws-node-termination-handler
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: aws-node-termination-handler
subjects:
- kind: ServiceAccount
  name: aws-node-termination-handler
  namespace: kube-system

---

${queueProcessorDeployment(cluster, ctx, nth)}---

apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  labels:
    app.kubernetes.io/instance: aws-node-termination-handler
    app.kubernetes.io/name: aws-node-termination-handler
    k8s-addon: node-termination-handler.aws
  name: aws-node-termination-handler
  namespace: kube-system
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/instance: aws-node-termination-handler
      app.kubernetes.io/name: aws-node-termination-handler
      kops.k8s.io/nth-mode: sqs
`;
}

function queueProcessorDeployment(cluster: AddonCluster, ctx: AddonContext, nth: NthSpec): string {
  // With IRSA the handler needs no node role, so it runs on workers instead of the control plane.
  const onControlPlane = !usesServiceAccountPermissions(cluster);
  const replicas = onControlPlane && controlPlaneCount(ctx) > 1 ? 2 : 1;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app.kubernetes.io/component: deployment
    app.kubernetes.io/instance: aws-node-termination-handler
    app.kubernetes.io/name: aws-node-termination-handler
    app.kubernetes.io/part-of: aws-node-termination-handler
    app.kubernetes.io/version: ${nth.version}
    k8s-addon: node-termination-handler.aws
    k8s-app: aws-node-termination-handler
  name: aws-node-termination-handler
  namespace: kube-system
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app.kubernetes.io/instance: aws-node-termination-handler
      app.kubernetes.io/name: aws-node-termination-handler
      kubernetes.io/os: linux
  template:
    metadata:
      labels:
        app.kubernetes.io/component: deployment
        app.kubernetes.io/instance: aws-node-termination-handler
        app.kubernetes.io/name: aws-node-termination-handler
        k8s-app: aws-node-termination-handler
        kops.k8s.io/managed-by: kops
        kops.k8s.io/nth-mode: sqs
        kubernetes.io/os: linux
    spec:
${onControlPlane ? CONTROL_PLANE_AFFINITY : ''}      containers:
      - env:
        - name: NODE_NAME
          valueFrom:
            fieldRef:
              fieldPath: spec.nodeName
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        - name: ENABLE_PROBES_SERVER
          value: "true"
        - name: PROBES_SERVER_PORT
          value: "8080"
        - name: PROBES_SERVER_ENDPOINT
          value: /healthz
        - name: LOG_LEVEL
          value: info
        - name: JSON_LOGGING
          value: "true"
        - name: LOG_FORMAT_VERSION
          value: "2"
        - name: ENABLE_PROMETHEUS_SERVER
          value: "${nth.prometheusEnable === true}"
        - name: PROMETHEUS_SERVER_PORT
          value: "9092"
        - name: CHECK_TAG_BEFORE_DRAINING
          value: "true"
        - name: MANAGED_TAG
          value: ${nth.managedASGTag}
        - name: USE_PROVIDER_ID
          value: "true"
        - name: DRY_RUN
          value: "false"
        - name: CORDON_ONLY
          value: "false"
        - name: TAINT_NODE
          value: "${nth.taintNode === true}"
        - name: ENABLE_OUT_OF_SERVICE_TAINT
          value: "${nth.enableOutOfServiceTaint === true}"
        - name: EXCLUDE_FROM_LOAD_BALANCERS
          value: "${nth.excludeFromLoadBalancers !== false}"
        - name: DELETE_LOCAL_DATA
          value: "true"
        - name: IGNORE_DAEMON_SETS
          value: "true"
        - name: POD_TERMINATION_GRACE_PERIOD
          value: "${nth.podTerminationGracePeriod ?? -1}"
        - name: NODE_TERMINATION_GRACE_PERIOD
          value: "120"
        - name: EMIT_KUBERNETES_EVENTS
          value: "true"
        - name: COMPLETE_LIFECYCLE_ACTION_DELAY_SECONDS
          value: "-1"
        - name: ENABLE_SQS_TERMINATION_DRAINING
          value: "true"
        - name: QUEUE_URL
          value: ${defaultQueueName(cluster, ctx)}
        - name: DELETE_SQS_MSG_IF_NODE_NOT_FOUND
          value: "${nth.deleteSQSMsgIfNodeNotFound === true}"
        - name: WORKERS
          value: "10"
        - name: HEARTBEAT_INTERVAL
          value: "-1"
        - name: HEARTBEAT_UNTIL
          value: "-1"
        - name: SQS_MSG_VISIBILITY_TIMEOUT_SEC
          value: "20"
${webhookEnv(nth)}        image: public.ecr.aws/aws-ec2/aws-node-termination-handler:${nth.version}
        imagePullPolicy: IfNotPresent
        livenessProbe:
          httpGet:
            path: /healthz
            port: 8080
          initialDelaySeconds: 5
          periodSeconds: 5
        name: aws-node-termination-handler
        ports:
        - containerPort: 8080
          name: liveness-probe
          protocol: TCP
        - containerPort: 9092
          name: metrics
          protocol: TCP
        resources:
${memoryLimit(nth)}          requests:
            cpu: ${nth.cpuRequest ?? '50m'}
            memory: ${nth.memoryRequest ?? '64Mi'}
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          runAsGroup: 1000
          runAsNonRoot: true
          runAsUser: 1000
${onControlPlane ? '      hostNetwork: true\n      nodeSelector: null\n' : ''}      priorityClassName: system-cluster-critical
      securityContext:
        fsGroup: 1000
      serviceAccountName: aws-node-termination-handler
${onControlPlane ? CONTROL_PLANE_TOLERATIONS : ''}      topologySpreadConstraints:
      - labelSelector:
          matchLabels:
            app.kubernetes.io/instance: aws-node-termination-handler
            app.kubernetes.io/name: aws-node-termination-handler
            kops.k8s.io/nth-mode: sqs
        maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: ScheduleAnyway
      - labelSelector:
          matchLabels:
            app.kubernetes.io/instance: aws-node-termination-handler
            app.kubernetes.io/name: aws-node-termination-handler
            kops.k8s.io/nth-mode: sqs
        maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: DoNotSchedule

`;
}

/** kops's DefaultQueueName: the SQS queue URL of the cluster (name dashed and cut to 75 characters). */
export function defaultQueueName(cluster: AddonCluster, ctx: AddonContext): string {
  const region = awsRegion(cluster);
  const domain = region.includes('cn-') ? '.amazonaws.com.cn/' : '.amazonaws.com/';
  return `https://sqs.${region}${domain}${ctx.aws?.accountId ?? ''}/${truncateName(cluster.metadata.name.replaceAll('.', '-'), 75, false)}-nth`;
}

function webhookEnv(nth: NthSpec): string {
  const template = nth.webhookTemplate ? `        - name: WEBHOOK_TEMPLATE\n          value: ${JSON.stringify(nth.webhookTemplate)}\n` : '';
  const url = nth.webhookURL ? `        - name: WEBHOOK_URL\n          value: ${JSON.stringify(nth.webhookURL)}\n` : '';
  return template + url;
}

function memoryLimit(nth: NthSpec): string {
  return nth.memoryLimit ? `          limits:\n            memory: ${nth.memoryLimit}\n` : '';
}

function seLinux(cluster: AddonCluster): string {
  return containerdSELinuxEnabled(cluster) ? '          seLinuxOptions:\n            level: s0\n            type: spc_t\n' : '';
}

function instanceMetadataDaemonSet(cluster: AddonCluster, nth: NthSpec): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  labels:
    app.kubernetes.io/component: daemonset
    app.kubernetes.io/instance: aws-node-termination-handler
    app.kubernetes.io/name: aws-node-termination-handler
    app.kubernetes.io/part-of: aws-node-termination-handler
    app.kubernetes.io/version: ${nth.version}
    k8s-addon: node-termination-handler.aws
    k8s-app: aws-node-termination-handler
  name: aws-node-termination-handler
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app.kubernetes.io/instance: aws-node-termination-handler
      app.kubernetes.io/name: aws-node-termination-handler
      kubernetes.io/os: linux
  template:
    metadata:
      labels:
        app.kubernetes.io/component: daemonset
        app.kubernetes.io/instance: aws-node-termination-handler
        app.kubernetes.io/name: aws-node-termination-handler
        k8s-app: aws-node-termination-handler
        kops.k8s.io/managed-by: kops
        kubernetes.io/os: linux
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: eks.amazonaws.com/compute-type
                operator: NotIn
                values:
                - fargate
      containers:
      - env:
        - name: NODE_NAME
          valueFrom:
            fieldRef:
              fieldPath: spec.nodeName
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        - name: ENABLE_PROBES_SERVER
          value: "false"
        - name: PROBES_SERVER_PORT
          value: "8080"
        - name: PROBES_SERVER_ENDPOINT
          value: /healthz
        - name: LOG_LEVEL
          value: info
        - name: JSON_LOGGING
          value: "true"
        - name: LOG_FORMAT_VERSION
          value: "2"
        - name: ENABLE_PROMETHEUS_SERVER
          value: "${nth.prometheusEnable === true}"
        - name: PROMETHEUS_SERVER_PORT
          value: "9092"
        - name: METADATA_TRIES
          value: "3"
        - name: DRY_RUN
          value: "false"
        - name: CORDON_ONLY
          value: "false"
        - name: TAINT_NODE
          value: "${nth.taintNode === true}"
        - name: ENABLE_OUT_OF_SERVICE_TAINT
          value: "${nth.enableOutOfServiceTaint === true}"
        - name: EXCLUDE_FROM_LOAD_BALANCERS
          value: "${nth.excludeFromLoadBalancers !== false}"
        - name: DELETE_LOCAL_DATA
          value: "true"
        - name: IGNORE_DAEMON_SETS
          value: "true"
        - name: POD_TERMINATION_GRACE_PERIOD
          value: "${nth.podTerminationGracePeriod ?? -1}"
        - name: NODE_TERMINATION_GRACE_PERIOD
          value: "120"
        - name: EMIT_KUBERNETES_EVENTS
          value: "true"
        - name: ENABLE_SPOT_INTERRUPTION_DRAINING
          value: "${nth.enableSpotInterruptionDraining !== false}"
        - name: ENABLE_ASG_LIFECYCLE_DRAINING
          value: "true"
        - name: ENABLE_SCHEDULED_EVENT_DRAINING
          value: "${nth.enableScheduledEventDraining !== false}"
        - name: ENABLE_REBALANCE_MONITORING
          value: "${nth.enableRebalanceMonitoring === true}"
        - name: ENABLE_REBALANCE_DRAINING
          value: "${nth.enableRebalanceDraining === true}"
        - name: ENABLE_SQS_TERMINATION_DRAINING
          value: "false"
        - name: UPTIME_FROM_FILE
          value: /proc/uptime
${webhookEnv(nth)}        image: public.ecr.aws/aws-ec2/aws-node-termination-handler:${nth.version}
        imagePullPolicy: IfNotPresent
        name: aws-node-termination-handler
        resources:
${memoryLimit(nth)}          requests:
            cpu: ${nth.cpuRequest ?? '50m'}
            memory: ${nth.memoryRequest ?? '64Mi'}
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          runAsGroup: 1000
          runAsNonRoot: true
${seLinux(cluster)}        volumeMounts:
        - mountPath: /proc/uptime
          name: uptime
          readOnly: true
      dnsPolicy: ClusterFirstWithHostNet
      hostNetwork: true
      nodeSelector:
        kubernetes.io/os: linux
      priorityClassName: system-node-critical
      securityContext:
        fsGroup: 1000
      serviceAccountName: aws-node-termination-handler
      tolerations:
      - operator: Exists
      volumes:
      - hostPath:
          path: /proc/uptime
        name: uptime
  updateStrategy:
    rollingUpdate:
      maxUnavailable: 25%
    type: RollingUpdate
`;
}
