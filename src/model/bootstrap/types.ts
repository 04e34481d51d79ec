import type { Architecture } from '../../assets/index.js';

/** A file written to the state store, declared as a Go kops ManagedFile. */
export interface StateFile {
  /** The ManagedFile name, which the Terraform target turns into the `aws_s3_object` resource name. */
  tfName: string;
  /** Path relative to `base` (configBase unless given), e.g. `igconfig/node/nodes/nodeupconfig.yaml`. */
  path: string;
  /** Absolute VFS base when the file does not live under configBase (an etcd backup store elsewhere). */
  base?: string;
  content: string;
}

/** Public material of one keyset in the keystore. */
export interface KeysetPublic {
  /** Id of the primary item (the certificate serial in decimal). */
  primaryId: string;
  /** All certificates of the keyset, PEM, concatenated in ascending numeric id order. */
  certificatesPem: string;
  /** For `service-account`: each item's public key, PEM, ascending id. */
  publicKeysPem?: string;
}

export interface NodeupLocation {
  /** Comma-joined download URLs, canonical first. */
  urls: string;
  sha256: string;
}

/** Everything a bootstrap build needs beyond the cluster and its instance groups; no clock, no I/O. */
export interface BootstrapContext {
  /** The kops version written to kops-version.txt and used for kops images (e.g. `1.34.0-beta.1`). */
  kopsVersion: string;
  keysets: Record<string, KeysetPublic>;
  nodeup: Record<Architecture, NodeupLocation>;
  /** sha256 of release artefacts not in the built-in tables, fetched beforehand. */
  assetHashes?: Record<string, string>;
  /** Whether an instance type has a GPU (from the cloud's instance-type description). */
  hasGpu?: (machineType: string) => boolean;
  /** The AWS account and partition (from the cloud), for IAM role ARNs. */
  aws?: { accountId: string; partition: string };
  /** Enabled kops feature flags (`KOPS_FEATURE_FLAGS`), e.g. `APIServerNodes`. */
  featureFlags?: string[];
  /** With spec.encryptionConfig: the hash of the encryptionconfig secret (encryption-config.ts). */
  encryptionConfigSecretHash?: string;
  /** Environment variables that kops copies into system components (KOPS_RUN_TOO_NEW_VERSION, S3_*, ...). */
  env?: Record<string, string>;
  /** The root device name of each instance group image, as resolved in the cloud (Karpenter maps its root volume there). */
  imageRootDevices?: Record<string, string>;
  /** The container images kops manages (components and add-ons), for the images warm pool instances pull. */
  managedImages?: readonly string[];
  /** The cluster's `ciliumpassword` secret (Cilium's IPsec keys), when it has one. */
  ciliumSecret?: string;
}

export interface BootstrapResult {
  files: StateFile[];
  /** Launch-template user data per instance-group name. */
  userData: Map<string, string>;
}
