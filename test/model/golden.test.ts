/**
 * The AWS model and the terraform target against the golden update_cluster cases, fed with the golden completed
 * spec (and golden bootstrap files standing in for the bootstrap builder): per case, the share of resource blocks
 * of kubernetes.tf that match byte for byte. CLAIMED lists the cases whose kubernetes.tf and data files match
 * (a list that only grows).
 */
import { describe, expect, test } from 'vitest';
import { buildAwsModel } from '../../src/model/aws.js';
import { renderTerraform } from '../../src/targets/terraform/render.js';
import { goldenEqual, normalizeGolden } from '../conformance/suite.js';
import { compareBlocks } from '../targets/terraform/blocks.js';
import { awsCases, loadGoldenInputs } from './golden-fixture.js';

const CLAIMED = [
  'additionalobjects', 'apiservernodes', 'aws-lb-controller', 'bastionadditional_user-data',
  'cluster-autoscaler-priority-expander', 'cluster-autoscaler-priority-expander-custom', 'compress', 'containerd',
  'containerd-custom', 'digit', 'existing_iam', 'existing_sg', 'external_dns', 'external_dns_irsa', 'externalpolicies', 'ha',
  'irsa', 'karpenter', 'many-addons', 'many-addons-ccm', 'minimal-1.32', 'minimal-1.33', 'minimal-1.35', 'minimal-1.36',
  'minimal-aws', 'minimal-dns-none', 'minimal-etcd', 'minimal-gp3', 'minimal-ipv6', 'minimal-ipv6-cilium',
  'minimal-ipv6-dns-none', 'minimal-ipv6-kindnet', 'minimal-ipv6-no-subnet-prefix', 'mixed_instances', 'nth-imds-processor',
  'nth-imds-processor-irsa', 'nvidia', 'private-shared-ip', 'private-shared-subnet', 'privatecalico', 'privatecilium',
  'privatecilium-eni', 'privateciliumadvanced', 'privatedns1', 'privateflannel', 'privatekindnet', 'privatekopeio',
  'public-jwks-apiserver', 'shared_subnet', 'shared_vpc', 'unmanaged', 'vfs-said',
];

type Rendered = Awaited<ReturnType<typeof renderCase>>;
const rendered = new Map<string, Promise<Rendered>>();

/** Each case is rendered once per run and shared by the report and the per-case assertions. */
function render(caseName: string): Promise<Rendered> {
  if (!rendered.has(caseName)) rendered.set(caseName, renderCase(caseName));
  return rendered.get(caseName)!;
}

async function renderCase(caseName: string) {
  const g = loadGoldenInputs(caseName);
  const tasks = buildAwsModel(g.cluster, g.instanceGroups, g.ctx);
  const out = await renderTerraform(tasks, { clusterName: g.cluster.metadata.name, region: g.ctx.region });
  return { g, out, cmp: compareBlocks(out.files.get('kubernetes.tf')!, g.expectedTf) };
}

describe('AWS model + terraform target vs golden kubernetes.tf', () => {
  test('per-case share of matching resource blocks (report)', async () => {
    const lines: string[] = [];
    let sum = 0;
    let count = 0;
    for (const c of awsCases()) {
      try {
        const { cmp } = await render(c);
        sum += cmp.matching / cmp.expected;
        lines.push(`${c}: ${cmp.matching}/${cmp.expected}`);
      } catch (e) {
        lines.push(`${c}: error ${(e as Error).message}`);
      }
      count++;
    }
    console.log(`${lines.join('\n')}\nmean share of matching blocks: ${(sum / count).toFixed(3)}`);
    expect(count).toBeGreaterThan(40);
  }, 120_000);

  test.each(CLAIMED)('%s: kubernetes.tf and every data file the model writes match the golden bytes', async (c) => {
    const { g, out, cmp } = await render(c);
    expect(cmp.firstDifference).toBeUndefined();
    expect(goldenEqual(out.files.get('kubernetes.tf')!, g.expectedTf)).toBe(true);
    for (const [name, content] of out.files) {
      if (name.startsWith('data/')) expect(normalizeGolden(content), name).toBe(normalizeGolden(g.expectedData.get(name.slice(5)) ?? '<missing>'));
    }
  });

  test('the output is deterministic', async () => {
    const a = await renderCase('ha');
    const b = await renderCase('ha');
    expect([...a.out.files]).toEqual([...b.out.files]);
  });
});
