/**
 * Settings kops refuses on a GCE cluster (its validation), and settings kops itself writes on a GCE cluster (`create cluster --cloud gce`) that no GCE builder reads: without
 * effect on GCE in kops 1.37 as well, so accepted rather than refused.
 */
import { noEffect } from '../aws/dsl.js';
import type { RegistryEntry } from '../registry.js';

export const GCE_VALIDATION_FIELDS: readonly RegistryEntry[] = [
  {
    class: 'refused',
    kind: 'Cluster',
    path: 'spec.networkCIDR',
    why: 'go',
    reason: "is forbidden: gce doesn't support networkCIDR (GCE subnetworks carry their own ranges)",
    go: 'pkg/apis/kops/validation/validation.go',
  },
  noEffect('Cluster', 'spec.iam.allowContainerRegistry', 'pkg/model/iam/iam_builder.go', 'only the AWS IAM policy reads it (ECR access); kops create cluster writes it on GCE clusters too'),
  noEffect('InstanceGroup', 'spec.additionalSecurityGroups', 'pkg/model/awsmodel/autoscalinggroup.go', 'only the AWS launch template reads it; kops create cluster --node-security-groups writes it on GCE groups, and pkg/model/gcemodel reads it nowhere'),
];
