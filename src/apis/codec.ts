/**
 * Reading and writing kops API objects as YAML (or JSON), the way the Go kops does: strict decoding against the
 * v1alpha2 schema, and encoding byte-compatible with Go's sigs.k8s.io/yaml output.
 */
import { parseAllDocuments, type Document, type Tags } from 'yaml';
import { UserError } from '../errors.js';
import { toGoYaml } from './go/yaml.js';
import { decodeValue, encodeValue, type PlainObject } from './fields.js';
import { ClusterSchema, InstanceGroupSchema, KeysetSchema, SSHCredentialSchema } from './schema.generated.js';
import type { StructSchema } from './schema.js';
import { API_VERSION, KOPS_KINDS, type AdditionalObject, type KopsKind, type KopsObject } from './types.js';

export const KIND_SCHEMAS: Record<KopsKind, StructSchema> = {
  Cluster: ClusterSchema,
  InstanceGroup: InstanceGroupSchema,
  Keyset: KeysetSchema,
  SSHCredential: SSHCredentialSchema,
};

const KOPS_GROUPS = ['kops.k8s.io', 'kops'];

export interface DecodeOptions {
  /** Return documents of other API groups as additional objects instead of failing (`kops create -f`). */
  allowOtherKinds?: boolean;
  /**
   * Go's `kops create -f` decoder is not strict: it drops unknown fields silently. When this is set, each unknown
   * field is reported here (e.g. `Cluster "x": spec.foo`) and dropped instead of failing the decode.
   */
  onUnknownField?: (field: string) => void;
  /** With onUnknownField: unknown fields are kept unchanged (objects a newer kops wrote), so that writing back keeps them. */
  keepUnknownFields?: boolean;
}

/**
 * Decodes every document of a multi-document YAML (or JSON) text. `source` names the input (a file path) in errors.
 * Unknown fields, wrong types, unknown kinds and API versions are errors naming the object and field path.
 */
export function decodeDocuments(text: string, source: string): KopsObject[];
export function decodeDocuments(text: string, source: string, options: DecodeOptions): Array<KopsObject | AdditionalObject>;
export function decodeDocuments(text: string, source: string, options: DecodeOptions = {}): Array<KopsObject | AdditionalObject> {
  const objects: Array<KopsObject | AdditionalObject> = [];
  for (const doc of parseYamlDocuments(text, source)) {
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) continue;
    objects.push(decodeObject(value, source, options));
  }
  return objects;
}

/** One decoded document (already parsed into plain values). */
export function decodeObject(value: unknown, source: string, options: DecodeOptions = {}): KopsObject | AdditionalObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${source}: a document is not a YAML mapping`, 'each document must be a kops object with apiVersion, kind, metadata and spec');
  }
  const doc = value as PlainObject;
  const { apiVersion, kind } = doc;
  if (typeof apiVersion !== 'string' || !apiVersion) throw new UserError(`${source}: a document has no apiVersion`, `set apiVersion: ${API_VERSION}`);
  if (typeof kind !== 'string' || !kind) throw new UserError(`${source}: a document has no kind`, 'set kind to Cluster, InstanceGroup, Keyset or SSHCredential');
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  if (!KOPS_GROUPS.includes(group)) {
    if (options.allowOtherKinds) return doc as AdditionalObject;
    throw new UserError(`${source}: ${kind} has apiVersion ${apiVersion}, which is not a kops API version`, `use apiVersion: ${API_VERSION}`);
  }
  if (version === 'v1alpha3') {
    throw new UserError(`${source}: ${kind} uses apiVersion ${apiVersion}: v1alpha3 is not supported yet`, `write the object in ${API_VERSION}`);
  }
  if (version !== 'v1alpha2') {
    throw new UserError(`${source}: ${kind} has unknown apiVersion ${apiVersion}`, `use apiVersion: ${API_VERSION}`);
  }
  if (!(KOPS_KINDS as readonly string[]).includes(kind)) {
    throw new UserError(`${source}: unknown kind ${kind} in ${apiVersion}`, `kinds are ${KOPS_KINDS.join(', ')}`);
  }
  const schema = KIND_SCHEMAS[kind as KopsKind];
  const metadata = doc.metadata as PlainObject | undefined;
  const name = typeof metadata?.name === 'string' ? metadata.name : '';
  const subject = `${kind} ${JSON.stringify(name)}`;
  const report = options.onUnknownField;
  const decoded = decodeValue({ ...doc, apiVersion: API_VERSION }, schema, {
    subject,
    source,
    onUnknownField: report && ((path) => report(`${subject}: ${path}`)),
    keepUnknown: options.keepUnknownFields,
  }) as PlainObject;
  decoded.metadata ??= {};
  decoded.spec ??= {};
  return decoded as unknown as KopsObject;
}

/** The object as Go kops writes it (group/version kops.k8s.io/v1alpha2), ending with a newline. */
export function encodeObject(obj: KopsObject | AdditionalObject): string {
  const schema = (KOPS_KINDS as readonly string[]).includes(obj.kind) ? KIND_SCHEMAS[obj.kind as KopsKind] : undefined;
  const value = schema ? encodeValue({ ...obj, apiVersion: API_VERSION }, schema) : obj;
  return toGoYaml(value);
}

/** Several objects as the kops golden files join them: each trimmed, separated by a blank line, `---`, a blank line. */
export function encodeObjects(objs: ReadonlyArray<KopsObject | AdditionalObject>): string {
  return objs.map((o) => encodeObject(o).trim()).join('\n\n---\n\n') + '\n';
}

/** YAML 1.1 scalars as go-yaml v2 reads them, except that timestamps and sexagesimal numbers stay strings. */
const goYamlTags = (tags: Tags) =>
  tags.filter((t) => typeof t === 'object' && !/timestamp/.test(t.tag) && !('format' in t && t.format === 'TIME'));

function parseYamlDocuments(text: string, source: string): Document[] {
  const docs: Document[] = parseAllDocuments(text.replace(/\r\n/g, '\n'), { version: '1.1', customTags: goYamlTags, uniqueKeys: true });
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0].line;
      const what = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      throw new UserError(`${source}${line ? `: line ${line}` : ''}: invalid YAML: ${what}`);
    }
  }
  return docs;
}
