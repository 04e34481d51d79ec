/** Small constructors for the registry's AWS entries. */
import type { EffectEntry, Fragment, NoEffectEntry, ObjectKind, PendingEntry, Setting } from '../registry.js';

/** A setting whose value is a list of whole objects added to the baseline (another instance group). */
export const ADDED_OBJECTS = '+objects';

export const tf = (text: string): Fragment => ({ in: 'kubernetes.tf', text });
export const noTf = (text: string): Fragment => ({ in: 'kubernetes.tf', text, absent: true });
export const data = (file: string, text: string): Fragment => ({ in: file, text });
export const nodesConfig = (text: string): Fragment => ({ in: 'nodeupconfig-nodes', text });
export const notIn = (file: string, text: string): Fragment => ({ in: file, text, never: true });
/** What the direct target applies to an object (its task spec as JSON), for settings kops does not render to Terraform. */
export const direct = (typeAndName: string, text: string): Fragment => ({ in: `direct/${typeAndName}`, text });
export const masterConfig = (text: string): Fragment => ({ in: 'nodeupconfig-master-us-test-1a', text });

interface Extra {
  covers?: readonly string[];
  settings?: readonly Setting[];
  ig?: string;
  alone?: boolean;
  keystore?: string;
}

export const clusterEffect = (at: string, sample: unknown, fragments: readonly Fragment[], go: string, extra: Extra = {}): EffectEntry => ({
  class: 'effect',
  kind: 'Cluster',
  at,
  sample,
  fragments,
  go,
  ...extra,
});

export const groupEffect = (at: string, sample: unknown, fragments: readonly Fragment[], go: string, extra: Extra = {}): EffectEntry => ({
  class: 'effect',
  kind: 'InstanceGroup',
  at,
  sample,
  fragments,
  go,
  ...extra,
});

export const noEffect = (kind: ObjectKind, path: string, go: string, why: string): NoEffectEntry => ({ class: 'no-effect', kind, path, go, why });

export const pending = (kind: ObjectKind, path: string, owner: string, note: string): PendingEntry => ({ class: 'pending', kind, path, owner, note });
