import { DeleteTagsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { awsErrorCode, classifyAwsError, type AwsErrorClass } from '../clients.js';
import { fromAwsTags, type Tags } from '../tags.js';
import { clusterTagKeys } from './resource.js';

/** Every item of a paginated listing. */
export async function collect<P, T>(pages: AsyncIterable<P>, pick: (page: P) => readonly T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

export function tagsOf(o: { Tags?: readonly { Key?: string; Value?: string }[] }): Tags {
  return fromAwsTags(o.Tags);
}

/** The cluster's ownership tag keys, for EC2 `tag-key` filters (one call finds owned and shared objects). */
export const clusterTagFilter = (clusterName: string) => [{ Name: 'tag-key', Values: ['KubernetesCluster', `kubernetes.io/cluster/${clusterName}`] }];

const GONE_CODES = new Set(['Gateway.NotAttached', 'InvalidAssociationID.NotFound']);
const IN_USE_CODES = new Set(['VolumeInUse', 'InvalidNetworkInterface.InUse', 'IncorrectInstanceState', 'InvalidGroup.InUse']);

/** How a failed delete call is handled: already gone is success, in use is waited on, the rest is an error. */
export function deletionErrorClass(err: unknown): AwsErrorClass {
  const code = awsErrorCode(err);
  const message = (err as { message?: string })?.message ?? '';
  if (GONE_CODES.has(code)) return 'notFound';
  if (IN_USE_CODES.has(code)) return 'dependencyViolation';
  if (code === 'InvalidChangeBatch' && /not found/i.test(message)) return 'notFound';
  return classifyAwsError(err);
}

/** Runs a call whose "not found" answer means the work is done already. */
export async function ignoreGone(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (err) {
    if (deletionErrorClass(err) !== 'notFound') throw err;
  }
}

/** Removes the cluster's ownership tags from a shared EC2 object. */
export function untagEc2(ec2: EC2Client, id: string, tags: Tags, clusterName: string): Promise<void> {
  const keys = clusterTagKeys(tags, clusterName);
  return ignoreGone(() => ec2.send(new DeleteTagsCommand({ Resources: [id], Tags: keys.map((Key) => ({ Key })) })));
}
