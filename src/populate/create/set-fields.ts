/**
 * `--set path=value` and `--unset path` on a Cluster (paths like `cluster.spec.networking.calico.bpfEnabled` or
 * `spec.addons[0].manifest`), typed by the API schema: lists take comma-separated values, maps `k=v` pairs.
 * Paths in the newer API's spelling (e.g. `spec.networking.networkCIDR`) are accepted for the fields that moved.
 */
import type { Cluster } from '../../apis/types.js';
import { ClusterSchema } from '../../apis/schema.generated.js';
import { isList, isMap, isStruct, type FieldSchema } from '../../apis/schema.js';
import { UserError } from '../../errors.js';

const MOVED_FIELDS: [from: string, to: string][] = [
  ['spec.networking.networkCIDR', 'spec.networkCIDR'],
  ['spec.networking.additionalNetworkCIDRs', 'spec.additionalNetworkCIDRs'],
  ['spec.networking.networkID', 'spec.networkID'],
  ['spec.networking.nonMasqueradeCIDR', 'spec.nonMasqueradeCIDR'],
  ['spec.networking.podCIDR', 'spec.podCIDR'],
  ['spec.networking.serviceClusterIPRange', 'spec.serviceClusterIPRange'],
  ['spec.networking.subnets', 'spec.subnets'],
  ['spec.networking.topology', 'spec.topology'],
  ['spec.networking.egressProxy', 'spec.egressProxy'],
  ['spec.api.publicName', 'spec.masterPublicName'],
  ['spec.api.access', 'spec.kubernetesApiAccess'],
  ['spec.api.additionalSANs', 'spec.additionalSans'],
  ['spec.configStore.base', 'spec.configBase'],
  ['spec.externalCloudControllerManager', 'spec.cloudControllerManager'],
];

interface Step {
  name: string;
  index?: number;
}

function parsePath(flag: string, raw: string): Step[] {
  let path = raw.trim().replace(/^cluster\./, '');
  for (const [from, to] of MOVED_FIELDS) {
    if (path === from || path.startsWith(`${from}.`) || path.startsWith(`${from}[`)) path = to + path.slice(from.length);
  }
  if (!path.startsWith('spec.') && !path.startsWith('metadata.')) {
    throw new UserError(`${flag}: "${raw}" is not a cluster field path`, 'paths start with cluster.spec. or spec., e.g. cluster.spec.nodePortAccess');
  }
  return path.split('.').map((part) => {
    const m = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(part);
    if (!m) throw new UserError(`${flag}: "${raw}": cannot read "${part}"`);
    return { name: m[1], index: m[2] === undefined ? undefined : Number(m[2]) };
  });
}

function fieldSchema(parent: FieldSchema, step: Step, flag: string, raw: string): FieldSchema {
  if (!isStruct(parent) || !(step.name in parent.fields)) throw new UserError(`${flag}: "${raw}": unknown field ${step.name}`);
  let schema = parent.fields[step.name];
  if (step.index !== undefined) {
    if (!isList(schema)) throw new UserError(`${flag}: "${raw}": ${step.name} is not a list`);
    schema = schema.items;
  }
  return schema;
}

function convert(schema: FieldSchema, value: string, flag: string, raw: string): unknown {
  if (isList(schema)) return value === '' ? [] : value.split(',').map((v) => convert(schema.items, v, flag, raw));
  if (isMap(schema)) {
    const map: Record<string, unknown> = {};
    for (const pair of value.split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UserError(`${flag}: "${raw}": expected key=value pairs for a map`);
      map[pair.slice(0, eq)] = convert(schema.values, pair.slice(eq + 1), flag, raw);
    }
    return map;
  }
  if (isStruct(schema)) throw new UserError(`${flag}: "${raw}": the field is an object; set one of its fields instead`);
  switch (schema) {
    case 'boolean':
      if (value !== 'true' && value !== 'false') throw new UserError(`${flag}: "${raw}": expected true or false`);
      return value === 'true';
    case 'integer':
      if (!/^-?\d+$/.test(value)) throw new UserError(`${flag}: "${raw}": expected an integer`);
      return Number(value);
    default:
      return value;
  }
}

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Walks to the parent of the last step, creating objects/list items on the way. */
function walk(cluster: Cluster, steps: Step[], create: boolean, flag: string, raw: string): { parent: Fields; schema: FieldSchema } | undefined {
  const asFields = (value: unknown, name: string): Fields => {
    if (isFields(value)) return value;
    throw new UserError(`${flag}: "${raw}": ${name} holds ${JSON.stringify(value)}, not an object`, `fix ${name} in the cluster spec first`);
  };
  let node = asFields(cluster, 'the cluster');
  let schema: FieldSchema = ClusterSchema;
  for (const step of steps.slice(0, -1)) {
    schema = fieldSchema(schema, step, flag, raw);
    let child = node[step.name];
    if (step.index !== undefined) {
      let list: unknown[];
      if (Array.isArray(child)) list = child;
      else if (!create) return undefined;
      else list = node[step.name] = [];
      if (list[step.index] === undefined) {
        if (!create) return undefined;
        if (step.index > list.length) throw new UserError(`${flag}: "${raw}": index ${step.index} is past the end of ${step.name}`);
        list[step.index] = {};
      }
      child = list[step.index];
    } else if (child === undefined || child === null) {
      if (!create) return undefined;
      child = node[step.name] = {};
    }
    node = asFields(child, step.index === undefined ? step.name : `${step.name}[${step.index}]`);
  }
  return { parent: node, schema };
}

export function setClusterFields(cluster: Cluster, sets: string[]): void {
  for (const expression of sets) {
    const eq = expression.indexOf('=');
    if (eq < 0) throw new UserError(`--set: "${expression}" has no value`, 'write --set path=value');
    const raw = expression.slice(0, eq);
    const value = expression.slice(eq + 1);
    const steps = parsePath('--set', raw);
    const { parent, schema } = walk(cluster, steps, true, '--set', raw)!;
    const last = steps[steps.length - 1];
    const target = fieldSchema(schema, last, '--set', raw);
    const converted = convert(target, value, '--set', raw);
    if (last.index !== undefined) {
      const existing = parent[last.name];
      const list: unknown[] = Array.isArray(existing) ? existing : [];
      parent[last.name] = list;
      if (last.index > list.length) throw new UserError(`--set: "${raw}": index ${last.index} is past the end of ${last.name}`);
      list[last.index] = converted;
    } else {
      parent[last.name] = converted;
    }
  }
}

export function unsetClusterFields(cluster: Cluster, unsets: string[]): void {
  for (const raw of unsets) {
    const steps = parsePath('--unset', raw);
    const found = walk(cluster, steps, false, '--unset', raw);
    const last = steps[steps.length - 1];
    if (found) fieldSchema(found.schema, last, '--unset', raw);
    else {
      // Still reject paths that name no field at all.
      let schema: FieldSchema = ClusterSchema;
      for (const step of steps) schema = fieldSchema(schema, step, '--unset', raw);
      continue;
    }
    const { parent } = found;
    if (last.index !== undefined) {
      const list = parent[last.name];
      if (Array.isArray(list) && last.index < list.length) list.splice(last.index, 1);
    } else {
      delete parent[last.name];
    }
  }
}
