import type { DiscoverContext as KindContext, DiscoveryDecl as KindDecl, KindDiscovery } from '../../kind-discovery.js';
import { awsErrorCode, classifyAwsError, type AwsClients, type AwsErrorClass } from '../clients.js';

export { byOwnership, deletedIds, type Found, type Holding } from '../../kind-discovery.js';

/** How `delete cluster` finds the objects of one AWS kind (declared in its type's file). */
export type DiscoveryDecl<T> = KindDecl<AwsClients, T>;
export type AwsDiscovery<T = unknown> = KindDiscovery<AwsClients, T>;
export type DiscoverContext = KindContext<AwsClients>;

/** Lets a declaration's `claim` see the type of its own listing. */
export function discovery<T>(decl: DiscoveryDecl<T>): DiscoveryDecl<T> {
  return decl;
}

/** A kind delete must remove that no model declares (instances of groups, leftover interfaces, ...). */
export function discoverOnly<T>(decl: AwsDiscovery<T>): AwsDiscovery<T> {
  return decl;
}

const GONE_CODES = new Set(['Gateway.NotAttached', 'InvalidAssociationID.NotFound']);
const IN_USE_CODES = new Set(['VolumeInUse', 'InvalidNetworkInterface.InUse', 'IncorrectInstanceState', 'InvalidGroup.InUse']);

/** How a failed removal is handled: already gone is success, in use is waited on, the rest is an error. */
export function deletionErrorClass(err: unknown): AwsErrorClass {
  const code = awsErrorCode(err);
  const message = (err as { message?: string })?.message ?? '';
  if (GONE_CODES.has(code)) return 'notFound';
  if (IN_USE_CODES.has(code)) return 'dependencyViolation';
  if (code === 'InvalidChangeBatch' && /not found/i.test(message)) return 'notFound';
  return classifyAwsError(err);
}

/** Runs a step of a removal whose "not found" answer means the step is done already. */
export async function ignoreGone(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (err) {
    if (deletionErrorClass(err) !== 'notFound') throw err;
  }
}
