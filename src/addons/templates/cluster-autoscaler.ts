import { toGoYaml } from '../../apis/go/yaml.js';
import { awsRegion } from '../system-env.js';
import type { AddonCluster, AddonContext } from '../types.js';
import { instanceGroupManagerName, splitAcrossZones } from '../../cloud/gce/names.js';
import { controlPlaneCount } from './instance-groups.js';

const PRIORITY_CONFIGMAP = (text: string) => `apiVersion: v1
data:
  priorities: ${JSON.stringify(text)}
kind: ConfigMap
metadata:
  labels:
    app.kubernetes.io/name: cluster-autoscaler
    k8s-addon: cluster-autoscaler.addons.k8s.io
    k8s-app: cluster-autoscaler
  name: cluster-autoscaler-priority-expander
  namespace: kube-system

---

`;

/** cluster-autoscaler for the cluster's autoscaling instance groups, on the control plane. */
export function clusterAutoscaler(cluster: AddonCluster, ctx: AddonContext): string {
  const ca = cluster.spec.clusterAutoscaler ?? {};
  const priorities = priorityExpanderConfig(cluster, ctx);
  const podAnnotations = Object.entries(ca.podAnnotations ?? {})
    .map(([k, v]) => `        ${k}: ${JSON.stringify(v)}\n`)
    .join('');
  return `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  labels:
    app.kubernetes.io/name: cluster-autoscaler
    k8s-addon: cluster-autoscaler.addons.k8s.io
    k8s-app: cluster-autoscaler
  name: cluster-autoscaler
  namespace: kube-system
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      k8s-app: cluster-autoscaler

---

apiVersion: v1
automountServiceAccountToken: true
kind: ServiceAccount
metadata:
  labels:
    app.kubernetes.io/name: cluster-autoscaler
    k8s-addon: cluster-autoscaler.addons.k8s.io
    k8s-app: cluster-autoscaler
  name: cluster-autoscaler
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    app.kubernetes.io/name: cluster-autoscaler
    k8s-addon: cluster-autoscaler.addons.k8s.io
    k8s-app: cluster-autoscaler
  name: cluster-autoscaler
rules:
- apiGroups:
  - ""
  resources:
  - events
  - endpoints
  verbs:
  - create
  - patch
- apiGroups:
  - ""
  resources:
  - pods/eviction
  verbs:
  - create
- apiGroups:
  - ""
  resources:
  - pods/status
  verbs:
  - update
- apiGroups:
  - ""
  resourceNames:
  - cluster-autoscaler
  resources:
  - endpoints
  verbs:
  - get
  - update
- apiGroups:
  - ""
  resources:
  - nodes
  verbs:
  - watch
  - list
  - get
  - update
- apiGroups:
  - resource.k8s.io
  resources:
  - resourceslices
  - deviceclasses
  - resourceclaims
  verbs:
  - watch
  - list
  - get
- apiGroups:
  - ""
  resources:
  - namespaces
  - pods
  - services
  - replicationcontrollers
  - persistentvolumeclaims
  - persistentvolumes
  verbs:
  - watch
  - list
  - get
- apiGroups:
  - batch
  resources:
  - jobs
  - cronjobs
  verbs:
  - watch
  - list
  - get
- apiGroups:
  - batch
  - extensions
  resources:
  - jobs
  verbs:
  - get
  - list
  - patch
  - watch
- apiGroups:
  - extensions
  resources:
  - replicasets
  - daemonsets
  verbs:
  - watch
  - list
  - get
- apiGroups:
  - policy
  resources:
  - poddisruptionbudgets
  verbs:
  - watch
  - list
- apiGroups:
  - apps
  resources:
  - daemonsets
  - replicasets
  - statefulsets
  verbs:
  - watch
  - list
  - get
- apiGroups:
  - storage.k8s.io
  resources:
  - storageclasses
  - csinodes
  - csidrivers
  - csistoragecapacities
  - volumeattachments
  verbs:
  - watch
  - list
  - get
- apiGroups:
  - ""
  resources:
  - configmaps
  verbs:
  - list
  - watch
  - get
- apiGroups:
  - coordination.k8s.io
  resources:
  - leases
  verbs:
  - create
- apiGroups:
  - coordination.k8s.io
  resourceNames:
  - cluster-autoscaler
  resources:
  - leases
  verbs:
  - get
  - update

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    app.kubernetes.io/name: cluster-autoscaler
    k8s-addon: cluster-autoscaler.addons.k8s.io
    k8s-app: cluster-autoscaler
  name: cluster-autoscaler
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-autoscaler
subjects:
- kind: ServiceAccount
  name: cluster-autoscaler
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  labels:
    app.kubernetes.io/name: cluster-autoscaler
    k8s-addon: cluster-autoscaler.addons.k8s.io
    k8s-app: cluster-autoscaler
  name: cluster-autoscaler
  namespace: kube-system
rules:
- apiGroups:
  - ""
  resources:
  - configmaps
  verbs:
  - create
- apiGroups:
  - ""
  resourceNames:
  - cluster-autoscaler-status
  resources:
  - configmaps
  verbs:
  - delete
  - get
  - update

---

apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  labels:
    app.kubernetes.io/name: cluster-autoscaler
    k8s-addon: cluster-autoscaler.addons.k8s.io
    k8s-app: cluster-autoscaler
  name: cluster-autoscaler
  namespace: kube-system
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: cluster-autoscaler
subjects:
- kind: ServiceAccount
  name: cluster-autoscaler
  namespace: kube-system

---

apiVersion: v1
kind: Service
metadata:
  labels:
    app.kubernetes.io/name: cluster-autoscaler
    k8s-addon: cluster-autoscaler.addons.k8s.io
    k8s-app: cluster-autoscaler
  name: cluster-autoscaler
  namespace: kube-system
spec:
  ports:
  - name: http
    port: 8085
    protocol: TCP
    targetPort: 8085
  selector:
    app.kubernetes.io/name: cluster-autoscaler
  type: ClusterIP

---

${priorities === undefined ? '' : PRIORITY_CONFIGMAP(priorities)}apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app.kubernetes.io/name: cluster-autoscaler
    k8s-addon: cluster-autoscaler.addons.k8s.io
    k8s-app: cluster-autoscaler
  name: cluster-autoscaler
  namespace: kube-system
spec:
  replicas: ${controlPlaneCount(ctx) > 1 ? 2 : 1}
  selector:
    matchLabels:
      app: cluster-autoscaler
  strategy:
    rollingUpdate:
      maxSurge: 0
    type: RollingUpdate
  template:
    metadata:
      annotations:
        prometheus.io/port: "8085"
        prometheus.io/scrape: "true"
${podAnnotations}      labels:
        app: cluster-autoscaler
        app.kubernetes.io/name: cluster-autoscaler
        k8s-addon: cluster-autoscaler.addons.k8s.io
        k8s-app: cluster-autoscaler
        kops.k8s.io/managed-by: kops
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
      - command:
        - ./cluster-autoscaler
${commandFlags(cluster, ctx).map((f) => `        - ${f}\n`).join('')}        - --logtostderr=true
        - --stderrthreshold=info
        - --v=4
${cluster.spec.cloudProvider === 'aws' ? `        env:
        - name: AWS_REGION
          value: ${awsRegion(cluster)}
` : ''}        image: ${ca.image}
        imagePullPolicy: IfNotPresent
        livenessProbe:
          failureThreshold: 3
          httpGet:
            path: /health-check
            port: http
            scheme: HTTP
          periodSeconds: 10
          successThreshold: 1
          timeoutSeconds: 1
        name: cluster-autoscaler
        ports:
        - containerPort: 8085
          name: http
          protocol: TCP
        resources:
          requests:
            cpu: ${ca.cpuRequest ?? '100m'}
            memory: ${ca.memoryRequest ?? '300Mi'}
      dnsPolicy: ClusterFirst
      hostNetwork: true
      nodeSelector: null
      priorityClassName: system-cluster-critical
      serviceAccountName: cluster-autoscaler
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
      - key: node-role.kubernetes.io/master
        operator: Exists
      topologySpreadConstraints:
      - labelSelector:
          matchLabels:
            app: cluster-autoscaler
        maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: ScheduleAnyway
      - labelSelector:
          matchLabels:
            app: cluster-autoscaler
        maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: DoNotSchedule
`;
}

