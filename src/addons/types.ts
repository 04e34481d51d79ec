/** The completed Cluster as plain API data (v1alpha2 field names). */
export interface AddonCluster {
  metadata: { name: string };
  // The spec is open-ended API data: templates pick the fields they need.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: Record<string, any>;
}

/** What add-on templates may use besides the cluster: no clock, no I/O. */
export interface AddonContext {
  kopsVersion: string;
  /** Environment variables kops copies into its own components (KOPS_RUN_TOO_NEW_VERSION, S3_*, ...). */
  env?: Record<string, string>;
  featureFlags?: string[];
  /** Launch scripts of Karpenter-managed instance groups, by group name (embedded in their EC2NodeClass). */
  karpenterUserData?: Record<string, string>;
  /** The root device name of each instance group image, as resolved in the cloud. */
  imageRootDevices?: Record<string, string>;
  /** The AWS account and partition (from the cloud), for role ARNs of service accounts. */
  aws?: { accountId: string; partition: string };
  /** The `ciliumpassword` secret of the secret store, when there is one (Cilium's IPsec keys). */
  ciliumSecret?: string;
  /** Instance groups as plain API data (some add-ons list node roles or Karpenter groups). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  instanceGroups?: { metadata: { name: string; labels?: Record<string, string> }; spec: Record<string, any> }[];
}

/** One add-on of the bootstrap channel. */
export interface AddonDefinition {
  /** Channel name, also the `k8s-addon` label, e.g. `coredns.addons.k8s.io`. */
  name: string;
  /** Version id in the channel (omitted for a few legacy add-ons). */
  id?: string;
  /** Manifest file name under the add-on's directory, e.g. `k8s-1.12.yaml`. */
  manifestFile: string;
  /** Selector in the channel; `null` is written out explicitly. Default: `k8s-addon: <name>`. */
  selector?: Record<string, string> | null;
  needsRollingUpdate?: 'control-plane' | 'workers' | 'all';
  needsPKI?: boolean;
  /** Whether the channel tells `channels` to prune objects of this add-on that the manifest no longer has. */
  prune?: boolean;
  /** Kinds of the add-on's own (custom) resources to prune besides the standard ones. */
  pruneExtraKinds?: { group?: string; kind: string }[];
  /** Renders the manifest: YAML documents separated by `---` (formatting is normalised afterwards). */
  render: (cluster: AddonCluster, ctx: AddonContext) => string;
  /** The service account whose pods get an IAM role when the cluster uses IRSA. */
  serviceAccountRole?: {
    name: string;
    namespace: string;
    /** Whether the cluster gives this service account a role at all (by default, whenever it uses IRSA). */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    when?: (spec: Record<string, any>) => boolean;
  };
}
