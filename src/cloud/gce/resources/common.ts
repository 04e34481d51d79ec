/**
 * What every Compute Engine resource type shares for the direct target: found by name where it lives, created with
 * one insert, deleted by its link. A type gives its collection, its body, how to read the cloud's object back in
 * the shape of its spec, and the in-place updates it supports.
 */
import type { Actual, Created, ResourceOps } from '../../../engine/ops.js';
import type { ResourceDecl } from '../../../engine/resource.js';
import type { Task } from '../../../engine/task.js';
import { lastComponent, parseLink, relativeLink, type CollectionName, type GceCompute, type GceLocation, type Json } from '../compute.js';

export interface GceTypeDef {
  decl: ResourceDecl;
  collection: CollectionName;
  /** Region or zone of the object ('' for global ones). */
  where(spec: Json, api: GceCompute): string;
  /** The object's name (default: `spec.name`). */
  name?(spec: Json): string;
  /** The insert body (without the name). */
  body(spec: Json, api: GceCompute): Json;
  /** The cloud's object as the spec's fields; a field left undefined is not reported, so not compared. */
  read(object: Json, spec: Json): Json;
  /** Attributes other tasks refer to, besides `name` and `self_link`. */
  attrs?(object: Json, api: GceCompute, at: GceLocation): Json;
  /** Fields changed in place, and how (the others are replaced only by hand: their changes are refused). */
  update?: { fields: readonly string[]; apply(api: GceCompute, at: GceLocation, spec: Json, changed: readonly string[], actual: Actual): Promise<void> };
  unordered?: readonly string[];
  subsetMaps?: readonly string[];
  /** See ResourceOps.foundWithoutPending. */
  foundWithoutPending?: readonly string[];
}

export function gceOps(def: GceTypeDef): ResourceOps<GceCompute> {
  const locate = (spec: Json, api: GceCompute): GceLocation => ({ collection: def.collection, where: def.where(spec, api), name: def.name ? def.name(spec) : String(spec.name) });
  const actualOf = (object: Json, spec: Json, api: GceCompute, at: GceLocation): Actual => ({
    id: object.selfLink ? relativeLink(String(object.selfLink)) : api.link(at),
    attrs: { name: object.name, self_link: object.selfLink, ...def.attrs?.(object, api, at) },
    fields: def.read(object, spec),
  });
  const mutable = new Set(def.update?.fields ?? []);
  return {
    type: def.decl.type,
    immutable: Object.keys(def.decl.fields).filter((f) => def.decl.fields[f].immutable || !mutable.has(f)),
    unordered: def.unordered,
    subsetMaps: def.subsetMaps ?? [],
    foundWithoutPending: def.foundWithoutPending,
    async find(api, spec) {
      const at = locate(spec, api);
      const object = await api.get(at);
      return object ? actualOf(object, spec, api, at) : undefined;
    },
    async create(api, spec): Promise<Created> {
      const at = locate(spec, api);
      await api.insert(at, def.body(spec, api));
      const object = await api.get(at);
      if (!object) throw new Error(`${def.collection} ${at.name} was created but cannot be read back`);
      const { id, attrs } = actualOf(object, spec, api, at);
      return { id, attrs };
    },
    update: def.update
      ? async (api: GceCompute, actual: Actual, spec: Json, changed: readonly string[], _task: Task) => {
          await def.update!.apply(api, locate(spec, api), spec, changed, actual);
        }
      : undefined,
    delete: deleteByLink,
  };
}

/** Deletes the Compute Engine object the actual's id links to. */
export async function deleteByLink(api: GceCompute, actual: Actual): Promise<void> {
  const at = parseLink(actual.id);
  if (!at) throw new Error(`cannot tell which object ${actual.id} is`);
  await api.delete(at);
}

/** A network given as `name` or `project/name` (the forms of spec.networkID), as a link. */
export function networkLink(api: GceCompute, value: unknown): string {
  const v = String(value);
  if (v.includes('projects/')) return relativeLink(v);
  const [project, name] = v.includes('/') ? v.split('/') : [api.project, v];
  return `projects/${project}/global/networks/${name}`;
}

/** A regional object given as `name`, `project/name` or a link, as a link. */
export function regionalLink(api: GceCompute, collection: CollectionName, region: string, value: unknown): string {
  const v = String(value);
  if (v.includes('projects/')) return relativeLink(v);
  const [project, name] = v.includes('/') ? v.split('/') : [api.project, v];
  return `projects/${project}/regions/${region}/${collection}/${name}`;
}

/**
 * The cloud's link read back in the spec's form: the spec's own value when both name the same object (by link, or
 * by name when the spec gives only a name), the cloud's link otherwise (a real difference).
 */
export function sameLink(want: unknown, have: unknown): unknown {
  if (have === undefined || have === '') return undefined;
  if (typeof want !== 'string') return have;
  const w = want.includes('projects/') ? relativeLink(want) : lastComponent(want);
  const h = want.includes('projects/') ? relativeLink(String(have)) : lastComponent(String(have));
  return w === h ? want : have;
}

/** A list of links read back element by element; none reported is an empty list (the API leaves it out). */
export function sameLinks(want: unknown, have: unknown): unknown[] {
  const wanted = Array.isArray(want) ? (want as unknown[]) : [];
  return (Array.isArray(have) ? have : []).map((h, i) => sameLink(wanted[i], h));
}

/** Numbers the API returns as strings (int64) read as numbers. */
export function num(value: unknown): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/** Drops empty values the spec uses for "not set" ('' and 0), as the API leaves them out. */
export function compact(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '' && v !== 0 && !(Array.isArray(v) && v.length === 0)));
}

/** Labels as the cloud reports them (absent = none). */
export function labelsOf(object: Json): Record<string, string> {
  return (object.labels as Record<string, string> | undefined) ?? {};
}

/** Replaces the object's labels (`setLabels` with its label fingerprint). */
export async function setLabels(api: GceCompute, at: GceLocation, labels: unknown): Promise<void> {
  const object = await api.get(at);
  const field = at.collection === 'disks' ? 'zoneSetLabelsRequestResource' : 'regionSetLabelsRequestResource';
  // setLabels names its object `resource` in the path, whatever the collection.
  await api.call(at, 'setLabels', { resource: at.name, [field]: { labels, labelFingerprint: object?.labelFingerprint } });
}

/** Patches the named fields (with the object's fingerprint, which the API wants to see unchanged). */
export async function patchFields(api: GceCompute, at: GceLocation, body: Json, changed: readonly string[], fieldsOf: Record<string, readonly string[]>): Promise<void> {
  const object = await api.get(at);
  const patch: Json = {};
  for (const f of changed) for (const k of fieldsOf[f] ?? [f]) patch[k] = body[k] ?? null;
  if (object?.fingerprint) patch.fingerprint = object.fingerprint;
  await api.patch(at, patch);
}