type InstanceGroup = NonNullable<AddonContext['instanceGroups']>[number];

/** Instance groups the autoscaler manages: worker groups not opted out and not Karpenter-managed. */
function autoscaledGroups(ctx: AddonContext): InstanceGroup[] {
  return (ctx.instanceGroups ?? [])
    .filter((ig) => (ig.spec.role ?? 'Node') === 'Node' && ig.spec.autoscale !== false && ig.spec.manager !== 'Karpenter')
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

/**
 * The priority expander's ConfigMap text, when the expander is `priority` and kops creates the config: priority ->
 * ASG name patterns, given in customPriorityExpanderConfig or else, for each node group whose autoscale is set (true
 * or false, as template_functions.go reads it), the group under its autoscalePriority. Keys in text order, each
 * pattern written as it is.
 */
function priorityExpanderConfig(cluster: AddonCluster, ctx: AddonContext): string | undefined {
  const ca = cluster.spec.clusterAutoscaler ?? {};
  if (ca.expander !== 'priority' || ca.createPriorityExpanderConfig !== true) return undefined;
  let priorities: Record<string, string[]> = ca.customPriorityExpanderConfig;
  if (!priorities) {
    priorities = {};
    const nodeGroups = (ctx.instanceGroups ?? []).filter((ig) => (ig.spec.role ?? 'Node') === 'Node' && ig.spec.autoscale !== undefined);
    for (const ig of nodeGroups.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
      const key = String(ig.spec.autoscalePriority ?? 0);
      (priorities[key] ??= []).push(`${ig.metadata.name}.${cluster.metadata.name}`);
    }
  }
  return Object.keys(priorities)
    .sort()
    .flatMap((k) => [`${k}:`, ...priorities[k].map((pattern) => `- ${pattern}`)])
    .join('\n');
}

/**
 * `--nodes=min:max:group` per node group: the autoscaling group on AWS; on GCE each zonal managed instance group
 * (by URL) with the group's sizes split across its zones, as the groups themselves are.
 */
function nodeGroupFlags(cluster: AddonCluster, ctx: AddonContext): string[] {
  const groups: [key: string, flag: string][] = [];
  for (const ig of autoscaledGroups(ctx)) {
    const min = ig.spec.minSize ?? 0;
    const max = ig.spec.maxSize ?? 0;
    if (cluster.spec.cloudProvider !== 'gce') {
      groups.push([ig.metadata.name, `--nodes=${min}:${max}:${ig.metadata.name}.${cluster.metadata.name}`]);
      continue;
    }
    const zones: string[] = ig.spec.zones ?? [];
    const mins = splitAcrossZones(min, zones);
    const maxes = splitAcrossZones(max, zones);
    for (const zone of zones) {
      if (zones.length > 1 && maxes.get(zone) === 0) continue;
      const url = `https://www.googleapis.com/compute/v1/projects/${cluster.spec.project}/zones/${zone}/instanceGroups/${instanceGroupManagerName(cluster.metadata.name, ig.metadata.name, zone)}`;
      groups.push([zones.length > 1 ? `${ig.metadata.name}-${zone}` : ig.metadata.name, `--nodes=${mins.get(zone)}:${maxes.get(zone)}:${url}`]);
    }
  }
  return groups.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, flag]) => flag);
}

