import { describe, expect, test } from 'vitest';
import { addonsWith, channelEntries, objectsOf } from './addon-fixture.js';

const PATH = 'addons/networking.cilium.io/k8s-1.16-v1.15.yaml';
const withCilium = (settings: Record<string, unknown>) => (s: any) => (s.networking = { cilium: { ...s.networking.cilium, ...settings } });
const config = (objects: any[]) => objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'cilium-config').data;

describe('cilium settings reach the manifest', () => {
  test('disableMasquerade turns masquerading off; version and registry pick the images', () => {
    const objects = objectsOf(addonsWith(withCilium({ disableMasquerade: true, version: 'v1.99.1', registry: 'example.com' }), 'privatecilium'), PATH);
    expect(config(objects)['enable-ipv4-masquerade']).toBe('false');
    const agent = objects.find((o) => o.kind === 'DaemonSet' && o.metadata.name === 'cilium').spec.template.spec.containers[0];
    expect(agent.image).toMatch(/^example\.com\/cilium\/cilium:v1\.99\.1/);
    expect(config(objectsOf(addonsWith(() => {}, 'privatecilium'), PATH))['enable-ipv4-masquerade']).toBe('true');
  });

  test('agent pod annotations and hubble (which makes the channel entry ask for the PKI)', () => {
    const files = addonsWith(withCilium({ agentPodAnnotations: { 'example.com/x': 'y' }, hubble: { enabled: true } }), 'privatecilium');
    const agent = objectsOf(files, PATH).find((o) => o.kind === 'DaemonSet' && o.metadata.name === 'cilium');
    expect(agent.spec.template.metadata.annotations['example.com/x']).toBe('y');
    expect(config(objectsOf(files, PATH))['enable-hubble']).toBe('true');
    expect(channelEntries(files).find((a) => a.name === 'networking.cilium.io')?.needsPKI).toBe(true);
    expect(channelEntries(addonsWith(() => {}, 'privatecilium')).find((a) => a.name === 'networking.cilium.io')?.needsPKI).toBeUndefined();
  });

  test('extraConfig entries are added to the agent configuration, quoted as Go quotes them', () => {
    const objects = objectsOf(addonsWith(withCilium({ extraConfig: { 'kops-ts-extra': 'true', 'custom-note': 'a "b"' } }), 'privatecilium'), PATH);
    expect(config(objects)['kops-ts-extra']).toBe('true');
    expect(config(objects)['custom-note']).toBe('a "b"');
  });
});
