import { containerdSELinuxEnabled, indent, isIPv6Only, joinHostPort, sortedEntries } from '../template-helpers.js';
import type { AddonCluster } from '../types.js';

const HEALTH_CHECK_PORT = 3989;

/** Where the cache forwards cluster names: kube-proxy in ipvs mode needs the DNS service address itself. */
function clusterDNSTarget(cluster: AddonCluster): string {
  return cluster.spec.kubeProxy?.proxyMode === 'ipvs' ? String(cluster.spec.kubeDNS?.serverIP) : '__PILLAR__CLUSTER__DNS__';
}

function zone(name: string, localIP: string, forward: string, extra = ''): string {
  return `    ${name}:53 {
        errors
        cache 30
        reload
        loop
        bind ${localIP}
        forward . ${forward}
        prometheus :9253${extra}
    }`;
}

/** The Corefile of the node cache (the user's own when externalCoreFile is set). */
function corefile(cluster: AddonCluster): string {
  const dns = cluster.spec.kubeDNS ?? {};
  const local = dns.nodeLocalDNS ?? {};
  if (local.externalCoreFile) return `\n${indent(4, String(local.externalCoreFile))}`;
  const localIP = String(local.localIP);
  const upstream = `${clusterDNSTarget(cluster)} {\n          force_tcp\n        }`;
  const clusterZone = `    ${dns.domain}:53 {
        errors
        cache {
          success 9984 30
          denial 9984 5
        }
        reload
        loop
        bind ${localIP}
        forward . ${upstream}
        prometheus :9253
        health ${joinHostPort(localIP, HEALTH_CHECK_PORT)}
    }`;
  const zones =
    local.forwardToKubeDNS === true
      ? [zone('.', localIP, upstream)]
      : [
          zone('in-addr.arpa', localIP, upstream),
          zone('ip6.arpa', localIP, upstream),
          zone('.', localIP, '__PILLAR__UPSTREAM__SERVERS__', isIPv6Only(cluster) ? '\n        dns64' : ''),
        ];
  return `\n${[clusterZone, ...zones].join('\n')}\n${indent(4, String(local.additionalConfig ?? ''))}`;
}

/** node-local-dns: a DNS cache on every node, at the link-local address the kubelet gives pods. */
export function nodeLocalDNS(cluster: AddonCluster): string {
  const local = cluster.spec.kubeDNS?.nodeLocalDNS ?? {};
  const annotations = sortedEntries<string>(local.podAnnotations)
    .map(([k, v]) => `\n        ${k}: ${JSON.stringify(String(v))}`)
    .join('');
  const seLinux = containerdSELinuxEnabled(cluster) ? '\n          seLinuxOptions:\n            type: spc_t\n            level: s0' : '';
  return `apiVersion: v1
kind: ServiceAccount
metadata:
  name: node-local-dns
  namespace: kube-system
  labels:
    kubernetes.io/cluster-service: "true"
    addonmanager.kubernetes.io/mode: Reconcile
---
apiVersion: v1
kind: Service
metadata:
  name: kube-dns-upstream
  namespace: kube-system
  labels:
    k8s-app: kube-dns
    kubernetes.io/cluster-service: "true"
    addonmanager.kubernetes.io/mode: Reconcile
    kubernetes.io/name: "KubeDNSUpstream"
spec:
  ports:
  - name: dns
    port: 53
    protocol: UDP
    targetPort: 53
  - name: dns-tcp
    port: 53
    protocol: TCP
    targetPort: 53
  selector:
    k8s-app: kube-dns
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: node-local-dns
  namespace: kube-system
  labels:
    addonmanager.kubernetes.io/mode: Reconcile
data:
  Corefile: |${corefile(cluster)}
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-local-dns
  namespace: kube-system
  labels:
    k8s-app: node-local-dns
    kubernetes.io/cluster-service: "true"
    addonmanager.kubernetes.io/mode: Reconcile
spec:
  updateStrategy:
    type: OnDelete
  selector:
    matchLabels:
      k8s-app: node-local-dns
  template:
    metadata:
      labels:
        k8s-app: node-local-dns
      annotations:
        prometheus.io/port: "9253"
        prometheus.io/scrape: "true"${annotations}
    spec:
      priorityClassName: system-node-critical
      serviceAccountName: node-local-dns
      hostNetwork: true
      dnsPolicy: Default
      tolerations:
      - key: "CriticalAddonsOnly"
        operator: "Exists"
      - effect: "NoExecute"
        operator: "Exists"
      - effect: "NoSchedule"
        operator: "Exists"
      containers:
      - name: node-cache
        image: ${local.image}
        resources:
          requests:
            cpu: ${local.cpuRequest}
            memory: ${local.memoryRequest}
        args:
          - -localip=${local.localIP}
          - -conf=/etc/Corefile
          - -upstreamsvc=kube-dns-upstream
          - -setupiptables=false
        securityContext:
          capabilities:
            add:
            - NET_ADMIN${seLinux}
        ports:
        - containerPort: 53
          name: dns
          protocol: UDP
        - containerPort: 53
          name: dns-tcp
          protocol: TCP
        - containerPort: 9253
          name: metrics
          protocol: TCP
        livenessProbe:
          httpGet:
            host: ${local.localIP}
            path: /health
            port: ${HEALTH_CHECK_PORT}
          initialDelaySeconds: 60
          timeoutSeconds: 5
        volumeMounts:
        - mountPath: /run/xtables.lock
          name: xtables-lock
          readOnly: false
        - name: config-volume
          mountPath: /etc/coredns
        - name: kube-dns-config
          mountPath: /etc/kube-dns
      volumes:
      - name: xtables-lock
        hostPath:
          path: /run/xtables.lock
          type: FileOrCreate
      - name: kube-dns-config
        configMap:
          name: kube-dns
          optional: true
      - name: config-volume
        configMap:
          name: node-local-dns
          items:
            - key: Corefile
              path: Corefile.base
`;
}
