import { ClusterSchema } from '../apis/schema.generated.js';
import { isList, isStruct, type FieldSchema, type StructSchema } from '../apis/schema.js';
import type { AddonCluster } from './types.js';

type Data = Record<string, unknown>;

/** What Go prints for an unset field of a value (non-pointer) type. */
function zeroOf(schema: FieldSchema | undefined): unknown {
  if (schema === 'boolean') return false;
  if (schema === 'integer') return 0;
  if (schema === 'string') return '';
  return undefined;
}

function findKey(obj: Data, name: string): string | undefined {
  if (name in obj) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

function fieldSchema(schema: FieldSchema | undefined, key: string): FieldSchema | undefined {
  if (!schema || !isStruct(schema)) return undefined;
  const found = findKey(schema.fields as Data, key);
  return found === undefined ? undefined : schema.fields[found];
}

/**
 * API data seen the way a Go template sees the kops types: fields by their Go names (`.Networking.Calico.MTU` reads
 * `mtu`), and an unset scalar reads as its zero value.
 */
function goView(value: unknown, schema: FieldSchema | undefined): unknown {
  if (Array.isArray(value)) {
    const items = schema && isList(schema) ? schema.items : undefined;
    return value.map((v) => goView(v, items));
  }
  if (value === null || typeof value !== 'object' || !schema || !isStruct(schema)) return value;
  const obj = value as Data;
  return new Proxy(obj, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      const key = findKey(target, name);
      const child = fieldSchema(schema, key ?? name);
      if (key === undefined) return zeroOf(child);
      return goView(target[key], child);
    },
  });
}

/** Fields the kops (internal) ClusterSpec keeps elsewhere than v1alpha2: internal path <- v1alpha2 path. */
const MOVED: [string, string][] = [
  ...['networkCIDR', 'networkID', 'nonMasqueradeCIDR', 'podCIDR', 'serviceClusterIPRange', 'subnets', 'additionalNetworkCIDRs', 'topology'].map(
    (f): [string, string] => [`networking.${f}`, f],
  ),
  ['networking.amazonvpc.image', 'networking.amazonvpc.imageName'],
  ['networking.amazonvpc.initImage', 'networking.amazonvpc.initImageName'],
  ['cloudProvider.aws.nodeTerminationHandler', 'nodeTerminationHandler'],
  ['cloudProvider.aws.loadBalancerController', 'awsLoadBalancerController'],
  ['cloudProvider.aws.podIdentityWebhook', 'podIdentityWebhook'],
  ['cloudProvider.aws.ebsCSIDriver', 'cloudConfig.awsEBSCSIDriver'],
  ['cloudProvider.aws.warmPool', 'warmPool'],
];

function get(obj: unknown, path: string[]): unknown {
  return path.reduce((o: unknown, k) => (o && typeof o === 'object' ? (o as Data)[k] : undefined), obj);
}

function schemaAt(schema: FieldSchema, path: string[]): FieldSchema | undefined {
  return path.reduce((s: FieldSchema | undefined, k) => (s && isStruct(s) ? s.fields[k] : undefined), schema);
}

/** Sets `value` at `path` in a copy-on-write way (objects on the path are copied). */
function put(obj: Data, path: string[], value: unknown): Data {
  const [head, ...rest] = path;
  const child = (obj[head] && typeof obj[head] === 'object' ? obj[head] : {}) as Data;
  return { ...obj, [head]: rest.length === 0 ? value : put(child, rest, value) };
}

/** The completed cluster spec as a template's `.`: the kops (internal) ClusterSpec field layout. */
export function templateData(cluster: AddonCluster): unknown {
  const specSchema = ClusterSchema.fields.spec as StructSchema;
  let data: Data = cluster.spec;
  let schema: FieldSchema = specSchema;
  for (const [internal, external] of MOVED) {
    const from = external.split('.');
    const to = internal.split('.');
    const value = get(cluster.spec, from);
    if (to[0] === 'cloudProvider' && cluster.spec.cloudProvider !== 'aws') continue;
    if (value !== undefined) data = put(data, to, value);
    const fieldType = schemaAt(specSchema, from);
    if (fieldType !== undefined) schema = put(schema as unknown as Data, fieldsPath(to), fieldType) as unknown as FieldSchema;
  }
  // v1alpha2 states two Cilium switches negatively (disableMasquerade, IPTablesRulesNoinstall).
  const cilium = cluster.spec.networking?.cilium;
  for (const [internal, negated] of [['masquerade', 'disableMasquerade'], ['installIptablesRules', 'IPTablesRulesNoinstall']]) {
    if (typeof cilium?.[negated] === 'boolean') data = put(data, ['networking', 'cilium', internal], !cilium[negated]);
  }
  return goView(data, schema);
}

/** Where a field's schema sits in a StructSchema tree: `a.b` -> `fields.a.fields.b`. */
function fieldsPath(path: string[]): string[] {
  return path.flatMap((k) => ['fields', k]);
}
