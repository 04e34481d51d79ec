import type { ErrorClass, Provider } from '../engine/ops.js';
import type { CloudDns } from './dns.js';
import type { CloudLookup } from './lookup.js';

/**
 * What kops needs from a cloud, whichever it is. AWS implements it in cloud/aws/cloud.ts; a second cloud adds its
 * own folder and an entry in cloud/index.ts. Flows (ops/) hold a `Cloud` and pair it with the model builders of
 * the same `spec.cloudProvider`; engine/, targets/ and cli/ see only this interface.
 */
export interface Cloud {
  /** `spec.cloudProvider` of the clusters it serves (`aws`, `gce`). */
  readonly provider: string;
  readonly region: string;
  /** Look-ups that inference and the model need (zones, machine types, images, networks, DNS zones). */
  readonly lookup: CloudLookup;
  /** Checks that credentials work and the endpoint answers, before any other call. */
  verifyAccess(): Promise<CloudIdentity>;
  /** The direct target: every resource type as find/create/update/delete calls for the engine. */
  direct(options?: DirectOptions): Provider;
  /** Finding what a cluster owns, for `delete cluster`. */
  readonly discovery: CloudDiscovery;
  /** What the terraform target writes besides the resources (provider blocks). */
  readonly terraform: TerraformCloud;
  /** The cluster's instance groups as the cloud runs them, for rolling update, validate and get instances. */
  readonly instanceGroups: CloudInstanceGroups;
  /** The cluster's network and subnets as the cloud holds them (found by the cluster's tags), for `toolbox dump`. */
  clusterNetwork(clusterName: string): Promise<ClusterNetwork>;
  /**
   * Where clients reach the cluster's API load balancer when the cluster has no DNS name for it (gossip, DNS none):
   * a DNS name (AWS) or an IP address (GCE); undefined while there is none.
   */
  apiLoadBalancerAddress(clusterName: string): Promise<string | undefined>;
  /** DNS zones and records, for the placeholder records `update` makes (absent: none are made). */
  readonly dns?: CloudDns;
}

export interface ClusterNetwork {
  vpc?: { id: string };
  /** Sorted by id. */
  subnets: { id: string; zone: string }[];
}

export interface CloudIdentity {
  /** Account (AWS) or project (GCE). */
  account: string;
  /** ARN partition on AWS (`aws`, `aws-cn`, ...); empty elsewhere. */
  partition: string;
  /** The caller, for messages (an ARN, a service-account e-mail). */
  principal: string;
}

export interface DirectOptions {
  /**
   * Fields per resource type that the cloud in use accepts but does not report faithfully (an emulator's gaps):
   * treated as not reported, i.e. unknown. Empty for a real cloud.
   */
  unobservable?: Readonly<Record<string, readonly string[]>>;
}

// ---- discovery for delete ----

export interface CloudDiscovery {
  /**
   * Every object of the cluster, found by ownership tags or, for what cannot be tagged, by the naming scheme;
   * with the foreign objects that would stop deletion half way. Reads only.
   */
  discover(clusterName: string, options: DiscoverOptions): Promise<ClusterObjects>;
  /** Deletes the object (`delete`), or removes the cluster's tags from it (`untag`). */
  remove(object: ClusterObject): Promise<void>;
  /**
   * Asked when the cloud keeps refusing to delete an object: what outside the cluster holds it right now.
   * Empty when nothing foreign is found (the refusal is then waited on).
   */
  explainRefusal(object: ClusterObject): Promise<Blocker[]>;
  /** How a failed removal is treated: already gone is success, in use is waited on, the rest is an error. */
  classify(err: unknown): ErrorClass;
  describe(err: unknown): string;
}

export interface DiscoverOptions {
  /** Look for the cluster's DNS records (not for gossip clusters or `dns: None`). */
  dns: boolean;
  /** What makes an object the cluster's and how foreign ones are named (ops/delete's rules). */
  rules: DeleteRules;
}

