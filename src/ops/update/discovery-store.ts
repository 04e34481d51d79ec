/**
 * What update asks the store's cloud about the service-account issuer discovery store before the model is built (the
 * look-ups of the Go kops's IssuerDiscoveryModelBuilder): the store's HTTPS address and, when that address is the
 * issuer, whether the bucket already lets anyone read. Asked before keysets or files are written.
 */
import { discoveryStoreHttpsUrl, parseDiscoveryStore } from '../../apis/discovery-store.js';
import type { Cluster } from '../../apis/types.js';
import { UserError } from '../../errors.js';
import { isIPv6Only } from '../../model/bootstrap/cluster-facts.js';
import { discoveryObjectAcl, type DiscoveryStoreFacts } from '../../model/discovery.js';
import { openVfs, type VfsPath } from '../../statestore/index.js';

export interface DiscoveryStoreAsk {
  /** The region of an S3 bucket (the cloud's look-up). */
  s3Region: (bucket: string) => Promise<string | undefined>;
  open?: (url: string) => VfsPath;
}

export async function discoveryStoreFacts(completed: Cluster, ask: DiscoveryStoreAsk): Promise<DiscoveryStoreFacts | undefined> {
  const store = completed.spec.serviceAccountIssuerDiscovery?.discoveryStore;
  if (!store) return undefined;
  const { scheme, bucket } = parseDiscoveryStore(store);
  if (scheme !== 's3' && scheme !== 'gs') return undefined;
  const region = scheme === 's3' ? await ask.s3Region(bucket) : undefined;
  const httpsUrl = discoveryStoreHttpsUrl(store, { s3Region: () => region, dualstack: isIPv6Only(completed) });
  if (httpsUrl !== completed.spec.kubeAPIServer?.serviceAccountIssuer) return { httpsUrl };
  const path = (ask.open ?? openVfs)(store);
  let bucketPublic: boolean;
  try {
    bucketPublic = await path.isBucketPublic!();
  } catch (err) {
    const reason = err instanceof UserError ? err.message : (err as Error).message;
    throw new UserError(
      `spec.serviceAccountIssuerDiscovery.discoveryStore: cannot tell whether bucket ${bucket} is public: ${reason}`,
      `allow reading the bucket's ${scheme === 's3' ? 'policy status (s3:GetBucketPolicyStatus)' : 'settings and IAM policy'}, then retry`,
    );
  }
  const facts = { httpsUrl, bucketPublic };
  // a store whose objects cannot be made public is refused here, before update writes anything
  discoveryObjectAcl(completed.spec, facts);
  return facts;
}
