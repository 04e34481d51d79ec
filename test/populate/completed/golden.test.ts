import { describe, expect, test } from 'vitest';
import { awsCases, completedSpecText, firstDifference, goldenCases } from './golden-cases.js';

/** Cases whose completed spec matches the Go kops golden file byte for byte. This list may only grow. */
const MATCHING = [
  'additionalobjects', 'apiservernodes', 'aws-lb-controller', 'bastionadditional_user-data',
  'cluster-autoscaler-priority-expander', 'cluster-autoscaler-priority-expander-custom', 'compress', 'containerd',
  'containerd-custom', 'digit', 'existing_iam', 'existing_sg', 'external_dns', 'external_dns_irsa', 'externalpolicies',
  'ha', 'irsa', 'karpenter', 'many-addons', 'many-addons-ccm', 'minimal-1.32', 'minimal-1.33', 'minimal-1.35',
  'minimal-1.36', 'minimal-aws', 'minimal-dns-none', 'minimal-etcd', 'minimal-gp3', 'minimal-ipv6', 'minimal-ipv6-cilium',
  'minimal-ipv6-dns-none', 'minimal-ipv6-kindnet', 'minimal-ipv6-no-subnet-prefix', 'mixed_instances', 'nth-imds-processor',
  'nth-imds-processor-irsa', 'nvidia', 'private-shared-ip', 'private-shared-subnet', 'privatecalico', 'privatecilium',
  'privatecilium-eni', 'privateciliumadvanced', 'privatedns1', 'privateflannel', 'privatekindnet', 'privatekopeio',
  'public-jwks-apiserver', 'shared_subnet', 'shared_vpc', 'unmanaged', 'vfs-said',
  // not AWS
  'minimal_hetzner', 'minimal_scaleway',
];

describe('completed spec of the update_cluster golden cases', () => {
  const cases = goldenCases();

  test('every claimed case exists, and every AWS case is claimed', () => {
    expect(awsCases().length).toBeGreaterThan(50);
    expect(MATCHING.filter((c) => !cases.includes(c))).toEqual([]);
    expect(awsCases().filter((c) => !MATCHING.includes(c))).toEqual([]);
  });

  for (const name of cases) {
    if (MATCHING.includes(name)) {
      test(`${name}: cluster-completed.spec is identical`, () => {
        const { actual, expected } = completedSpecText(name);
        expect(actual).toBe(expected);
      });
    } else {
      test(`${name}: still differs (add it to MATCHING once it matches)`, () => {
        let difference: string | undefined;
        try {
          const { actual, expected } = completedSpecText(name);
          difference = firstDifference(actual, expected);
        } catch (err) {
          difference = `error: ${(err as Error).message}`;
        }
        console.log(`${name}: first difference at ${difference}`);
        expect(difference).toBeDefined();
      });
    }
  }
});
