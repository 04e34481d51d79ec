import { describe, expect, test } from 'vitest';
import { addonsWith, channelEntries, manifestOf, objectsOf } from './addon-fixture.js';

const PATH = 'addons/nodelocaldns.addons.k8s.io/k8s-1.12.yaml';

const enable = (extra: Record<string, unknown> = {}) => (spec: Record<string, any>) => {
  spec.kubeDNS.nodeLocalDNS = { ...spec.kubeDNS.nodeLocalDNS, enabled: true, localIP: '169.254.20.10', forwardToKubeDNS: false, ...extra };
};

describe('node-local-dns add-on', () => {
  test('is in the channel only when kubeDNS.nodeLocalDNS.enabled, with a rolling update of all nodes', () => {
    expect(channelEntries(addonsWith(() => {})).map((a) => a.name)).not.toContain('nodelocaldns.addons.k8s.io');
    const entries = channelEntries(addonsWith(enable()));
    const entry = entries.find((a) => a.name === 'nodelocaldns.addons.k8s.io');
    expect(entry).toMatchObject({ id: 'k8s-1.12', manifest: 'nodelocaldns.addons.k8s.io/k8s-1.12.yaml', needsRollingUpdate: 'all' });
    const names = entries.map((a) => a.name);
    expect(names.indexOf('nodelocaldns.addons.k8s.io')).toBe(names.indexOf('dns-controller.addons.k8s.io') + 1);
  });

  test('is not installed when the DNS provider is KubeDNS', () => {
    const names = channelEntries(addonsWith((s) => { enable()(s); s.kubeDNS.provider = 'KubeDNS'; })).map((a) => a.name);
    expect(names).not.toContain('nodelocaldns.addons.k8s.io');
  });

  test('the cache binds the local IP and forwards the cluster domain to kube-dns', () => {
    const text = manifestOf(addonsWith(enable()), PATH);
    expect(text).toContain('    cluster.local:53 {\n        errors\n        cache {\n          success 9984 30\n');
    expect(text).toContain('        bind 169.254.20.10\n        forward . __PILLAR__CLUSTER__DNS__ {\n          force_tcp\n        }\n');
    expect(text).toContain('        health 169.254.20.10:3989\n');
    expect(text).toContain('        forward . __PILLAR__UPSTREAM__SERVERS__\n');
    expect(text).toContain('        - -localip=169.254.20.10\n');
    expect(text).toContain('        image: registry.k8s.io/dns/k8s-dns-node-cache:1.26.0\n');
  });

  test('with kube-proxy in ipvs mode the cache forwards to the DNS service address', () => {
    const text = manifestOf(addonsWith((s) => { enable()(s); s.kubeProxy.proxyMode = 'ipvs'; }), PATH);
    expect(text).toContain(`forward . ${'100.64.0.10'} {`);
    expect(text).not.toContain('__PILLAR__CLUSTER__DNS__');
  });

  test('forwardToKubeDNS sends every name to kube-dns', () => {
    const text = manifestOf(addonsWith(enable({ forwardToKubeDNS: true })), PATH);
    expect(text).not.toContain('__PILLAR__UPSTREAM__SERVERS__');
    expect(text).not.toContain('in-addr.arpa:53');
    expect(text).toContain('    .:53 {\n        errors\n        cache 30\n        reload\n        loop\n        bind 169.254.20.10\n        forward . __PILLAR__CLUSTER__DNS__ {');
  });

  test('externalCoreFile replaces the Corefile; additionalConfig is appended to it', () => {
    const external = objectsOf(addonsWith(enable({ externalCoreFile: 'example.com:53 {\n  forward . 1.1.1.1\n}\n' })), PATH);
    expect(external.find((o) => o.kind === 'ConfigMap').data.Corefile).toBe('example.com:53 {\n  forward . 1.1.1.1\n}\n');
    const extra = objectsOf(addonsWith(enable({ additionalConfig: 'corp.example:53 {\n  forward . 10.0.0.2\n}\n' })), PATH);
    expect(extra.find((o) => o.kind === 'ConfigMap').data.Corefile).toMatch(/prometheus :9253\n}\ncorp\.example:53 \{\n  forward \. 10\.0\.0\.2\n\}\n$/);
  });

  test('pod annotations, resources, image and SELinux reach the DaemonSet', () => {
    const objects = objectsOf(
      addonsWith((s) => {
        enable({ podAnnotations: { 'example.com/team': 'dns' }, cpuRequest: '50m', memoryRequest: '10Mi', image: 'example.com/node-cache:9' })(s);
        s.containerd.selinuxEnabled = true;
      }),
      PATH,
    );
    const ds = objects.find((o) => o.kind === 'DaemonSet');
    expect(ds.spec.template.metadata.annotations).toEqual({ 'example.com/team': 'dns', 'prometheus.io/port': '9253', 'prometheus.io/scrape': 'true' });
    const container = ds.spec.template.spec.containers[0];
    expect(container.resources.requests).toEqual({ cpu: '50m', memory: '10Mi' });
    expect(container.image).toBe('example.com/node-cache:9');
    expect(container.securityContext.seLinuxOptions).toEqual({ level: 's0', type: 'spc_t' });
  });

  test('on an IPv6 cluster the health check address is bracketed and names are translated with dns64', () => {
    const text = manifestOf(addonsWith(enable({ localIP: 'fd00:90de:d95::1' }), 'minimal-ipv6'), PATH);
    expect(text).toContain('        health [fd00:90de:d95::1]:3989\n');
    expect(text).toContain('        prometheus :9253\n        dns64\n    }');
  });
});
