/** A value of the right shape for any spec leaf, and an object that sets it (for the refusal tests). */
import { ClusterSchema, InstanceGroupSchema } from '../../../src/apis/schema.generated.js';
import { isList, isMap, isStruct, type FieldSchema } from '../../../src/apis/schema.js';
import type { ObjectKind } from '../../../src/apis/fields/registry.js';

function scalarSample(schema: FieldSchema): unknown {
  if (isList(schema)) return [scalarSample(schema.items)];
  if (isMap(schema)) return { sample: scalarSample(schema.values) };
  if (isStruct(schema)) return {};
  switch (schema) {
    case 'boolean':
      return true;
    case 'integer':
      return 3;
    case 'quantity':
      return '3';
    case 'duration':
      return '3m0s';
    case 'time':
      return '2020-01-01T00:00:00Z';
    default:
      return 'sample';
  }
}

/** A spec fragment setting `leaf` (with one element in each list on the way). */
export function specSetting(kind: ObjectKind, leaf: string): Record<string, unknown> {
  let schema: FieldSchema = (kind === 'Cluster' ? ClusterSchema : InstanceGroupSchema).fields.spec;
  const segments = leaf.split('.').slice(1);
  const spec: Record<string, unknown> = {};
  let node: Record<string, unknown> = spec;
  segments.forEach((seg, i) => {
    const list = seg.endsWith('[]');
    const map = seg.endsWith('{}');
    const key = list || map ? seg.slice(0, -2) : seg;
    if (!isStruct(schema)) throw new Error(`${leaf}: ${key} is not inside an object`);
    schema = schema.fields[key];
    const last = i === segments.length - 1;
    if (last) {
      node[key] = scalarSample(schema);
      return;
    }
    const child: Record<string, unknown> = {};
    if (list && isList(schema)) {
      node[key] = [child];
      schema = schema.items;
    } else if (map && isMap(schema)) {
      node[key] = { sample: child };
      schema = schema.values;
    } else node[key] = child;
    node = child;
  });
  return spec;
}
