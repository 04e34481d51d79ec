import type { Lifecycle, Ref, Task, TaskKey } from './task.js';

/**
 * How one field of a resource maps to its Terraform attribute:
 * - `value`: a scalar or a list of scalars/references (`cidr_block = "..."`, `security_groups = [...]`)
 * - `map`: a string map (`labels = { ... }`)
 * - `tags`: the object's tags, a string map (`tags = { ... }`), written by the resource type's tagging
 * - `block` / `blocks`: one nested block / a repeated nested block, with its own fields
 * - `file` / `filebase64`: a large value written to `data/<type>_<name>_<dataKey>` and read back by Terraform
 * - `tagBlocks`: a string map written as repeated `tag { key, propagate_at_launch = true, value }` (ASG tags)
 * - `mapWithFiles`: a string map whose multi-line values are written to `data/<type>_<name>_<tf>_<key>` (GCE metadata)
 */
export type FieldKind = 'value' | 'map' | 'tags' | 'block' | 'blocks' | 'file' | 'filebase64' | 'tagBlocks' | 'mapWithFiles';

export interface FieldDecl {
  tf: string;
  kind?: FieldKind;
  /** Changing it means replacing the object. */
  immutable?: boolean;
  /** Fields of a nested block (`block`, `blocks`). */
  fields?: Fields;
  /** Suffix of the data file name for `file` fields when it differs from the attribute (`assume_role_policy` -> `policy`). */
  dataKey?: string;
  /** An IPv6 CIDR that may be given relative to the VPC's block (`/64#3`: the 3rd /64 of the VPC's range). */
  relativeIpv6?: boolean;
  /** The provider takes this scalar as a string (`connection_termination = "true"`). */
  tfString?: boolean;
  /** Used by the cloud calls only: the Terraform resource has no such attribute. */
  notInTerraform?: boolean;
}

export type Fields = Record<string, FieldDecl>;

export interface ResourceDecl {
  /** The Terraform resource type. */
  type: string;
  /** The Go kops task type (used by --lifecycle-overrides). */
  kopsKind: string;
  fields: Fields;
  /** Terraform-only settings rendered on every resource of this type (`lifecycle { create_before_destroy = true }`). */
  terraform?: { createBeforeDestroy?: boolean; labelPrefix?: string; ignoreChanges?: string[] };
}

export interface TaskOptions {
  lifecycle?: Lifecycle;
  shared?: boolean;
  dependsOn?: TaskKey[];
}

export interface ResourceType<S extends object> extends ResourceDecl {
  /** A task of this type; the spec is checked here, the task itself is untyped so that lists of mixed tasks work. */
  task(name: string, spec: S, options?: TaskOptions): Task;
}

/** A value a field may hold: a literal or a reference to another task's attribute. */
export type Val<T> = T | Ref;

const registry = new Map<string, ResourceDecl>();

export function defineResource<S extends object>(decl: ResourceDecl): ResourceType<S> {
  registry.set(decl.type, decl);
  return {
    ...decl,
    task(name, spec, options = {}) {
      const t: Task = { type: decl.type, kopsKind: decl.kopsKind, name, spec: spec as Record<string, unknown>, lifecycle: options.lifecycle ?? 'Sync' };
      if (options.shared) t.shared = true;
      if (options.dependsOn?.length) t.dependsOn = options.dependsOn;
      return t;
    },
  };
}

/** The declaration of a resource type, for the engine and targets. */
export function resourceDecl(type: string): ResourceDecl | undefined {
  return registry.get(type);
}

/**
 * A file kops keeps in the state store (completed spec, nodeup configs, add-on manifests, ...), declared as a task
 * of type `managed_file`: the direct target writes it to the store, the terraform target as an object of the
 * store's bucket (or, for a file:// store, directly).
 */
export interface ManagedFileSpec {
  /** Full location in the state store, e.g. `memfs://clusters.example.com/minimal.example.com/cluster-completed.spec`. */
  location: string;
  contents: string;
  /**
   * s3:// only: true, the object carries the public-read ACL (anyone may read it); false, it must not (a public one is
   * rewritten without). Unset: its ACL is not looked at.
   */
  publicRead?: boolean;
}
