/**
 * Component configuration fields (kubelet, kube-apiserver, kube-controller-manager, kube-scheduler, kube-proxy, the
 * cloud-controller-manager): each field of the flag table, given a sample on the baseline cluster, reaches the node's
 * configuration through the update pipeline, and the flag builder nodeup runs on that configuration writes the flag
 * the table names, with the value formatted as Go formats it. One pipeline run per component block.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { buildFlags, componentFields, type ComponentStruct } from '../../../src/apis/component-flags.js';
import { oidcFlags } from '../../../src/nodeup/builders/kube-apiserver.js';
import { classifyLeaves } from '../../../src/apis/fields/coverage.js';
import { AWS_REGISTRY } from '../../../src/apis/fields/index.js';
import type { EffectEntry } from '../../../src/apis/fields/registry.js';
import { sharedDir } from '../../helpers/cli.js';
import { flagName, readFlagTable, type FlagRow } from './flag-table.js';
import { baselineObjects, runOutput, withSamples } from './harness.js';

const rows = readFlagTable(sharedDir);
const flagged = classifyLeaves('aws', AWS_REGISTRY).filter((l) => l.is.class === 'flag');

interface Block {
  kind: 'Cluster' | 'InstanceGroup';
  path: string;
  /** Where the block's config is in the output: a nodeupconfig and the path inside it, or an add-on's arguments. */
  from: { nodeup: 'nodes' | 'master-us-test-1a'; at: string[] } | { addon: string };
  struct: ComponentStruct;
}

const BLOCKS: Block[] = [
  { kind: 'Cluster', path: 'spec.kubelet', from: { nodeup: 'nodes', at: ['KubeletConfig'] }, struct: 'KubeletConfigSpec' },
  { kind: 'Cluster', path: 'spec.masterKubelet', from: { nodeup: 'master-us-test-1a', at: ['KubeletConfig'] }, struct: 'KubeletConfigSpec' },
  { kind: 'InstanceGroup', path: 'spec.kubelet', from: { nodeup: 'nodes', at: ['KubeletConfig'] }, struct: 'KubeletConfigSpec' },
  { kind: 'Cluster', path: 'spec.kubeAPIServer', from: { nodeup: 'master-us-test-1a', at: ['APIServerConfig', 'KubeAPIServer'] }, struct: 'KubeAPIServerConfig' },
  { kind: 'Cluster', path: 'spec.kubeControllerManager', from: { nodeup: 'master-us-test-1a', at: ['ControlPlaneConfig', 'KubeControllerManager'] }, struct: 'KubeControllerManagerConfig' },
  { kind: 'Cluster', path: 'spec.kubeScheduler', from: { nodeup: 'master-us-test-1a', at: ['ControlPlaneConfig', 'KubeScheduler'] }, struct: 'KubeSchedulerConfig' },
  { kind: 'Cluster', path: 'spec.kubeProxy', from: { nodeup: 'nodes', at: ['KubeProxy'] }, struct: 'KubeProxyConfig' },
  { kind: 'Cluster', path: 'spec.cloudControllerManager', from: { addon: 'aws-cloud-controller.addons.k8s.io' }, struct: 'CloudControllerManagerConfig' },
];

/**
 * Samples of the fields kops validates (a CIDR, a URL, the cluster's cloud), each valid on the baseline cluster and
 * unlike its default, with the flag value Go writes for it and the cluster settings it needs.
 */
const VALID_SAMPLES: Array<{ leaf: RegExp; sample: unknown; values: string[]; settings?: EffectEntry['settings'] }> = [
  { leaf: /\.oidcRequiredClaim$/, sample: ['claim-a=1', 'claim-b=2'], values: ['claim-a=1,claim-b=2'] },
  { leaf: /^spec\.(kubelet|masterKubelet|kubeControllerManager)\.cloudProvider$/, sample: 'aws', values: ['aws'] },
  { leaf: /^spec\.kubeControllerManager\.clusterCIDR$/, sample: '100.112.0.0/12', values: ['100.112.0.0/12'] },
  { leaf: /^spec\.kubeAPIServer\.serviceClusterIPRange$/, sample: '100.64.0.0/14', values: ['100.64.0.0/14'], settings: [['spec.serviceClusterIPRange', '100.64.0.0/14']] },
  { leaf: /^spec\.kubeProxy\.ipvsExcludeCidrs$/, sample: ['10.1.0.0/16', '10.2.0.0/16'], values: ['10.1.0.0/16,10.2.0.0/16'] },
  { leaf: /^spec\.kubeProxy\.master$/, sample: 'https://registry-sample', values: ['https://registry-sample'] },
];

