import { serviceAccountRoleArn, serviceAccountRoleName } from '../irsa.js';
import { awsRegion } from '../system-env.js';
import type { AddonCluster, AddonContext } from '../types.js';

/** EKS pod identity webhook: injects web-identity credentials into pods of service accounts given IAM permissions. */
export function podIdentityWebhook(cluster: AddonCluster, ctx: AddonContext): string {
  return `apiVersion: v1
kind: ServiceAccount
metadata:
  labels:
    k8s-addon: eks-pod-identity-webhook.addons.k8s.io
  name: pod-identity-webhook
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  labels:
    k8s-addon: eks-pod-identity-webhook.addons.k8s.io
  name: pod-identity-webhook
  namespace: kube-system
rules:
- apiGroups:
  - ""
  resources:
  - configmaps
  verbs:
  - list
  - get
  - watch

---

apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  labels:
    k8s-addon: eks-pod-identity-webhook.addons.k8s.io
  name: pod-identity-webhook
  namespace: kube-system
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: pod-identity-webhook
subjects:
- kind: ServiceAccount
  name: pod-identity-webhook
  namespace: kube-system

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    k8s-addon: eks-pod-identity-webhook.addons.k8s.io
  name: pod-identity-webhook
rules:
- apiGroups:
  - ""
  resources:
  - serviceaccounts
  verbs:
  - get
  - watch
  - list

---

apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
    k8s-addon: eks-pod-identity-webhook.addons.k8s.io
  name: pod-identity-webhook
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: pod-identity-webhook
subjects:
- kind: ServiceAccount
  name: pod-identity-webhook
  namespace: kube-system

---

apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    k8s-addon: eks-pod-identity-webhook.addons.k8s.io
  name: pod-identity-webhook
  namespace: kube-system
spec:
  replicas: ${cluster.spec.podIdentityWebhook?.replicas || 2}
  selector:
    matchLabels:
      app: pod-identity-webhook
  template:
    metadata:
      labels:
        app: pod-identity-webhook
        kops.k8s.io/managed-by: kops
    spec:
      containers:
      - command:
        - /webhook
        - --in-cluster=false
        - --namespace=kube-system
        - --service-name=pod-identity-webhook
        - --annotation-prefix=eks.amazonaws.com
        - --token-audience=amazonaws.com
        - --logtostderr
        - --watch-config-map
        - --sts-regional-endpoint
        - --aws-default-region=${awsRegion(cluster)}
        - --v=5
        image: amazon/amazon-eks-pod-identity-webhook:v0.5.7
        name: pod-identity-webhook
        readinessProbe:
          failureThreshold: 3
          httpGet:
            path: /healthz
            port: 443
            scheme: HTTPS
          initialDelaySeconds: 5
          periodSeconds: 5
          successThreshold: 1
          timeoutSeconds: 1
        volumeMounts:
        - mountPath: /etc/webhook/certs
          name: cert
          readOnly: true
      priorityClassName: system-cluster-critical
      serviceAccountName: pod-identity-webhook
      topologySpreadConstraints:
      - labelSelector:
          matchLabels:
            app: pod-identity-webhook
        maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: ScheduleAnyway
      - labelSelector:
          matchLabels:
            app: pod-identity-webhook
        maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: DoNotSchedule
      volumes:
      - name: cert
        secret:
          secretName: pod-identity-webhook-cert

---

apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  labels:
    k8s-addon: eks-pod-identity-webhook.addons.k8s.io
  name: pod-identity-webhook
  namespace: kube-system
spec:
  commonName: pod-identity-webhook.kube-system.svc
  dnsNames:
  - pod-identity-webhook
  - pod-identity-webhook.kube-system
  - pod-identity-webhook.kube-system.svc
  - pod-identity-webhook.kube-system.svc.local
  duration: 2160h
  issuerRef:
    kind: Issuer
    name: eks-pod-identity-webhook.addons.k8s.io
  renewBefore: 360h
  secretName: pod-identity-webhook-cert

---

apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata:
  annotations:
    cert-manager.io/inject-ca-from: kube-system/pod-identity-webhook
  labels:
    k8s-addon: eks-pod-identity-webhook.addons.k8s.io
  name: pod-identity-webhook
webhooks:
- admissionReviewVersions:
  - v1beta1
  clientConfig:
    service:
      name: pod-identity-webhook
      namespace: kube-system
      path: /mutate
  failurePolicy: Fail
  name: pod-identity-webhook.amazonaws.com
  objectSelector:
    matchExpressions:
    - key: kops.k8s.io/managed-by
      operator: NotIn
      values:
      - kops
    - key: k8s-app
      operator: NotIn
      values:
      - kube-apiserver
  rules:
  - apiGroups:
    - ""
    apiVersions:
    - v1
    operations:
    - CREATE
    resources:
    - pods
  sideEffects: None

---

apiVersion: v1
kind: Service
metadata:
  annotations:
    prometheus.io/port: "9999"
    prometheus.io/scheme: http
    prometheus.io/scrape: "true"
  labels:
    k8s-addon: eks-pod-identity-webhook.addons.k8s.io
  name: pod-identity-webhook
  namespace: kube-system
spec:
  ports:
  - name: webhook
    port: 443
    protocol: TCP
    targetPort: 443
  - name: metrics
    port: 9999
    protocol: TCP
    targetPort: 9999
  selector:
    app: pod-identity-webhook

---

apiVersion: v1
data:
  config: ${JSON.stringify(JSON.stringify(webhookConfig(cluster, ctx)))}
kind: ConfigMap
metadata:
  annotations:
    prometheus.io/port: "9999"
    prometheus.io/scheme: http
    prometheus.io/scrape: "true"
  labels:
    k8s-addon: eks-pod-identity-webhook.addons.k8s.io
  name: pod-identity-webhook
  namespace: kube-system

---

apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  labels:
    k8s-addon: eks-pod-identity-webhook.addons.k8s.io
  name: pod-identity-webhook
  namespace: kube-system
spec:
  maxUnavailable: 50%
  selector:
    matchLabels:
      app: pod-identity-webhook
`;
}

/** Service account (`namespace/name`) -> the role its pods assume; a `*` in a namespace reads `wildcard` in the role name. */
function webhookConfig(cluster: AddonCluster, ctx: AddonContext): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  const accounts: { name: string; namespace: string }[] = cluster.spec.iam?.serviceAccountExternalPermissions ?? [];
  for (const sa of [...accounts].sort((a, b) => (`${a.namespace}/${a.name}` < `${b.namespace}/${b.name}` ? -1 : 1))) {
    const role = serviceAccountRoleName(sa.name, sa.namespace.replaceAll('*', 'wildcard'), cluster.metadata.name);
    config[`${sa.namespace}/${sa.name}`] = { RoleARN: serviceAccountRoleArn(ctx, role), Audience: 'amazonaws.com', UseRegionalSTS: true, TokenExpiration: 0 };
  }
  return config;
}
