import { toGoYaml } from '../../apis/go/yaml.js';
import { remapImage } from '../../apis/image-remap.js';
import { systemComponentEnv } from '../../addons/system-env.js';
import type { BootstrapContext, StateFile } from './types.js';
import type { Cluster } from '../../apis/types.js';

/** The kube-apiserver health-check sidecar, a static pod on every API-server node. */
export function kubeApiserverHealthcheck(cluster: Cluster, ctx: BootstrapContext): StateFile {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {},
    spec: {
      containers: [
        {
          args: ['--ca-cert=/secrets/ca.crt', '--client-cert=/secrets/client.crt', '--client-key=/secrets/client.key'],
          image: remapImage(`registry.k8s.io/kops/kube-apiserver-healthcheck:${ctx.kopsVersion}`, cluster.spec.assets),
          livenessProbe: {
            httpGet: { host: '127.0.0.1', path: '/.kube-apiserver-healthcheck/healthz', port: 3990 },
            initialDelaySeconds: 5,
            timeoutSeconds: 5,
          },
          name: 'healthcheck',
          resources: {},
          securityContext: { runAsNonRoot: true, runAsUser: 10012 },
          volumeMounts: [{ mountPath: '/secrets', name: 'healthcheck-secrets', readOnly: true }],
        },
      ],
      volumes: [{ hostPath: { path: '/etc/kubernetes/kube-apiserver-healthcheck/secrets', type: 'Directory' }, name: 'healthcheck-secrets' }],
    },
    status: {},
  };
  return { tfName: 'manifests-static-kube-apiserver-healthcheck', path: 'manifests/static/kube-apiserver-healthcheck.yaml', content: toGoYaml(pod) };
}

/** The user's own add-on channels (spec.addons[].manifest), applied after the bootstrap channel. */
function userChannels(cluster: Cluster): string[] {
  const addons = (cluster.spec.addons ?? []) as { manifest?: string }[];
  return addons.map((a) => a.manifest ?? '');
}

/** The `channels` static pod on control-plane nodes: applies the bootstrap channel (the add-ons) every minute. */
export function kopsChannels(cluster: Cluster, ctx: BootstrapContext): StateFile {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels: { 'k8s-app': 'kops-channels' }, name: 'kops-channels', namespace: 'kube-system' },
    spec: {
      containers: [
        {
          args: [
            'apply',
            'channel',
            '--v=4',
            '--yes',
            '--interval=1m0s',
            '--node-labels=node-role.kubernetes.io/control-plane',
            '--node-name=$(NODE_NAME)',
            `${cluster.spec.configBase}/addons/bootstrap-channel.yaml`,
            ...userChannels(cluster),
          ],
          env: [
            { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
            { name: 'KUBECONFIG', value: '/var/lib/kops/kubeconfig' },
            { name: 'HOME', value: '/tmp' },
            ...systemComponentEnv(cluster, ctx.env),
          ],
          image: remapImage(`registry.k8s.io/kops/channels:${ctx.kopsVersion}`, cluster.spec.assets),
          name: 'kops-channels',
          readinessProbe: {
            failureThreshold: 2,
            httpGet: { host: '127.0.0.1', path: '/readyz', port: 3986 },
            initialDelaySeconds: 30,
            periodSeconds: 10,
          },
          resources: { requests: { cpu: '50m', memory: '50Mi' } },
          securityContext: { runAsNonRoot: true, runAsUser: 10013 },
          volumeMounts: [{ mountPath: '/var/lib/kops/kubeconfig', name: 'kubeconfig', readOnly: true }],
        },
      ],
      dnsPolicy: 'Default',
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }],
      volumes: [{ hostPath: { path: '/var/lib/kops/kubeconfig', type: 'File' }, name: 'kubeconfig' }],
    },
    status: {},
  };
  return { tfName: 'manifests-channels-kops-channels', path: 'manifests/channels/kops-channels.yaml', content: toGoYaml(pod) };
}
