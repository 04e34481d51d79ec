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

/** Internal Networking fields that v1alpha2 keeps at the top of the spec. */
const NETWORKING_AT_TOP = ['networkCIDR', 'networkID', 'nonMasqueradeCIDR', 'podCIDR', 'serviceClusterIPRange', 'subnets', 'additionalNetworkCIDRs', 'topology'];

/** The completed cluster spec as a template's `.`: the kops (internal) ClusterSpec field layout. */
export function templateData(cluster: AddonCluster): unknown {
  const spec = cluster.spec;
  const specSchema = (ClusterSchema.fields.spec as StructSchema).fields;
  const networkingSchema: StructSchema = {
    fields: { ...(specSchema.networking as StructSchema).fields, ...Object.fromEntries(NETWORKING_AT_TOP.map((f) => [f, specSchema[f]])) },
  };
  const networking = { ...(spec.networking ?? {}), ...Object.fromEntries(NETWORKING_AT_TOP.filter((f) => f in spec).map((f) => [f, spec[f]])) };
  const schema: StructSchema = { fields: { ...specSchema, networking: networkingSchema } };
  return goView({ ...spec, networking }, schema);
}
