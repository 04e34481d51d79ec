import { describe, expect, test } from 'vitest';
import type { Cluster, ClusterSubnetSpec, InstanceGroup } from '../../src/apis/types.js';
import { UserError } from '../../src/errors.js';
import { applyInstanceGroupRules } from '../../src/populate/instance-group-rules.js';

const SUBNETS: ClusterSubnetSpec[] = [
  { name: 'private-a', type: 'Private' },
  { name: 'dual-a', type: 'DualStack' },
  { name: 'public-a', type: 'Public' },
  { name: 'utility-a', type: 'Utility' },
];

const cluster = (spec: Partial<Cluster['spec']> = {}): Cluster =>
  ({ apiVersion: 'kops.k8s.io/v1alpha2', kind: 'Cluster', metadata: { name: 'c.example.com' }, spec: { cloudProvider: 'aws', nonMasqueradeCIDR: '100.64.0.0/10', subnets: SUBNETS, ...spec } }) as Cluster;

const group = (name: string, spec: Partial<InstanceGroup['spec']>): InstanceGroup =>
  ({ apiVersion: 'kops.k8s.io/v1alpha2', kind: 'InstanceGroup', metadata: { name }, spec: { role: 'Node', machineType: 'm5.large', ...spec } }) as InstanceGroup;

const subnetsOf = (c: Cluster, g: InstanceGroup, flags: string[] = []) => applyInstanceGroupRules(c, [g], { featureFlags: flags })[0].spec.subnets;

describe('the per-group rules update applies (PopulateInstanceGroupSpec)', () => {
  test('a node group without subnets runs in every subnet that is neither dual-stack nor utility; the stored group is left as it is', () => {
    const stored = group('nodes', {});
    expect(subnetsOf(cluster(), stored)).toEqual(['private-a', 'public-a']);
    expect(stored.spec.subnets).toBeUndefined();
  });

  test('with only dual-stack and utility subnets, every subnet but the utility ones', () => {
    const c = cluster({ subnets: [SUBNETS[1], SUBNETS[3]] });
    expect(subnetsOf(c, group('nodes', {}))).toEqual(['dual-a']);
  });

  test('an API server group of an IPv6-only cluster runs in the subnets that are neither private nor utility', () => {
    const c = cluster({ nonMasqueradeCIDR: '::/0' });
    expect(subnetsOf(c, group('apiservers', { role: 'APIServer' }), ['APIServerNodes'])).toEqual(['dual-a', 'public-a']);
  });

  test('a group whose subnets are given keeps them', () => {
    expect(subnetsOf(cluster(), group('nodes', { subnets: ['utility-a'] }))).toEqual(['utility-a']);
  });

  test('a group no subnet can be inferred for is refused, naming it', () => {
    const c = cluster({ subnets: [SUBNETS[3]] });
    expect(() => subnetsOf(c, group('nodes', {}))).toThrow(/^InstanceGroup "nodes" spec\.subnets: unable to infer any subnets for the group$/);
  });

  test('an APIServer group needs the APIServerNodes feature flag', () => {
    const apiservers = group('apiservers', { role: 'APIServer', subnets: ['public-a'] });
    expect(() => applyInstanceGroupRules(cluster(), [apiservers], {})).toThrow(UserError);
    expect(() => applyInstanceGroupRules(cluster(), [apiservers], {})).toThrow(/InstanceGroup "apiservers" spec\.role: apiserver nodes requires the APIServerNodes feature flag to be enabled/);
    expect(applyInstanceGroupRules(cluster(), [apiservers], { featureFlags: ['APIServerNodes'] })).toHaveLength(1);
  });

  test('dedicated tenancy on AWS refuses the t2 types that cannot run on dedicated hardware', () => {
    const dedicated = (machineType: string) => group('nodes', { machineType, tenancy: 'dedicated', subnets: ['private-a'] });
    expect(() => applyInstanceGroupRules(cluster(), [dedicated('t2.micro')], {})).toThrow(/InstanceGroup "nodes" spec\.machineType: invalid dedicated instance type: t2\.micro/);
    expect(applyInstanceGroupRules(cluster(), [dedicated('m5.large')], {})[0].spec.tenancy).toBe('dedicated');
    expect(applyInstanceGroupRules(cluster(), [group('nodes', { machineType: 't2.micro', tenancy: 'default', subnets: ['private-a'] })], {})).toHaveLength(1);
    expect(applyInstanceGroupRules(cluster({ cloudProvider: 'gce' }), [dedicated('t2.micro')], {})).toHaveLength(1);
  });
});
