/**
 * The field registry: for one cloud, what every leaf of the Cluster and InstanceGroup specs does. A leaf is in exactly
 * one class:
 * - `effect`: it changes what kops builds; the entry carries a sample value, the settings it needs to show, and the
 *   fragments the Go kops produces for it (a generated test sets the sample and finds each fragment);
 * - `refused`: create, replace, edit and update stop, naming the field and why;
 * - `no-effect`: kops 1.37 itself does nothing with it (the entry names the Go file that shows so);
 * - `pending`: its effect is owned by another piece of work not landed yet (counted as silently ignored);
 * - `selector`: the leaf that picks the cloud, counted with effect and shown on each cloud's baseline.
 * Component configuration fields (kubelet, kube-apiserver, ...) whose effect is a flag are classed from the flag table
 * by the registry tests, and are not listed here.
 */

export type ObjectKind = 'Cluster' | 'InstanceGroup';

/**
 * Where a fragment is looked for in the update output: `kubernetes.tf`, or a data file whose name contains this text
 * (`nodeupconfig-nodes`, `addons-bootstrap`, ...). The completed spec never counts: it holds every field given.
 */
export interface Fragment {
  in: string;
  /** Compared with runs of spaces collapsed, so that Terraform's alignment does not matter. */
  text: string;
  /** The fragment is in the baseline's output, and the sample removes it. */
  absent?: boolean;
  /** The sample's output must not hold the fragment (it shows where the sample does not go). */
  never?: boolean;
}

/**
 * A value set before the sample, `spec.x` on the cluster or `ig:spec.x` on the sample's instance group (or `+objects`:
 * whole objects added, such as another instance group).
 */
export type Setting = readonly [path: string, value: unknown];

export interface EffectEntry {
  class: 'effect';
  kind: ObjectKind;
  /** Where the sample is set; `[]` sets it in every element present. */
  at: string;
  sample: unknown;
  /** The leaves the sample shows (when the sample is an object or list of objects); by default `at` alone. */
  covers?: readonly string[];
  settings?: readonly Setting[];
  /** The instance group the sample (and `ig:` settings) go to; `nodes` unless said. */
  ig?: string;
  fragments: readonly Fragment[];
  /** The Go file that produces the fragment. */
  go: string;
  /** The sample changes what other samples show (a volume type, a security group override): run it on its own. */
  alone?: boolean;
  /**
   * A shared golden case whose keystore the settings need (a dedicated etcd cluster's CA the baseline has none of),
   * e.g. `update_cluster/privateciliumadvanced`; the baseline's keystore unless said.
   */
  keystore?: string;
}

export interface RefusedEntry {
  class: 'refused';
  kind: ObjectKind;
  /** A leaf, or `prefix.*` for every leaf under it. */
  path: string;
  /** `go`: the Go kops refuses it too (its validation); `not-built`: a feature of kops this tool does not have yet. */
  why: 'go' | 'not-built';
  reason: string;
  go?: string;
  /** Refused only when set to this value (kops refuses `iam.legacy: true` and accepts the `false` it writes itself). */
  only?: unknown;
}

export interface NoEffectEntry {
  class: 'no-effect';
  kind: ObjectKind;
  path: string;
  go: string;
  why: string;
}

export interface PendingEntry {
  class: 'pending';
  kind: ObjectKind;
  path: string;
  owner: string;
  note: string;
}

/**
 * The leaf that picks the cloud (`spec.cloudProvider`): its effect is which cloud's model the update builds. A sample
 * on one cloud's baseline cannot show that, so it is shown on every built cloud's baseline: the Terraform that cloud's
 * value yields has that cloud's provider, and no other cloud's resources.
 */
export interface SelectorEntry {
  class: 'selector';
  kind: ObjectKind;
  path: string;
  go: string;
  /** Per cloud value: a fragment of kubernetes.tf only that cloud's build writes. */
  shows: Readonly<Record<string, string>>;
}

export type RegistryEntry = EffectEntry | RefusedEntry | NoEffectEntry | PendingEntry | SelectorEntry;

/** The leaves an entry classifies, as patterns (`prefix.*` covers every leaf under prefix). */
export function entryPatterns(entry: RegistryEntry): readonly string[] {
  if (entry.class === 'effect') return entry.covers ?? [entry.at];
  return [entry.path];
}

export function patternMatches(pattern: string, leaf: string): boolean {
  if (pattern.endsWith('.*')) {
    const prefix = pattern.slice(0, -2);
    return leaf === prefix || leaf.startsWith(`${prefix}.`) || leaf.startsWith(`${prefix}[]`) || leaf.startsWith(`${prefix}{}`);
  }
  return pattern === leaf;
}
