/**
 * Every spec leaf put in its class for one cloud: the registry's entries first, then another cloud's block (refused),
 * then a component flag (from the flag table, given by the caller). A leaf in none is silently ignored.
 */
import { ClusterSchema, InstanceGroupSchema } from '../schema.generated.js';
import { cloudOfLeaf } from './clouds.js';
import { COMPONENT_BLOCKS } from './index.js';
import { specLeaves } from './leaves.js';
import { entryPatterns, patternMatches, type ObjectKind, type RegistryEntry } from './registry.js';

export type LeafClass =
  | { class: 'entry'; entry: RegistryEntry }
  | { class: 'other-cloud'; cloud: string }
  | { class: 'flag'; struct: string; field: string }
  | { class: 'none' };

export interface ClassifiedLeaf {
  kind: ObjectKind;
  leaf: string;
  is: LeafClass;
}

/** `struct\tjson` of every field the flag table turns into a flag. */
export type FlagFields = ReadonlySet<string>;

export function allSpecLeaves(): Array<{ kind: ObjectKind; leaf: string }> {
  return [
    ...specLeaves(ClusterSchema).map((leaf) => ({ kind: 'Cluster' as const, leaf })),
    ...specLeaves(InstanceGroupSchema).map((leaf) => ({ kind: 'InstanceGroup' as const, leaf })),
  ];
}

export function classifyLeaves(cloud: string, registry: readonly RegistryEntry[], flagFields: FlagFields): ClassifiedLeaf[] {
  return allSpecLeaves().map(({ kind, leaf }) => ({ kind, leaf, is: classifyLeaf(cloud, registry, flagFields, kind, leaf) }));
}

export function classifyLeaf(cloud: string, registry: readonly RegistryEntry[], flagFields: FlagFields, kind: ObjectKind, leaf: string): LeafClass {
  const entry = registry.find((e) => e.kind === kind && entryPatterns(e).some((p) => patternMatches(p, leaf)));
  if (entry) return { class: 'entry', entry };
  const owner = cloudOfLeaf(kind, leaf);
  if (owner && owner !== cloud) return { class: 'other-cloud', cloud: owner };
  const flag = componentFlagOf(flagFields, kind, leaf);
  if (flag) return { class: 'flag', ...flag };
  return { class: 'none' };
}

/** The flag-table field behind a leaf directly inside a component block (the innermost block wins). */
export function componentFlagOf(flagFields: FlagFields, kind: ObjectKind, leaf: string): { struct: string; field: string } | undefined {
  const blocks = COMPONENT_BLOCKS.filter((b) => b.kind === kind && leaf.startsWith(`${b.path}.`)).sort((a, b) => b.path.length - a.path.length);
  const block = blocks[0];
  if (!block) return undefined;
  const field = leaf.slice(block.path.length + 1);
  if (field.includes('.') || field.includes('[')) return undefined;
  return flagFields.has(`${block.struct}\t${field}`) ? { struct: block.struct, field } : undefined;
}
