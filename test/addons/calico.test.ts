import { describe, expect, test } from 'vitest';
import { addonsWith, objectsOf } from './addon-fixture.js';

const PATH = 'addons/networking.projectcalico.org/k8s-1.25.yaml';
const calico = (settings: Record<string, unknown>) => (spec: Record<string, any>) => {
  spec.networking = { calico: { encapsulationMode: 'ipip', ...settings } };
};
const render = (settings: Record<string, unknown>, caseName = 'privatecalico') => objectsOf(addonsWith(calico(settings), caseName), PATH);
const nodeEnv = (objects: any[]) =>
  Object.fromEntries(
    objects
      .find((o) => o.kind === 'DaemonSet' && o.metadata.name === 'calico-node')
      .spec.template.spec.containers[0].env.filter((e: { value?: string }) => e.value !== undefined)
      .map((e: { name: string; value: string }) => [e.name, e.value]),
  );

describe('calico settings reach the manifest', () => {
  test('defaults: ipip cross-subnet, bird backend, no typha, AWS source/destination check disabled', () => {
    const objects = render({});
    const env = nodeEnv(objects);
    expect(env).toMatchObject({ CALICO_IPV4POOL_IPIP: 'CrossSubnet', CALICO_IPV4POOL_VXLAN: 'Never', FELIX_AWSSRCDSTCHECK: 'Disable', FELIX_BPFENABLED: 'false', FELIX_IPTABLESBACKEND: 'Auto', FELIX_LOGSEVERITYSCREEN: 'info' });
    expect(objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'calico-config').data).toMatchObject({ calico_backend: 'bird', typha_service_name: 'none', veth_mtu: '0' });
    expect(objects.some((o) => o.metadata.name === 'calico-typha')).toBe(false);
  });

  test('vxlan encapsulation with its mode, MTU, registry and version', () => {
    const objects = render({ encapsulationMode: 'vxlan', vxlanMode: 'Always', mtu: 8981, registry: 'example.com', version: 'v3.99.0' });
    const env = nodeEnv(objects);
    expect(env).toMatchObject({ CALICO_IPV4POOL_IPIP: 'Never', CALICO_IPV4POOL_VXLAN: 'Always', CALICO_IPV6POOL_VXLAN: 'Always' });
    expect(objects.find((o) => o.metadata.name === 'calico-config').data).toMatchObject({ calico_backend: 'vxlan', veth_mtu: '8981' });
    const node = objects.find((o) => o.kind === 'DaemonSet' && o.metadata.name === 'calico-node');
    expect(node.spec.template.spec.containers[0].image).toBe('example.com/calico/node:v3.99.0');
  });

  test('typha replicas add the typha deployment, service and PDB, and point calico-node at it', () => {
    const objects = render({ typhaReplicas: 3, typhaPrometheusMetricsEnabled: true, typhaPrometheusMetricsPort: 9099 });
    const typha = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'calico-typha');
    expect(typha.spec.replicas).toBe(3);
    expect(typha.spec.template.spec.containers[0].ports).toContainEqual({ containerPort: 9099, name: 'metrics', protocol: 'TCP' });
    expect(objects.filter((o) => o.metadata.name === 'calico-typha').map((o) => o.kind).sort()).toEqual(['Deployment', 'PodDisruptionBudget', 'Service']);
    expect(objects.find((o) => o.metadata.name === 'calico-config').data.typha_service_name).toBe('calico-typha');
  });

  test('felix settings: BPF, iptables/nftables, logging, metrics, wireguard, chain insert mode, autodetection, src/dst check', () => {
    const env = nodeEnv(
      render({
        bpfEnabled: true,
        bpfExternalServiceMode: 'DSR',
        bpfLogLevel: 'Debug',
        bpfKubeProxyIptablesCleanupEnabled: true,
        chainInsertMode: 'append',
        iptablesBackend: 'NFT',
        nftablesMode: 'Enabled',
        logSeverityScreen: 'warning',
        prometheusMetricsEnabled: true,
        prometheusMetricsPort: 9092,
        prometheusGoMetricsEnabled: true,
        prometheusProcessMetricsEnabled: true,
        wireguardEnabled: true,
        ipv4AutoDetectionMethod: 'can-reach=8.8.8.8',
        awsSrcDstCheck: 'DoNothing',
        cpuRequest: '500m',
      }),
    );
    expect(env).toMatchObject({
      FELIX_BPFENABLED: 'true',
      FELIX_BPFEXTERNALSERVICEMODE: 'DSR',
      FELIX_BPFLOGLEVEL: 'Debug',
      FELIX_BPFKUBEPROXYIPTABLESCLEANUPENABLED: 'true',
      FELIX_CHAININSERTMODE: 'append',
      FELIX_IPTABLESBACKEND: 'NFT',
      FELIX_NFTABLESMODE: 'Enabled',
      FELIX_LOGSEVERITYSCREEN: 'warning',
      FELIX_PROMETHEUSMETRICSENABLED: 'true',
      FELIX_PROMETHEUSMETRICSPORT: '9092',
      FELIX_PROMETHEUSGOMETRICSENABLED: 'true',
      FELIX_PROMETHEUSPROCESSMETRICSENABLED: 'true',
      FELIX_WIREGUARDENABLED: 'true',
      IP_AUTODETECTION_METHOD: 'can-reach=8.8.8.8',
      FELIX_AWSSRCDSTCHECK: 'DoNothing',
    });
  });

  test('BPF mode gives calico the API server endpoint; allowIPForwarding reaches the CNI config', () => {
    const objects = render({ bpfEnabled: true, allowIPForwarding: true });
    const endpoint = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'kubernetes-services-endpoint');
    expect(endpoint.data).toEqual({ KUBERNETES_SERVICE_HOST: 'api.internal.privatecalico.example.com', KUBERNETES_SERVICE_PORT: '443' });
    expect(objects.find((o) => o.metadata.name === 'calico-config').data.cni_network_config).toContain('"allow_ip_forwarding": true');
  });

  test('egress proxy settings are passed to calico-node', () => {
    const objects = objectsOf(
      addonsWith((s) => {
        calico({})(s);
        s.egressProxy = { httpProxy: { host: 'proxy.example.com', port: 3128 }, excludes: 'internal.example.com' };
      }, 'privatecalico'),
      PATH,
    );
    expect(nodeEnv(objects)).toMatchObject({ http_proxy: 'http://proxy.example.com:3128', https_proxy: 'http://proxy.example.com:3128', NO_PROXY: 'internal.example.com', no_proxy: 'internal.example.com' });
  });
});
