/**
 * The field registry, checked leaf by leaf: every CRD spec leaf is examined and classed once; each effect entry's
 * sample, set on the baseline cluster and run through the update pipeline, yields the Go kops's fragment; each refused
 * field makes `kops create -f` fail naming it, with nothing written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { encodeObjects } from '../../../src/apis/codec.js';
import { classifyLeaves, allSpecLeaves, type ClassifiedLeaf } from '../../../src/apis/fields/coverage.js';
import { AWS_REGISTRY, GCE_REGISTRY } from '../../../src/apis/fields/index.js';
import { entryPatterns, patternMatches, type EffectEntry, type RegistryEntry, type SelectorEntry } from '../../../src/apis/fields/registry.js';
import { runCli } from '../../../src/cli/run.js';
import { resetMemfs, openVfs } from '../../../src/statestore/index.js';
import { sharedDir } from '../../helpers/cli.js';
import { coverageCounts } from '../../../src/apis/fields/counts.js';
import { baselineObjects, batches, filesFor, hasFragment, keystoreDir, runOutput, withSamples } from './harness.js';
import { CLOUD_BLOCKS } from '../../../src/apis/fields/clouds.js';
import { specSetting } from './samples.js';

const crdLeaves = (file: string): string[] => {
  const crd = parse(readFileSync(join(sharedDir, 'kops-reference/crds', file), 'utf8'));
  const version = crd.spec.versions.find((v: { name: string }) => v.name === 'v1alpha2');
  const out: string[] = [];
  const walk = (node: Record<string, any>, path: string): void => {
    if (node.properties) {
      for (const [k, v] of Object.entries(node.properties)) walk(v as Record<string, any>, `${path}.${k}`);
    } else if (node.type === 'array' && node.items?.properties) walk(node.items, `${path}[]`);
    else if (node.type === 'object' && node.additionalProperties?.properties) walk(node.additionalProperties, `${path}{}`);
    else out.push(path);
  };
  walk(version.schema.openAPIV3Schema.properties.spec, 'spec');
  return out.sort();
};

/**
 * The registry tests of one cloud: every leaf classed once, each effect entry's fragment shown on the cloud's baseline,
 * each refused field refused. `everyRefusedLeaf`: a refusal test per refused leaf, else one per refusing rule.
 */