/**
 * The rules of `delete cluster`, applied by each resource type's discovery: which objects are the cluster's by
 * their tags (owned ones are deleted, shared ones only lose the cluster's tags), and how the foreign objects that
 * stop it are named. ops/delete implements them for the cluster being deleted.
 */
export interface DeleteRules {
  readonly clusterName: string;
  /** `owned`, `shared`, or undefined for an object not tagged for the cluster. */
  ownership(tags: Readonly<Record<string, string>>): 'owned' | 'shared' | undefined;
  /**
   * For types kops did not always tag: its tags when it has the cluster's, else `owned` for an object carrying
   * kops's name for it and no cluster tag at all.
   */
  ownershipOrName(tags: Readonly<Record<string, string>>, named: boolean): 'owned' | 'shared' | undefined;
  /** Tagged for another cluster (as opposed to untagged). */
  taggedForOther(tags: Readonly<Record<string, string>>): boolean;
  /** The tag keys a shared object loses. */
  clusterTagKeys(tags: Readonly<Record<string, string>>): string[];
  /** One of the cluster's objects in a message: `subnet subnet-1 (name)`. */
  label(kind: string, id: string, name?: string): string;
  /** A foreign object in a message: `security group sg-1 (Name=db,team=x)`. */
  foreign(kind: string, id: string, tags: Readonly<Record<string, string>>): string;
  /** What to do about a foreign object, then to delete again. */
  hint(todo: string): string;
  /** The same for an object that is not part of the cluster at all. */
  notOurs(todo: string): string;
}

export interface ClusterObjects {
  /** In deletion order (users first), then by id. */
  objects: ClusterObject[];
  /** Known before anything is deleted. */
  blockers: Blocker[];
}

/** One cloud object found for the cluster. */
export interface ClusterObject {
  /** `type:id`, unique among the objects. */
  key: string;
  /** The kind of object as people call it (`vpc`, `autoscaling-group`, `iam-role`). */
  type: string;
  id: string;
  /** Its name for people (Name tag, or the id). */
  name: string;
  /** `delete` for what the cluster owns; `untag` for shared objects, which only lose the cluster's tags. */
  action: 'delete' | 'untag';
  /** Keys of the objects that must be gone first (its users). */
  after: string[];
  /** Not listed for the user: a step of deleting another listed object (a rule of another group that references it). */
  internal?: boolean;
}

/** Something the cluster does not own that keeps one of its objects from being deleted. */
export interface Blocker {
  /** The cluster's object that cannot go, e.g. `subnet subnet-0abc`. */
  blocked: string;
  /** The foreign object, e.g. `instance i-0abc (Name=debug-box)`. */
  by: string;
  /** What to do about it. */
  hint: string;
}

// ---- terraform ----

/** What the terraform target writes for a cloud besides its resources: providers, their requirements, outputs. */
export interface TerraformCloud {
  /** `provider "NAME" { ... }` blocks, in order: the cluster's provider first, then the state-store files' ones. */
  providerBlocks(options: TerraformProviderOptions): TerraformProviderBlock[];
  /** `required_providers` entries, in order. */
  requiredProviders(options: { filesProviders: readonly FilesProvider[] }): TerraformRequiredProvider[];
  /** Outputs (and locals) of the cloud beside `cluster_name` and `region`, e.g. the GCE project. */
  readonly outputs: Readonly<Record<string, string>>;
  /**
   * The access list (`ROLE:entity` items) to give the state-store objects Terraform writes to a gs:// bucket, or
   * undefined for none (the bucket's own policy applies). Only GCE answers it, as only the Go kops's GCE
   * strategy gives such objects a list.
   */
  storeObjectAcl?(bucket: string): Promise<string[] | undefined>;
}

/** The Terraform provider that writes state-store objects: `aws` for S3 (and memfs://), `google` for Cloud Storage. */
export type FilesProvider = 'aws' | 'google';

