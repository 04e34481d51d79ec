import type { InstanceGroup } from '../../apis/types.js';
import type { SpecFiller } from './filler.js';
import type { KubernetesVersion } from './kubernetes-version.js';

/** What populate needs from the cloud, injected so tests pin it (and populate stays pure and synchronous). */
export interface PopulateContext {
  /** The hosted zone id (e.g. Z1AFAKE1ZON3YO) serving `clusterName`, or undefined when none does. */
  findDnsZone(clusterName: string, dnsType: 'Public' | 'Private'): string | undefined;
  /** The zone of an existing subnet (shared subnets may leave `zone` to the cloud), or undefined when unknown. */
  findSubnetZone(subnetId: string): string | undefined;
  /** The region of an S3 bucket (for public discovery documents served from S3), or undefined when unknown. */
  findBucketRegion(bucket: string): string | undefined;
}

/** Everything a populate step reads: the spec being filled, plus facts fixed before the steps run. */
export interface PopulateState {
  readonly spec: SpecFiller;
  readonly clusterName: string;
  readonly k8s: KubernetesVersion;
  readonly ipv6: boolean;
  readonly instanceGroups: readonly InstanceGroup[];
  readonly ctx: PopulateContext;
}
