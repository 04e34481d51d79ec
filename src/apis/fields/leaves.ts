/**
 * The leaves of an object's spec, named as the field registry names them: `spec.a.b`, with `[]` for each element of a
 * list of objects and `{}` for each value of a map of objects. A list or map of scalars, and an object with no
 * declared fields, is one leaf.
 */
import { isList, isMap, isStruct, type FieldSchema, type StructSchema } from '../schema.js';

export function specLeaves(kindSchema: StructSchema): string[] {
  const out: string[] = [];
  walk(kindSchema.fields.spec, 'spec', out);
  return out;
}

function walk(schema: FieldSchema, path: string, out: string[]): void {
  if (isStruct(schema) && Object.keys(schema.fields).length > 0) {
    for (const [key, child] of Object.entries(schema.fields)) walk(child, `${path}.${key}`, out);
    return;
  }
  if (isList(schema) && isStruct(schema.items) && Object.keys(schema.items.fields).length > 0) return walk(schema.items, `${path}[]`, out);
  if (isMap(schema) && isStruct(schema.values) && Object.keys(schema.values.fields).length > 0) return walk(schema.values, `${path}{}`, out);
  out.push(path);
}

/** Where a leaf is set in a decoded value: the concrete path (`spec.subnets[1].cidr`) and the value there. */
export interface SetLeaf {
  path: string;
  value: unknown;
}

/** The leaves set in a decoded value (`spec` of an object), each with every place that sets it, in order. */
export function setLeaves(kindSchema: StructSchema, spec: unknown): Map<string, SetLeaf[]> {
  const found = new Map<string, SetLeaf[]>();
  visit(kindSchema.fields.spec, spec, 'spec', 'spec', found);
  return found;
}

function visit(schema: FieldSchema, value: unknown, leaf: string, concrete: string, found: Map<string, SetLeaf[]>): void {
  if (value === undefined || value === null) return;
  const record = (): void => {
    const places = found.get(leaf) ?? [];
    places.push({ path: concrete, value });
    found.set(leaf, places);
  };
  if (isStruct(schema) && Object.keys(schema.fields).length > 0) {
    if (typeof value !== 'object' || Array.isArray(value)) return record();
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childSchema = Object.hasOwn(schema.fields, key) ? schema.fields[key] : undefined;
      if (childSchema !== undefined) visit(childSchema, child, `${leaf}.${key}`, `${concrete}.${key}`, found);
    }
    return;
  }
  if (isList(schema) && isStruct(schema.items) && Object.keys(schema.items.fields).length > 0 && Array.isArray(value)) {
    value.forEach((item, i) => visit(schema.items, item, `${leaf}[]`, `${concrete}[${i}]`, found));
    return;
  }
  if (isMap(schema) && isStruct(schema.values) && Object.keys(schema.values.fields).length > 0 && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) visit(schema.values, item, `${leaf}{}`, `${concrete}[${JSON.stringify(key)}]`, found);
    return;
  }
  record();
}
