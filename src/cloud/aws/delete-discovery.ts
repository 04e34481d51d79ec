import { deletionOrder as kindOrder, discoveryOfKinds } from '../kind-discovery.js';
import type { CloudDiscovery } from '../types.js';
import { describeAwsError, type AwsClients } from './clients.js';
import { deletionErrorClass, type AwsDiscovery } from './resources/discovery.js';
import { AWS_DISCOVERIES } from './resources/index.js';

/** `delete cluster` on AWS: the discoveries its resource types declare, and the kinds only delete knows. */
export function awsDiscovery(aws: AwsClients, discoveries: readonly AwsDiscovery[] = AWS_DISCOVERIES): CloudDiscovery {
  return discoveryOfKinds(aws, discoveries, { classify: deletionErrorClass, describe: describeAwsError });
}

/** Every AWS kind, each after the kinds that must go before it. */
export const deletionOrder = (discoveries: readonly AwsDiscovery[] = AWS_DISCOVERIES): string[] => kindOrder(discoveries);