export interface TerraformProviderOptions {
  region: string;
  /** Region of the state-store bucket when Terraform manages S3 objects. */
  filesRegion?: string;
  /** The providers of the state-store objects Terraform manages (none for a file:// store). */
  filesProviders: readonly FilesProvider[];
  /** `spec.target.terraform.providerExtraConfig`: arguments added to (and overriding) the cluster's provider. */
  providerExtraConfig?: Readonly<Record<string, string>>;
  /** `spec.target.terraform.filesProviderExtraConfig`: the same for the state-store files' provider. */
  filesProviderExtraConfig?: Readonly<Record<string, string>>;
}

export interface TerraformProviderBlock {
  name: string;
  attributes: Record<string, string>;
}

export interface TerraformRequiredProvider {
  name: string;
  source: string;
  version: string;
  /** Aliases the module declares (`aws.files`). */
  configurationAliases?: string[];
}

// ---- instance groups and their instances ----

export interface CloudInstanceGroups {
  /**
   * Every instance group of the cluster the cloud runs, with its instances; sorted by name. `instanceGroups` are the
   * names of the cluster's instance groups, for a cloud that tells its groups apart by the names kops gives them (GCE).
   */
  list(clusterName: string, instanceGroups: readonly string[]): Promise<CloudInstanceGroup[]>;
  /** Takes an instance out of its group (it keeps running); the group starts a replacement unless `decrement`. */
  detach(group: CloudInstanceGroup, instanceId: string, options?: { decrement?: boolean }): Promise<void>;
  /**
   * Terminates an instance; its group (if any) replaces it. Given the group it is a member of, the group is told
   * (it starts the replacement at once); an instance already gone counts as terminated.
   */
  terminate(instanceId: string, group?: CloudInstanceGroup): Promise<void>;
  /** Sets how many instances the group should run (within its min and max). */
  setDesiredCapacity(group: CloudInstanceGroup, desired: number): Promise<void>;
  /** Why the group recently failed to launch instances, newest first (empty when its last attempt worked). */
  failedScaling?(group: CloudInstanceGroup): Promise<FailedScaling[]>;
  /** Deletes the group with its instances (detached ones too) and its launch configuration. */
  deleteGroup?(group: CloudInstanceGroup): Promise<void>;
}

/** A scaling attempt of a group that failed, as the cloud reports it. */
export interface FailedScaling {
  time: string;
  reason: string;
}

export interface CloudInstanceGroup {
  /** The kops InstanceGroup name (`control-plane-us-east-1a`, `nodes-us-east-1a`). */
  instanceGroup: string;
  /** The cloud's own name of the group (the autoscaling group name on AWS). */
  cloudName: string;
  /** The zone of a zonal group (a managed instance group on GCE); undefined for a regional one. */
  zone?: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  /** The launch template version new instances get (what an up-to-date instance runs); undefined when unknown. */
  currentVersion?: string;
  /** The cloud's launch template (or configuration) of the group, deleted with it. */
  launchTemplateId?: string;
  instances: CloudInstance[];
}

export interface CloudInstance {
  id: string;
  /** The `spec.providerID` of the node running on it, when the cloud does not end it with `id` (`gce://P/ZONE/NAME`). */
  providerId?: string;
  /** Its name, when the cloud names it apart from its id (GCE: the id is its URL); the id otherwise. */
  name?: string;
  /**
   * The group's view of the instance (`InService`, `Pending`, `Terminating`, `Detaching`, `Standby`, `Warmed:*`, ...);
   * `Detached` for an instance kops took out of the group to replace it, which still runs.
   */
  state: string;
  /** Health as the group reports it (`Healthy`, `Unhealthy`). */
  health?: string;
  /** The launch template version it was started from (the `aws:ec2launchtemplate:version` tag on AWS). */
  launchTemplateVersion?: string;
  /** Whether it runs the group's current version; false when either version is unknown. */
  upToDate: boolean;
  privateIp?: string;
  publicIp?: string;
  machineType?: string;
  zone?: string;
  /** Roles its tags give it (`control-plane`, `node`, `bastion`, `apiserver`). */
  roles?: string[];
}
