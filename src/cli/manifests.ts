import { readFile } from 'node:fs/promises';
import { decodeDocuments } from '../apis/codec.js';
import { CLUSTER_LABEL, isKopsObject, type AdditionalObject, type Cluster, type InstanceGroup, type KopsObject, type SSHCredential } from '../apis/types.js';
import { UserError } from '../errors.js';
import type { CliContext } from './context.js';

/** The objects of `-f` files, grouped by what the commands do with them; `source` names the file in errors. */
export interface Manifests {
  clusters: Array<{ object: Cluster; source: string }>;
  instanceGroups: Array<{ object: InstanceGroup; source: string; clusterName: string }>;
  sshCredentials: Array<{ object: SSHCredential; source: string; clusterName: string }>;
  additional: Array<{ object: AdditionalObject; source: string }>;
}

/** Reads and strictly decodes every file (`-` is stdin); any malformed document fails the whole read. */
export async function readManifests(ctx: CliContext, files: string[], commandPath: string, verb: string): Promise<Manifests> {
  if (files.length === 0) throw new UserError(`${commandPath}: no file given`, `pass the objects to ${verb} with -f FILE (or -f - for stdin)`);
  const manifests: Manifests = { clusters: [], instanceGroups: [], sshCredentials: [], additional: [] };
  for (const file of files) {
    const source = file === '-' ? 'stdin' : file;
    const text = file === '-' ? await ctx.readStdin() : await readInput(file);
    const objects = decodeDocuments(text, source, { allowOtherKinds: true });
    if (objects.length === 0) throw new UserError(`${source}: no objects found`, `the file must hold the YAML objects to ${verb}`);
    for (const object of objects) add(manifests, object, source, verb);
  }
  return manifests;
}

function add(manifests: Manifests, object: KopsObject | AdditionalObject, source: string, verb: string): void {
  if (!isKopsObject(object)) {
    manifests.additional.push({ object, source });
    return;
  }
  switch (object.kind) {
    case 'Cluster':
      manifests.clusters.push({ object, source });
      return;
    case 'InstanceGroup':
      manifests.instanceGroups.push({ object, source, clusterName: clusterLabel(object, source, verb) });
      return;
    case 'SSHCredential':
      manifests.sshCredentials.push({ object, source, clusterName: clusterLabel(object, source, verb) });
      return;
    default:
      throw new UserError(`${source}: cannot ${verb} a ${object.kind} with -f`, 'keysets are managed with kops create keypair');
  }
}

function clusterLabel(object: InstanceGroup | SSHCredential, source: string, verb: string): string {
  const name = object.metadata?.labels?.[CLUSTER_LABEL];
  if (!name) {
    throw new UserError(
      `${source}: ${object.kind} "${object.metadata?.name ?? ''}" metadata.labels: the ${CLUSTER_LABEL} label is missing`,
      `set label ${CLUSTER_LABEL} to the name of the cluster to ${verb} it in`,
    );
  }
  return name;
}

/** Two objects of the same kind and name (per cluster) in one input would overwrite each other: refuse them. */
export function checkNoDuplicates(manifests: Manifests): void {
  const seen = new Map<string, string>();
  const check = (key: string, describe: string, source: string) => {
    const first = seen.get(key);
    if (first !== undefined) throw new UserError(`${source}: ${describe} is given more than once (first in ${first})`, 'keep one definition of it');
    seen.set(key, source);
  };
  for (const c of manifests.clusters) check(`Cluster/${c.object.metadata.name}`, `Cluster "${c.object.metadata.name}"`, c.source);
  for (const g of manifests.instanceGroups) {
    check(`InstanceGroup/${g.clusterName}/${g.object.metadata.name}`, `InstanceGroup "${g.object.metadata.name}" of cluster "${g.clusterName}"`, g.source);
  }
}

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${file}: no such file`, 'check the path given with -f');
    if (code === 'EISDIR') throw new UserError(`${file}: is a directory`, 'pass a YAML file with -f');
    throw new UserError(`${file}: cannot read: ${(err as Error).message}`);
  }
}

/** The one object of an edited text, of the expected kind. */
export function decodeSingle<K extends 'Cluster' | 'InstanceGroup'>(text: string, kind: K): Extract<KopsObject, { kind: K }> {
  const objects = decodeDocuments(text, `edited ${kind}`);
  const [object] = objects;
  if (objects.length !== 1 || !isKind(object, kind)) {
    throw new UserError(`the edited text must hold exactly one ${kind} object, found ${objects.map((o) => o.kind).join(', ') || 'none'}`);
  }
  return object;
}

function isKind<K extends KopsObject['kind']>(object: KopsObject | undefined, kind: K): object is Extract<KopsObject, { kind: K }> {
  return object?.kind === kind;
}
