/**
 * A task is one desired cloud object (or state-store file) declared by a model builder. Builders only declare;
 * the engine finds the actual object, diffs and renders the change for a target (dry-run, direct, terraform).
 *
 * `spec` holds the desired fields in our camelCase names; a value may be a `Ref` to another task's attribute
 * (its id, arn, name, ...), which both orders the graph and renders as a Terraform expression.
 */
export interface Task<S extends object = Record<string, unknown>> {
  /** Resource type; also the Terraform resource type, e.g. `aws_vpc`. */
  type: string;
  /** The Go kops task type name (`VPC`, `Subnet`, `SecurityGroup`, `IAMRole`, ...), used by --lifecycle-overrides. */
  kopsKind: string;
  /** Unique within its type: the Terraform resource name and the Go kops task name, e.g. `minimal.example.com`. */
  name: string;
  spec: S;
  lifecycle: Lifecycle;
  /** Ordering that is not visible from references (e.g. a subnet inside an added VPC CIDR waits for the association). */
  dependsOn?: TaskKey[];
  /** Set on pre-existing (shared) objects, found by id rather than created: ownership tags are `shared`. */
  shared?: boolean;
  /** Values this object publishes to the outside (Terraform `output`s), e.g. `vpc_id`, `node_security_group_ids`. */
  exports?: TaskExport[];
}

/** One published value; `list` exports with the same name are gathered into one list. */
export interface TaskExport {
  name: string;
  value: Ref | string;
  list?: boolean;
}

export type Lifecycle = 'Sync' | 'Ignore' | 'WarnIfInsufficientAccess' | 'ExistsAndValidates' | 'ExistsAndWarnIfChanges';

export interface TaskKey {
  type: string;
  name: string;
}

/** A reference to an attribute of another task (`id`, `arn`, `name`, ...). */
export interface Ref {
  readonly $ref: TaskKey;
  readonly attr: string;
  /** Written before the attribute's value (`serviceAccount:` before an e-mail). */
  readonly prefix?: string;
}

export function ref(task: TaskKey, attr = 'id', prefix?: string): Ref {
  return prefix ? { $ref: { type: task.type, name: task.name }, attr, prefix } : { $ref: { type: task.type, name: task.name }, attr };
}

export function isRef(value: unknown): value is Ref {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

export function taskKey(task: TaskKey): string {
  return `${task.type}/${task.name}`;
}
