/**
 * The shape of the kops API objects as data: a field tree generated from the CRDs (schema.generated.ts), walked by
 * the strict decoder and by the encoder (which needs to know what Go would print for a field).
 */

/**
 * A scalar: `quantity` is a Kubernetes resource.Quantity (int or string in, string out); `time` an RFC 3339 time;
 * `duration` a Go metav1.Duration (printed in Go's canonical form, "5m" -> "5m0s").
 */
export type ScalarSchema = 'string' | 'boolean' | 'integer' | 'quantity' | 'intOrString' | 'time' | 'duration' | 'any';

export interface StructSchema {
  fields: Readonly<Record<string, FieldSchema>>;
  /** Go fields without `omitempty`: Go prints their zero value even when unset. */
  alwaysEmit?: readonly string[];
  /**
   * Go value-type fields with `omitempty` (not pointers): a zero value (`""`, `false`, `0`) given in a file is
   * dropped when Go re-encodes the object. Other fields are treated as pointers: a zero value given is kept, as
   * every zero value in the golden files is.
   */
  omitZero?: readonly string[];
  /** Go pointers to a map or slice: unlike plain ones, an empty value given is printed (`{}`, `[]`). */
  keepEmpty?: readonly string[];
}

export interface ListSchema {
  items: FieldSchema;
}

export interface MapSchema {
  values: FieldSchema;
}

export type FieldSchema = ScalarSchema | StructSchema | ListSchema | MapSchema;

export function isStruct(s: FieldSchema): s is StructSchema {
  return typeof s === 'object' && 'fields' in s;
}

export function isList(s: FieldSchema): s is ListSchema {
  return typeof s === 'object' && 'items' in s;
}

export function isMap(s: FieldSchema): s is MapSchema {
  return typeof s === 'object' && 'values' in s;
}
