import { describe, expect, test } from 'vitest';
import { buildGraph, topologicalOrder } from '../../src/engine/graph.js';
import { ref } from '../../src/engine/task.js';
import { task } from './fake-provider.js';

describe('task graph', () => {
  test('orders every task after what it references, including refs nested in arrays and explicit dependsOn', () => {
    const vpc = task('fake_vpc', 'v', {});
    const cidr = task('fake_cidr', 'extra', { vpcId: ref(vpc) });
    const subnet = task('fake_subnet', 's', { vpcId: ref(vpc) }, { dependsOn: [cidr] });
    const sg = task('fake_sg', 'g', { vpcId: ref(vpc) });
    const asg = task('fake_asg', 'a', { subnets: [ref(subnet)], groups: [{ id: ref(sg) }] });
    const order = topologicalOrder(buildGraph([asg, subnet, sg, cidr, vpc]));
    const at = (t: { type: string; name: string }) => order.indexOf(`${t.type}/${t.name}`);
    expect(at(vpc)).toBe(0);
    expect(at(cidr)).toBeLessThan(at(subnet));
    expect(at(subnet)).toBeLessThan(at(asg));
    expect(at(sg)).toBeLessThan(at(asg));
  });

  test('a reference to an undeclared task is an error naming both tasks', () => {
    const subnet = task('fake_subnet', 's', { vpcId: ref({ type: 'fake_vpc', name: 'missing' }) });
    expect(() => buildGraph([subnet])).toThrow('task fake_subnet/s references fake_vpc/missing, which is not declared');
  });

  test('a cycle is an error that spells out the loop', () => {
    const a = task('fake_a', 'a', { b: ref({ type: 'fake_b', name: 'b' }) });
    const b = task('fake_b', 'b', { c: ref({ type: 'fake_c', name: 'c' }) });
    const c = task('fake_c', 'c', { a: ref({ type: 'fake_a', name: 'a' }) });
    expect(() => buildGraph([a, b, c])).toThrow('dependency cycle: fake_a/a -> fake_b/b -> fake_c/c -> fake_a/a');
  });

  test('the same task declared twice is an error', () => {
    expect(() => buildGraph([task('fake_vpc', 'v', {}), task('fake_vpc', 'v', {})])).toThrow('task fake_vpc/v is declared twice');
  });
});
