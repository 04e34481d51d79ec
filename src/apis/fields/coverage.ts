/**
 * Every spec leaf put in its class for one cloud: the registry's entries first, then another cloud's block (refused),
 * then a component flag (from the flag table, given by the caller). A leaf in none is silently ignored.
 */
import { componentFields, type ComponentStruct } from '../component-flags.js';
import { ClusterSchema, InstanceGroupSchema } from '../schema.generated.js';
import { cloudOfLeaf } from './clouds.js';
import { COMPONENT_BLOCKS } from './index.js';
import { specLeaves } from './leaves.js';
import { entryPatterns, patternMatches, type ObjectKind, type RegistryEntry } from './registry.js';

export type LeafClass =
  | { class: 'entry'; entry: RegistryEntry }
  | { class: 'other-cloud'; cloud: string }
  | { class: 'flag'; struct: ComponentStruct; field: string; flag: string }
  | { class: 'config-file'; struct: ComponentStruct; field: string }
  | { class: 'none' };

export interface ClassifiedLeaf {
  kind: ObjectKind;
  leaf: string;
  is: LeafClass;
}

export function allSpecLeaves(): Array<{ kind: ObjectKind; leaf: string }> {
  return [
    ...specLeaves(ClusterSchema).map((leaf) => ({ kind: 'Cluster' as const, leaf })),
    ...specLeaves(InstanceGroupSchema).map((leaf) => ({ kind: 'InstanceGroup' as const, leaf })),
  ];
}

export function classifyLeaves(cloud: string, registry: readonly RegistryEntry[]): ClassifiedLeaf[] {
  return allSpecLeaves().map(({ kind, leaf }) => ({ kind, leaf, is: classifyLeaf(cloud, registry, kind, leaf) }));
}

export function classifyLeaf(cloud: string, registry: readonly RegistryEntry[], kind: ObjectKind, leaf: string): LeafClass {
  const entry = registry.find((e) => e.kind === kind && entryPatterns(e).some((p) => patternMatches(p, leaf)));
  if (entry) return { class: 'entry', entry };
  const owner = cloudOfLeaf(kind, leaf);
  if (owner && owner !== cloud) return { class: 'other-cloud', cloud: owner };
  return componentClassOf(kind, leaf) ?? { class: 'none' };
}

/**
 * A leaf directly inside a component block, by the Go struct tags (component-flags.generated.ts): a flag, or a field
 * nodeup writes to the component's config file (`flag:"-"`). The innermost block wins.
 */
export function componentClassOf(kind: ObjectKind, leaf: string): LeafClass | undefined {
  const blocks = COMPONENT_BLOCKS.filter((b) => b.kind === kind && leaf.startsWith(`${b.path}.`)).sort((a, b) => b.path.length - a.path.length);
  const block = blocks[0];
  if (!block) return undefined;
  const name = leaf.slice(block.path.length + 1);
  if (name.includes('.') || name.includes('[')) return undefined;
  const field = componentFields(block.struct).find((f) => (f.v1alpha2 ?? f.json ?? f.go) === name);
  if (!field?.flag) return undefined;
  if (field.flag === '-') return { class: 'config-file', struct: block.struct, field: name };
  return { class: 'flag', struct: block.struct, field: name, flag: field.flag };
}
