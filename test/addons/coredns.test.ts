import { describe, expect, test } from 'vitest';
import { parseManifest } from '../../src/addons/manifest.js';
import { addonsWith, objectsOf } from './addon-fixture.js';

const PATH = 'addons/coredns.addons.k8s.io/k8s-1.12.yaml';
const render = (dns: Record<string, unknown>, extra: (s: any) => void = () => {}) =>
  objectsOf(
    addonsWith((s) => {
      s.kubeDNS = { ...s.kubeDNS, ...dns };
      extra(s);
    }),
    PATH,
  );
const deployment = (objects: any[], name: string) => objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name).spec.template;
const corefile = (objects: any[]) => objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'coredns').data.Corefile;

describe('CoreDNS settings reach the manifest', () => {
  test('upstream nameservers replace resolv.conf; externalCoreFile replaces the Corefile', () => {
    expect(corefile(render({ upstreamNameservers: ['10.0.0.2', '10.0.0.3'] }))).toContain('forward . 10.0.0.2 10.0.0.3 {');
    expect(corefile(render({}))).toContain('forward . /etc/resolv.conf {');
    expect(corefile(render({ externalCoreFile: '.:53 {\n    forward . 9.9.9.9\n}' }))).toBe('.:53 {\n    forward . 9.9.9.9\n}');
  });

  test('images, pod annotations, tolerations, affinity and SELinux', () => {
    const tolerations = [{ key: 'dedicated', operator: 'Equal', value: 'dns', effect: 'NoSchedule' }];
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'dns', operator: 'Exists' }] }] } } };
    const objects = render(
      { coreDNSImage: 'example.com/coredns:9', cpaImage: 'example.com/cpa:9', podAnnotations: { 'example.com/a': 'b' }, tolerations, affinity },
      (s) => (s.containerd.selinuxEnabled = true),
    );
    const dns = deployment(objects, 'coredns');
    expect(dns.metadata.annotations).toEqual({ 'example.com/a': 'b' });
    expect(dns.spec.containers[0].image).toBe('example.com/coredns:9');
    expect(dns.spec.tolerations).toEqual(tolerations);
    expect(dns.spec.affinity).toEqual(affinity);
    expect(dns.spec.containers[0].securityContext.seLinuxOptions).toEqual({ level: 's0', type: 'spc_t' });
    const autoscaler = deployment(objects, 'coredns-autoscaler');
    expect(autoscaler.spec.containers[0].image).toBe('example.com/cpa:9');
    expect(autoscaler.spec.tolerations).toEqual(tolerations);
  });
});

describe('reading a rendered manifest as kops does', () => {
  test('sections are cut at ---; a block scalar ending its section keeps no final line break', () => {
    expect(parseManifest('a: |\n  x\n  y\n---\nb: |\n  z\n')).toEqual([{ a: 'x\ny' }, { b: 'z\n' }]);
    expect(parseManifest('a: |\n  x\n  \n---\n# only a comment\n')).toEqual([{ a: 'x\n' }]);
    // The block is found above content lines that end with | themselves, in sequences, and with indicators.
    expect(parseManifest('script: |\n  echo a |\n    grep b\n---\nargs:\n- >2\n   one\n---\nk: |+\n  kept')).toEqual([
      { script: 'echo a |\n  grep b' },
      { args: [' one'] },
      { k: 'kept\n' },
    ]);
    // A plain value ending the section leaves the blocks above it alone.
    expect(parseManifest('a: |\n  x\nb: z')).toEqual([{ a: 'x\n', b: 'z' }]);
  });

  test('plain scalars are read as YAML 1.1 (as Go does); quoted ones stay strings', () => {
    expect(parseManifest('a: yes\nb: Off\nc: 0400\nd: 0x1F\ne: 1_000\nf: 1:30\ng: 1.5e3\nh: ~\ni: "yes"\nj: \'0400\'\nk: .inf\n')).toEqual([
      { a: true, b: false, c: 256, d: 31, e: 1000, f: 90, g: 1500, h: null, i: 'yes', j: '0400', k: Infinity },
    ]);
    expect(() => parseManifest('a: 1\na: 2\n')).toThrow(/^add-on manifest: duplicated mapping key/);
  });
});