function registryTests(cloud: string, registry: readonly RegistryEntry[], everyRefusedLeaf: boolean): void {
  const classified = classifyLeaves(cloud, registry);
  /** Leaves still silently ignored: the list may only shrink (a leaf leaving it must be taken off). */
  const IGNORED_FILE = join(import.meta.dirname, `ignored-${cloud}.txt`);

  describe(`every CRD spec leaf is examined and in exactly one class (${cloud})`, () => {
    test('the leaves walked are those of the CRDs', () => {
      const ours = allSpecLeaves();
      expect(ours.filter((l) => l.kind === 'Cluster').map((l) => l.leaf).sort()).toEqual(crdLeaves('kops.k8s.io_clusters.yaml'));
      expect(ours.filter((l) => l.kind === 'InstanceGroup').map((l) => l.leaf).sort()).toEqual(crdLeaves('kops.k8s.io_instancegroups.yaml'));
    });

    test('no leaf is claimed by two entries, and every entry claims a leaf', () => {
      const leaves = allSpecLeaves();
      for (const { kind, leaf } of leaves) {
        const claims = registry.filter((e) => e.kind === kind && entryPatterns(e).some((p) => patternMatches(p, leaf)));
        expect(claims.length, `${kind} ${leaf}`).toBeLessThanOrEqual(1);
      }
      for (const e of registry) {
        for (const p of entryPatterns(e)) expect(leaves.some((l) => l.kind === e.kind && patternMatches(p, l.leaf)), `${e.kind} ${p}`).toBe(true);
      }
    });

    test('a leaf in no class fails, unless listed as still ignored; the list only shrinks', async () => {
      const counts = coverageCounts(classified);
      const listed = readFileSync(IGNORED_FILE, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
      const now = counts.ignoredLines.map((l) => l.split(':')[0]);
      expect(now.filter((l) => !listed.includes(l)), 'leaves newly ignored').toEqual([]);
      expect(listed.filter((l) => !now.includes(l)), `leaves no longer ignored: take them off ignored-${cloud}.txt`).toEqual([]);
    });

    test.runIf(cloud === 'aws')('at most 50 AWS fields are refused as not built yet', () => {
      expect(classified.filter((l) => l.is.class === 'entry' && l.is.entry.class === 'refused' && l.is.entry.why === 'not-built').length).toBeLessThanOrEqual(50);
    });
  });

  const effects = registry.filter((e): e is EffectEntry => e.class === 'effect');

  describe(`each effect entry: its sample on the ${cloud} baseline yields the Go fragment`, () => {
    /** The output of the baseline with an entry's settings but not its sample: what the fragment must not already be in. */
    const before = new Map<string, Promise<Map<string, string>>>();
    const outputs = new Map<EffectEntry, Promise<Map<string, string>>>();
    const settingsKey = (e: EffectEntry) => JSON.stringify([e.settings ?? [], e.ig ?? 'nodes', e.keystore ?? '']);
    beforeAll(() => {
      for (const batch of batches(effects)) {
        const run = runOutput(withSamples(batch, cloud), keystoreDir(batch[0], cloud));
        run.catch(() => undefined);
        for (const e of batch) outputs.set(e, run);
        const key = settingsKey(batch[0]);
        if (!before.has(key)) {
          const base = runOutput(withSamples([{ ...batch[0], at: 'metadata.labels.registry-baseline', sample: 'settings-only', kind: 'Cluster' }], cloud), keystoreDir(batch[0], cloud));
          base.catch(() => undefined);
          before.set(key, base);
        }
      }
    });

    for (const entry of effects) {
      test(`${entry.kind} ${entry.at} = ${JSON.stringify(entry.sample).slice(0, 60)}`, async () => {
        const files = await outputs.get(entry)!;
        const baseline = await before.get(settingsKey(entry))!;
        for (const f of entry.fragments) {
          expect(filesFor(f, files).length, `no output file matches ${f.in}`).toBeGreaterThan(0);
          if (f.never) {
            expect(hasFragment(f, files), `${f.in} must not have ${JSON.stringify(f.text)}`).toBe(false);
          } else if (f.absent) {
            expect(hasFragment(f, baseline), `the baseline has ${JSON.stringify(f.text)}`).toBe(true);
            expect(hasFragment(f, files), `the sample removes ${JSON.stringify(f.text)}`).toBe(false);
          } else {
            expect(hasFragment(f, baseline), `the baseline (with the entry's settings) already has ${JSON.stringify(f.text)}`).toBe(false);
            expect(hasFragment(f, files), `${f.in} has ${JSON.stringify(f.text)}`).toBe(true);
          }
        }
      });
    }
  });

  /** The leaves refused on this cloud (another cloud's block, or a refused entry); with `everyRefusedLeaf` off, the first of each rule. */
  const refusedLeaves = refusingRules(classified.filter((l) => l.is.class === 'other-cloud' || (l.is.class === 'entry' && l.is.entry.class === 'refused')), everyRefusedLeaf);

  describe(`the leaf that picks the cloud: the ${cloud} baseline builds ${cloud} and no other cloud`, () => {
    for (const entry of registry.filter((e): e is SelectorEntry => e.class === 'selector')) {
      test(`${entry.kind} ${entry.path} = ${cloud}`, async () => {
        expect(baselineObjects(cloud).find((o) => o.kind === entry.kind)?.spec.cloudProvider).toBe(cloud);
        const tf = (await runOutput(baselineObjects(cloud), keystoreDir(undefined, cloud))).get('kubernetes.tf') ?? '';
        for (const [other, text] of Object.entries(entry.shows)) expect(tf.includes(text), `${text} in the ${cloud} build`).toBe(other === cloud);
      });
    }
  });

  describe(`each refused field on ${cloud}: kops create -f fails naming it, and writes nothing`, () => {
    for (const { kind, leaf, is } of refusedLeaves) {
      const why = is.class === 'other-cloud' ? `${is.cloud} block` : is.class === 'entry' && is.entry.class === 'refused' ? is.entry.why : '';
      test(`${kind} ${leaf} (${why})`, async () => {
        resetMemfs();
        const objects = baselineObjects(cloud);
        const target = objects.find((o) => o.kind === kind && (kind === 'Cluster' || o.metadata.name === 'nodes'))!;
        mergeInto(target.spec, specSetting(kind, leaf));
        const result = await createFromStdin(encodeObjects(objects as never));
        const message = result.error?.message ?? result.stderr;
        expect(result.code).not.toBe(0);
        const concrete = leaf.replace(/\[\]/g, '[0]').replace(/\{\}/g, '["sample"]');
        expect(message).toContain(`${kind} "${target.metadata.name}": ${concrete} `);
        expect(await openVfs('memfs://registry-test/state').readTree()).toEqual([]);
      });
    }
  });
}

/** The refused leaves, or the first leaf of each refusing rule (a refused entry, another cloud's block). */
function refusingRules(leaves: ClassifiedLeaf[], every: boolean): ClassifiedLeaf[] {
  if (every) return leaves;
  const seen = new Set<unknown>();
  return leaves.filter((l) => {
    const rule = l.is.class === 'entry' ? l.is.entry : CLOUD_BLOCKS.find((b) => b.kind === l.kind && patternMatches(b.pattern, l.leaf));
    if (seen.has(rule)) return false;
    seen.add(rule);
    return true;
  });
}

function mergeInto(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(patch)) {
    const cur = target[k];
    if (Array.isArray(v) && Array.isArray(cur) && cur.length > 0 && typeof v[0] === 'object') mergeInto(cur[0] as Record<string, unknown>, v[0] as Record<string, unknown>);
    else if (v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur)) mergeInto(cur as Record<string, unknown>, v as Record<string, unknown>);
    else target[k] = v;
  }
}

async function createFromStdin(text: string) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => void (stdout += t) },
    stderr: { write: (t: string) => void (stderr += t) },
    env: { KOPS_STATE_STORE: 'memfs://registry-test/state', HOME: '/nonexistent' },
    clock: () => new Date('2024-01-01T00:00:00Z'),
    readStdin: async () => text,
  };
  try {
    return { code: await runCli(['create', '-f', '-'], io), stdout, stderr, error: undefined };
  } catch (error) {
    return { code: 1, stdout, stderr, error: error as Error };
  }
}

registryTests('aws', AWS_REGISTRY, true);
registryTests('gce', GCE_REGISTRY, false);