function commandFlags(cluster: AddonCluster, ctx: AddonContext): string[] {
  const ca = cluster.spec.clusterAutoscaler ?? {};
  const flags = [
    `--balance-similar-node-groups=${ca.balanceSimilarNodeGroups === true}`,
    `--emit-per-nodegroup-metrics=${ca.emitPerNodegroupMetrics === true}`,
    `--cloud-provider=${cluster.spec.cloudProvider}`,
    ...(cluster.spec.cloudProvider === 'aws' ? [`--aws-use-static-instance-list=${ca.awsUseStaticInstanceList === true}`] : []),
    `--expander=${ca.expander ?? 'random'}`,
    ...nodeGroupFlags(cluster, ctx),
    `--ignore-daemonsets-utilization=${ca.ignoreDaemonSetsUtilization === true}`,
    `--scale-down-utilization-threshold=${ca.scaleDownUtilizationThreshold ?? '0.5'}`,
    `--skip-nodes-with-custom-controller-pods=${ca.skipNodesWithCustomControllerPods !== false}`,
    `--skip-nodes-with-local-storage=${ca.skipNodesWithLocalStorage !== false}`,
    `--skip-nodes-with-system-pods=${ca.skipNodesWithSystemPods !== false}`,
    `--scale-down-delay-after-add=${ca.scaleDownDelayAfterAdd ?? '10m0s'}`,
    `--scale-down-unneeded-time=${ca.scaleDownUnneededTime ?? '10m0s'}`,
    `--scale-down-unready-time=${ca.scaleDownUnreadyTime ?? '20m0s'}`,
    `--new-pod-scale-up-delay=${ca.newPodScaleUpDelay ?? '0s'}`,
    `--max-node-provision-time=${ca.maxNodeProvisionTime ?? '15m0s'}`,
    `--cordon-node-before-terminating=${ca.cordonNodeBeforeTerminating !== false}`,
  ];
  return flags;
}
