import { describe, expect, test } from 'vitest';
import { UserError } from '../../src/errors.js';
import { parseCommandLine } from '../../src/cli/parse.js';
import { commandTree, globalFlags } from '../../src/cli/tree.js';

const parse = (line: string) => parseCommandLine(line.split(' ').filter(Boolean), commandTree, globalFlags);

describe('reading a command line as pflag does', () => {
  test('aliases lead to the canonical command, and plain words after it are arguments', () => {
    const { invocation } = parse('get ig --name c.example.com nodes bastions');
    expect(invocation.path).toEqual(['get', 'instancegroups']);
    expect(invocation.args).toEqual(['nodes', 'bastions']);
    expect(invocation.string('name')).toBe('c.example.com');
  });

  test('a persistent flag of a parent (-o on get) works before or after the subcommand', () => {
    expect(parse('get -o yaml clusters').invocation.string('output')).toBe('yaml');
    expect(parse('get clusters -ojson').invocation.string('output')).toBe('json');
    expect(parse('get clusters').invocation.string('output')).toBe('table');
  });

  test('bool flags take =false, and a following word stays an argument', () => {
    const off = parse('create ig x --edit=false --role node');
    expect(off.invocation.bool('edit')).toBe(false);
    expect(off.invocation.isSet('edit')).toBe(true);
    const on = parse('create ig --edit x');
    expect(on.invocation.bool('edit')).toBe(true);
    expect(on.invocation.args).toEqual(['x']);
    expect(parse('create ig x').invocation.bool('edit')).toBe(true);
  });

  test('deprecated names map onto the current flag (--master-size → --control-plane-size)', () => {
    const { invocation } = parse('create cluster --master-size m5.large --control-plane-size c5.large,c5.xlarge --master-count 3');
    expect(invocation.strings('control-plane-size')).toEqual(['m5.large', 'c5.large', 'c5.xlarge']);
    expect(invocation.number('control-plane-count')).toBe(3);
  });

  test('slice defaults are replaced by the first explicit value, not appended to', () => {
    expect(parse('create cluster').invocation.strings('etcd-clusters')).toEqual(['main', 'events']);
    expect(parse('create cluster --etcd-clusters main').invocation.strings('etcd-clusters')).toEqual(['main']);
  });

  test('verbosity is read from -v N, -vN and --v=N; durations and bare optional values are understood', () => {
    expect(parse('get -v 4').invocation.number('v')).toBe(4);
    expect(parse('get -v2').invocation.number('v')).toBe(2);
    expect(parse('get --v=7').invocation.number('v')).toBe(7);
    expect(parse('delete cluster --wait 1m30s').invocation.number('wait')).toBe(90_000);
    expect(parse('update cluster --admin').invocation.number('admin')).toBe(18 * 3_600_000);
    expect(parse('update cluster').invocation.number('admin')).toBe(0);
  });

  test('combined shorthands and -- end of flags', () => {
    const { invocation } = parse('delete ig -yv3 -- --not-a-flag');
    expect(invocation.bool('yes')).toBe(true);
    expect(invocation.number('v')).toBe(3);
    expect(invocation.args).toEqual(['--not-a-flag']);
  });

  test("a command's own flag shadows a global one of the same name", () => {
    const { invocation } = parse('toolbox clusterapi generate machinedeployment --name md-1 --cluster c.example.com');
    expect(invocation.string('name')).toBe('md-1');
  });

  test('help is recognised anywhere', () => {
    expect(parse('get clusters --help').helpRequested).toBe(true);
    expect(parse('-h').helpRequested).toBe(true);
  });

  test.each([
    ['get clusters --nope', 'unknown flag: --nope'],
    ['get clusters -q', "unknown shorthand flag: 'q' in -q"],
    ['create -f x.yaml cluster', 'unknown flag: -f'],
    ['get clusters --state', 'flag needs an argument: --state'],
    ['delete cluster --count many', 'invalid argument "many" for "--count" flag: not an integer'],
    ['delete cluster --wait soon', 'invalid argument "soon" for "--wait" flag'],
    ['create ig --edit=maybe', 'invalid argument "maybe" for "--edit" flag'],
  ])('%s is a usage error: %s', (line, message) => {
    expect(() => parse(line)).toThrow(UserError);
    expect(() => parse(line)).toThrow(message);
  });
});