/** A sample of a Go type (or of a validated field), and the flag value Go writes for it. */
function sampleOf(goType: string, avoidTrue: boolean, leaf = ''): { sample: unknown; values: string[]; settings?: EffectEntry['settings'] } {
  const valid = VALID_SAMPLES.find((v) => v.leaf.test(leaf));
  if (valid) return { sample: valid.sample, values: valid.values, settings: valid.settings };
  const t = goType.replace(/^\*/, '');
  if (t === 'bool') return avoidTrue ? { sample: false, values: ['false'] } : { sample: true, values: ['true'] };
  if (t === 'int32' || t === 'int64' || t === 'int') return { sample: 7, values: ['7'] };
  if (t === 'metav1.Duration') return { sample: '7m0s', values: ['7m0s'] };
  if (t === 'resource.Quantity') return { sample: '7', values: ['7'] };
  if (t === '[]string') return { sample: ['registry-a=1', 'registry-b=2'], values: ['registry-a=1,registry-b=2'] };
  if (t === 'map[string]string') return { sample: { 'registry-k': 'registry-v' }, values: ['registry-k=registry-v'] };
  return { sample: 'registry-sample', values: ['registry-sample'] };
}

function flagsIn(block: Block, files: Map<string, string>): string[] {
  const from = block.from;
  if ('addon' in from) {
    const manifest = [...files].find(([name]) => name.includes(from.addon))?.[1] ?? '';
    return manifest.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('- --')).map((l) => l.slice(2));
  }
  const nodeup = [...files].find(([name]) => name.includes(`nodeupconfig-${from.nodeup}_`))?.[1];
  const root = parse(nodeup ?? '') as Record<string, unknown>;
  let config = root;
  for (const key of from.at) config = (config?.[key] ?? {}) as Record<string, unknown>;
  // The API server's OIDC settings travel in the nodeupconfig's Authentication, as nodeup reads them.
  if (block.struct === 'KubeAPIServerConfig') config = { ...config, ...oidcFlags((root.APIServerConfig ?? {}) as Record<string, unknown>) };
  return buildFlags(block.struct, config);
}

/**
 * `--flag=value`; for a list or map, its items among the flag's comma-separated items (a map merged with the kops
 * defaults, such as node labels) or, for a repeated flag, one flag per item.
 */
function hasFlag(flags: readonly string[], flag: string, value: string): boolean {
  if (flags.includes(`--${flag}=${value}`)) return true;
  const items = flags.filter((f) => f.startsWith(`--${flag}=`)).flatMap((f) => f.slice(flag.length + 3).split(','));
  return value.split(',').every((p) => items.includes(p)) && (value.includes(',') || value.includes('='));
}

describe('component fields: the sample becomes the flag of the flag table', () => {
  const baselineFlags = new Map<Block, Promise<string[]>>();
  const sampleFlags = new Map<Block, Promise<string[]>>();
  const cases: Array<{ block: Block; leaf: string; flag: string; goType: string; row?: FlagRow }> = [];
  for (const l of flagged) {
    if (l.is.class !== 'flag') continue;
    const { struct, field, flag } = l.is;
    const block = BLOCKS.find((b) => b.kind === l.kind && l.leaf.startsWith(`${b.path}.`))!;
    const goType = componentFields(struct).find((f) => (f.v1alpha2 ?? f.json ?? f.go) === field)!.type;
    cases.push({ block, leaf: l.leaf, flag, goType, row: rows.find((r) => r.struct === struct && r.json === field) });
  }

  beforeAll(async () => {
    for (const block of BLOCKS) {
      const base = runOutput(baselineObjects()).then((files) => flagsIn(block, files));
      baselineFlags.set(block, base);
      const inBlock = cases.filter((c) => c.block === block);
      const entries = async () => {
        const before = await base;
        return inBlock.map(({ leaf, flag, goType }) => {
          const { sample, settings } = sampleOf(goType, before.includes(`--${flag}=true`), leaf);
          return { class: 'effect', kind: block.kind, at: leaf, sample, settings, fragments: [], go: '' } as EffectEntry;
        });
      };
      const run = entries().then((e) => runOutput(withSamples(e))).then((files) => flagsIn(block, files));
      run.catch(() => undefined);
      sampleFlags.set(block, run);
    }
  });

  for (const { block, leaf, flag, goType, row } of cases) {
    test(`${block.kind} ${leaf} -> --${flag}`, async () => {
      if (row) expect(flagName(row), 'the flag table of the issue names the same flag').toBe(flag);
      const before = await baselineFlags.get(block)!;
      const { values } = sampleOf(goType, before.includes(`--${flag}=true`), leaf);
      const after = await sampleFlags.get(block)!;
      expect(hasFlag(before, flag, values[0]), `the baseline already has --${flag}=${values[0]}`).toBe(false);
      expect(hasFlag(after, flag, values[0]), `--${flag}=${values[0]} among ${after.filter((f) => f.startsWith(`--${flag}=`)).join(' ') || 'no such flag'}`).toBe(true);
    });
  }

  test('every flag-table struct used here is one the flag builder knows', () => {
    for (const b of BLOCKS) expect(componentFields(b.struct).length).toBeGreaterThan(0);
  });
});
