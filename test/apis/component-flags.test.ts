import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildFlags, componentFields, toNodeupNames, type ComponentStruct } from '../../src/apis/component-flags.js';
import { quantityAsDecimal } from '../../src/apis/quantity.js';

/** One line of the reference list: the flag the Go kops makes of a v1alpha2 component config field. */
interface Reference {
  struct: string;
  json: string;
  flag: string;
  goType: string;
  options: string;
}

const references: Reference[] = readFileSync(resolve(import.meta.dirname, '../../../shared/kops-reference/component-flags.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [struct, json, flag, goType, options = ''] = line.split('\t');
    return { struct, json, flag, goType, options };
  });

/** A sample value of the Go type, and the flag value Go writes for it. */
function sample(goType: string): { value: unknown; written: string } {
  switch (goType.replace(/^\*/, '')) {
    case 'string':
      return { value: 'sample-value', written: 'sample-value' };
    case 'bool':
      return { value: false, written: 'false' };
    case 'int':
    case 'int32':
    case 'int64':
      return { value: 7, written: '7' };
    case 'metav1.Duration':
      return { value: '90s', written: '1m30s' };
    case 'resource.Quantity':
      return { value: '500m', written: '0.500' };
    case '[]string':
      return { value: ['b', 'a'], written: 'b,a' };
    case 'map[string]string':
      return { value: { zeta: '1', alpha: 'x=y' }, written: 'alpha=x=y,zeta=1' };
    default:
      throw new Error(`no sample for ${goType}`);
  }
}

/** Leader election settings are flags of the three components that embed them. */
const EMBEDDING: Record<string, ComponentStruct[]> = {
  LeaderElectionConfiguration: ['KubeControllerManagerConfig', 'KubeSchedulerConfig', 'CloudControllerManagerConfig'],
};

/**
 * The flags one v1alpha2 field set on an otherwise empty config adds, as nodeup gets it (an empty config already has
 * the flags of plain numbers, always written by Go).
 */
function flagsOf(struct: ComponentStruct, json: string, value: unknown): string[] {
  const embedding = EMBEDDING[struct] ?? [struct];
  // Fields the nodeup configuration does not carry (the OIDC ones, set by nodeup from spec.authentication) are given
  // to the flag builder under their v1alpha2 name, as nodeup does.
  const carried = ourField(struct, json)?.json !== undefined;
  const given = EMBEDDING[struct] ? { leaderElection: { [json]: value } } : { [json]: value };
  const config = (outer: ComponentStruct) => (carried ? toNodeupNames(outer, given) : given);
  return embedding.flatMap((outer) => {
    const always = buildFlags(outer, {});
    return buildFlags(outer, config(outer)).filter((f) => !always.includes(f));
  });
}

/** The field of our table a v1alpha2 name refers to. */
function ourField(struct: string, json: string) {
  return componentFields(struct as ComponentStruct).find((f) => (f.v1alpha2 ?? f.json) === json);
}

const COMPONENTS = [...new Set(references.map((r) => r.struct))];

describe.each(COMPONENTS)('%s flags follow the Go struct tags', (struct) => {
  const rows = references.filter((r) => r.struct === struct);

  test.each(rows.map((r) => [r.json, r] as const))('%s', (_json, ref) => {
    const field = ourField(struct, ref.json);
    const { value, written } = sample(ref.goType);
    const times = EMBEDDING[struct]?.length ?? 1;
    if (field?.flag === undefined || field.flag === '-') {
      // Fields the Go nodeup keeps out of the kubelet's flags (they go to kubelet.conf), or no longer reads at all.
      expect(struct).toBe('KubeletConfigSpec');
      expect(flagsOf(struct as ComponentStruct, ref.json, value)).toEqual([]);
      return;
    }
    expect(field.flag).toBe(ref.flag.split(',')[0]);
    expect(field.type).toBe(ref.goType);
    const expected = field.repeat ? (value as string[]).map((v) => `--${field.flag}=${v}`) : [`--${field.flag}=${written}`];
    expect(flagsOf(struct as ComponentStruct, ref.json, value)).toEqual(Array.from({ length: times }, () => expected).flat().sort());
    const empty = /flag-empty=(.*)/.exec(ref.options)?.[1];
    // Go compares the empty marker with scalar values only.
    if (empty !== undefined && !ref.goType.startsWith('[]')) {
      const emptyValue = /int/.test(ref.goType) ? Number(empty) : empty;
      expect(flagsOf(struct as ComponentStruct, ref.json, emptyValue)).toEqual([]);
    }
    if (ref.options.includes('flag-include-empty=true')) expect(flagsOf(struct as ComponentStruct, ref.json, '')).toEqual(Array(times).fill(`--${field.flag}=`));
  });
});

describe('Go flag builder rules', () => {
  test('unset pointers, lists and maps are left out; unset plain numbers are written as zero', () => {
    expect(buildFlags('KubeProxyConfig', {})).toEqual(['--v=0']);
    expect(buildFlags('KubeAPIServerConfig', { anonymousAuth: null, apiAudiences: [], featureGates: {} })).toEqual(['--secure-port=0']);
  });

  test('false is written, and the flags come out in byte order', () => {
    expect(buildFlags('KubeAPIServerConfig', { enableProfiling: false, securePort: 443, anonymousAuth: false, allowPrivileged: true })).toEqual([
      '--allow-privileged=true',
      '--anonymous-auth=false',
      '--profiling=false',
      '--secure-port=443',
    ]);
  });

  test('a field renamed between v1alpha2 and the nodeup configuration keeps its flag', () => {
    const config = toNodeupNames('KubeAPIServerConfig', { etcdCaFile: '/ca', authorizationRbacSuperUser: 'admin', securePort: 443 });
    expect(config).toEqual({ etcdCAFile: '/ca', authorizationRBACSuperUser: 'admin', securePort: 443 });
    expect(buildFlags('KubeAPIServerConfig', config)).toEqual(['--authorization-rbac-super-user=admin', '--etcd-cafile=/ca', '--secure-port=443']);
    expect(toNodeupNames('KubeAPIServerConfig', { oidcClientID: 'x', securePort: 443 })).toEqual({ securePort: 443 });
  });

  test('with quoting, values holding a double quote are quoted as Go does', () => {
    expect(buildFlags('KubeletConfigSpec', { hostnameOverride: 'a "b"' }, { quote: true })).toEqual(['--hostname-override="a \\"b\\""']);
    expect(buildFlags('KubeletConfigSpec', { hostnameOverride: 'a "b"' })).toEqual(['--hostname-override=a "b"']);
  });

  test('a value of the wrong kind is refused naming the field', () => {
    expect(() => buildFlags('KubeAPIServerConfig', { eventTTL: 'soon' })).toThrow(/KubeAPIServerConfig.eventTTL: "soon" is not a duration/);
  });
});

describe('quantities as Go prints them in flags (AsDec)', () => {
  test.each([
    ['500m', '0.500'],
    ['0.5', '0.5'],
    ['2', '2'],
    ['1Ki', '1024'],
    ['1.5Gi', '1610612736.0'],
    ['3k', '3000'],
    ['1e3', '1000'],
    ['-250m', '-0.250'],
  ])('%s -> %s', (q, dec) => expect(quantityAsDecimal(q)).toBe(dec));
});
