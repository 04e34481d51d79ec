import { expect, test } from 'vitest';
import { parseChannelAddons, parseManifest } from '../../../src/addons/channel-apply/channel.js';

const channel = (entries: string) => `kind: Addons\nmetadata:\n  name: bootstrap\nspec:\n  addons:\n${entries}`;

test('a channel entry keeps name, id, version, manifest and hash', () => {
  const addons = parseChannelAddons(
    channel('  - name: a.addons.k8s.io\n    id: k8s-1.12\n    manifest: a.addons.k8s.io/k8s-1.12.yaml\n    manifestHash: abc\n    selector: {k8s-addon: a}\n'),
    'memfs://c/addons/bootstrap-channel.yaml',
  );
  expect(addons).toEqual([{ name: 'a.addons.k8s.io', id: 'k8s-1.12', version: undefined, manifest: 'a.addons.k8s.io/k8s-1.12.yaml', manifestHash: 'abc' }]);
});

test('an unknown add-on version is an error naming the entry', () => {
  expect(() => parseChannelAddons(channel('  - name: a\n    version: latest\n    manifest: a/x.yaml\n'), 'ch.yaml')).toThrow(
    'ch.yaml: spec.addons[0].version: unknown version "latest" of add-on a',
  );
});

test('a file that is not an Addons object, or an entry without a manifest, is refused', () => {
  expect(() => parseChannelAddons('kind: Cluster\n', 'ch.yaml')).toThrow('ch.yaml: not an add-on channel (kind: Addons expected)');
  expect(() => parseChannelAddons(channel('  - name: a\n'), 'ch.yaml')).toThrow('ch.yaml: spec.addons[0].manifest is missing (add-on a)');
});

test('a manifest is parsed whole: empty documents are skipped, a document without a name fails the add-on', () => {
  expect(parseManifest('---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n', 'm')).toHaveLength(1);
  expect(() => parseManifest('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\n', 'm')).toThrow(
    'm: document 2 is not a Kubernetes object (apiVersion, kind and metadata.name are required)',
  );
});
