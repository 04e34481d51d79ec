import { toGoYaml } from '../../apis/go/yaml.js';
import { containerdSELinuxEnabled, indent } from '../template-helpers.js';
import type { AddonCluster, AddonContext } from '../types.js';

const DEFAULT_IMAGE = 'public.ecr.aws/eks-distro/kubernetes-sigs/aws-iam-authenticator:v0.6.20-eks-1-30-7';

interface IdentityMapping {
  arn?: string;
  username?: string;
  groups?: string[];
}

/** The IAMIdentityMapping objects kops creates for identityMappings when the CRD backend is in use. */
function identityMappings(aws: AddonCluster['spec']): string {
  const mode = String(aws.backendMode ?? '');
  const mappings = (aws.identityMappings ?? []) as IdentityMapping[];
  if (!mode.includes('CRD') || mappings.length === 0) return '';
  return mappings
    .map(
      (m, i) => `
---
apiVersion: iamauthenticator.k8s.aws/v1alpha1
kind: IAMIdentityMapping
metadata:
  name: iam-identity-mapping-${i}
  labels:
    k8s-app: aws-iam-authenticator
spec:
  arn: ${m.arn ?? ''}
  username: ${m.username ?? ''}
  groups:
${indent(4, m.groups && m.groups.length > 0 ? toGoYaml(m.groups) : '[]\n')}`,
    )
    .join('');
}

/** aws-iam-authenticator on the API-server nodes: the token webhook behind spec.authentication.aws. */
export function authenticationAws(cluster: AddonCluster, ctx: AddonContext): string {
  const aws = cluster.spec.authentication?.aws ?? {};
  const mode = String(aws.backendMode ?? '');
  const mountedFile = mode === '' || mode.includes('MountedFile');
  const clusterId = aws.clusterID || (mode !== '' && !mode.includes('MountedFile')) ? [`        - --cluster-id=${aws.clusterID || cluster.metadata.name}`] : [];
  const args = [
    '        - server',
    ...(mountedFile ? ['        - --config=/etc/aws-iam-authenticator/config.yaml'] : []),
    ...clusterId,
    '        - --state-dir=/var/aws-iam-authenticator',
    '        - --kubeconfig-pregenerated=true',
    ...(mode ? [`        - --backend-mode=${mode}`] : []),
  ].join('\n');
  const apiServerRole = (ctx.featureFlags ?? []).includes('APIServerNodes') ? 'node-role.kubernetes.io/api-server' : 'node-role.kubernetes.io/control-plane';
  const seLinux = containerdSELinuxEnabled(cluster) ? '      securityContext:\n        seLinuxOptions:\n          type: spc_t\n          level: s0\n' : '';
  const cpuLimit = aws.cpuLimit ? `\n            cpu: ${aws.cpuLimit}` : '';
  const configMount = mountedFile ? '        - name: config\n          mountPath: /etc/aws-iam-authenticator/\n' : '';
  const configVolume = mountedFile ? '      - name: config\n        configMap:\n          name: aws-iam-authenticator\n' : '';
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: iamidentitymappings.iamauthenticator.k8s.aws
spec:
  group: iamauthenticator.k8s.aws
  scope: Cluster
  names:
    plural: iamidentitymappings
    singular: iamidentitymapping
    kind: IAMIdentityMapping
    categories:
    - all
  versions:
    - name: v1alpha1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required:
              - arn
              - username
              properties:
                arn:
                  type: string
                username:
                  type: string
                groups:
                  type: array
                  items:
                    type: string
            status:
              type: object
              properties:
                canonicalARN:
                  type: string
                userID:
                  type: string
      subresources:
        status: {}
---
kind: ClusterRole
apiVersion: rbac.authorization.k8s.io/v1
metadata:
  name: aws-iam-authenticator
rules:
- apiGroups:
  - iamauthenticator.k8s.aws
  resources:
  - iamidentitymappings
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - iamauthenticator.k8s.aws
  resources:
  - iamidentitymappings/status
  verbs:
  - patch
  - update
- apiGroups:
  - ""
  resources:
  - events
  verbs:
  - create
  - update
  - patch
- apiGroups:
  - ""
  resources:
  - configmaps
  verbs:
  - list
  - watch
- apiGroups:
  - ""
  resources:
  - configmaps
  resourceNames:
  - aws-auth
  verbs:
  - get

---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: aws-iam-authenticator
  namespace: kube-system

---
kind: ClusterRoleBinding
apiVersion: rbac.authorization.k8s.io/v1
metadata:
  name: aws-iam-authenticator
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: aws-iam-authenticator
subjects:
- kind: ServiceAccount
  name: aws-iam-authenticator
  namespace: kube-system

---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  namespace: kube-system
  name: aws-iam-authenticator
  labels:
    k8s-app: aws-iam-authenticator
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: runtime/default
spec:
  updateStrategy:
    type: RollingUpdate
  selector:
    matchLabels:
      k8s-app: aws-iam-authenticator
  template:
    metadata:
      labels:
        k8s-app: aws-iam-authenticator
    spec:
      serviceAccountName: aws-iam-authenticator
      hostNetwork: true
      nodeSelector:
        ${apiServerRole}: ""
      priorityClassName: system-node-critical
${seLinux}      tolerations:
      - effect: NoSchedule
        key: node-role.kubernetes.io/master
      - effect: NoSchedule
        key: node-role.kubernetes.io/control-plane
      - effect: NoSchedule
        key: node-role.kubernetes.io/api-server
      - key: node.cloudprovider.kubernetes.io/uninitialized
        operator: Exists
      - key: CriticalAddonsOnly
        operator: Exists
      containers:
      - name: aws-iam-authenticator
        image: ${aws.image || DEFAULT_IMAGE}
        args:
${args}
        securityContext:
          allowPrivilegeEscalation: false
          capabilities:
            drop:
            - ALL
          runAsUser: 10000
          runAsGroup: 10000
        resources:
          requests:
            memory: ${aws.memoryRequest || '20Mi'}
            cpu: ${aws.cpuRequest || '10m'}
          limits:
            memory: ${aws.memoryLimit || '20Mi'}${cpuLimit}
        livenessProbe:
          httpGet:
            host: 127.0.0.1
            path: /healthz
            port: 21362
            scheme: HTTPS
        volumeMounts:
${configMount}        - name: state
          mountPath: /var/aws-iam-authenticator/
        - name: output
          mountPath: /etc/kubernetes/aws-iam-authenticator/
      volumes:
${configVolume}      - name: output
        hostPath:
          path: /srv/kubernetes/aws-iam-authenticator/
      - name: state
        hostPath:
          path: /srv/kubernetes/aws-iam-authenticator/${identityMappings(aws)}
`;
}
