import { UserError } from '../errors.js';
import type { VfsPath } from './vfs.js';

/**
 * Where the Go kops keeps each piece of a cluster's state, relative to the `--state` base. Both tools must find
 * the same bytes at the same place, so these names are part of the compatibility contract.
 */
export const StatePaths = {
  config: 'config',
  instanceGroups: 'instancegroup',
  completedSpec: 'cluster-completed.spec',
  kopsVersion: 'kops-version.txt',
  pki: 'pki',
  secrets: 'secrets',
  igconfig: 'igconfig',
  addons: 'addons',
  additionalObjects: 'clusteraddons/default',
  manifests: 'manifests',
  backups: 'backups',
} as const;

/** Top-level entries `deleteClusterState` knows it may remove; anything else means `--state` points somewhere odd. */
export const KNOWN_CLUSTER_ENTRIES: readonly string[] = [
  StatePaths.config,
  'cluster.spec',
  StatePaths.completedSpec,
  StatePaths.kopsVersion,
  StatePaths.instanceGroups,
  StatePaths.pki,
  StatePaths.secrets,
  StatePaths.igconfig,
  StatePaths.addons,
  'clusteraddons',
  StatePaths.manifests,
  StatePaths.backups,
];

/** The `igconfig/<role>/` folder of an instance group role, as the Go kops lower-cases it. */
export function igconfigRoleFolder(role: string): string {
  switch (role) {
    case 'ControlPlane':
    case 'Master':
      return 'control-plane';
    case 'APIServer':
      return 'apiserver';
    default:
      return role.toLowerCase();
  }
}

/** A cluster (or instance group) name used as one path segment: it must not be empty nor climb or nest. */
export function checkObjectName(kind: string, name: string | undefined): string {
  if (!name) throw new UserError(`${kind} metadata.name is required`, `give the ${kind} a name`);
  if (name.includes('/') || name === '.' || name === '..') {
    throw new UserError(`${kind} metadata.name: "${name}" cannot be used as a state store path segment`, 'use a DNS-style name');
  }
  return name;
}

/** Path helpers for one cluster's folder in the state store. */
export class ClusterPaths {
  constructor(readonly root: VfsPath) {}

  get config(): VfsPath {
    return this.root.join(StatePaths.config);
  }
  get instanceGroups(): VfsPath {
    return this.root.join(StatePaths.instanceGroups);
  }
  instanceGroup(name: string): VfsPath {
    return this.instanceGroups.join(checkObjectName('InstanceGroup', name));
  }
  get completedSpec(): VfsPath {
    return this.root.join(StatePaths.completedSpec);
  }
  get kopsVersion(): VfsPath {
    return this.root.join(StatePaths.kopsVersion);
  }
  /** Base of the keystore and SSH credential store (`pki/private/...`, `pki/ssh/...`). */
  get pki(): VfsPath {
    return this.root.join(StatePaths.pki);
  }
  keyset(name: string): VfsPath {
    return this.pki.join('private', name, 'keyset.yaml');
  }
  /** `pki/ssh/public/<name>` (a folder of keys by id), or one key file when `id` is given. */
  sshPublicKey(name: string, id?: string): VfsPath {
    const dir = this.pki.join('ssh', 'public', name);
    return id === undefined ? dir : dir.join(id);
  }
  get secrets(): VfsPath {
    return this.root.join(StatePaths.secrets);
  }
  secret(name: string): VfsPath {
    return this.secrets.join(name);
  }
  /** `igconfig/<role>/<ig>/nodeupconfig.yaml`; `role` is the InstanceGroup spec.role (e.g. `ControlPlane`). */
  nodeupConfig(role: string, instanceGroup: string): VfsPath {
    return this.root.join(StatePaths.igconfig, igconfigRoleFolder(role), instanceGroup, 'nodeupconfig.yaml');
  }
  /** `addons/...`: the bootstrap channel and add-on manifests. */
  addons(...segments: string[]): VfsPath {
    return this.root.join(StatePaths.addons, ...segments);
  }
  get additionalObjects(): VfsPath {
    return this.root.join(StatePaths.additionalObjects);
  }
  manifests(...segments: string[]): VfsPath {
    return this.root.join(StatePaths.manifests, ...segments);
  }
  backups(...segments: string[]): VfsPath {
    return this.root.join(StatePaths.backups, ...segments);
  }
}
