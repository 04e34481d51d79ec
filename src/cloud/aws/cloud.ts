import type { CloudLookup } from '../lookup.js';
import type { Cloud, CloudInstanceGroups } from '../types.js';
import { createAwsClients, environmentError, verifyAwsAccess, type AwsCall, type AwsClients } from './clients.js';
import { directProvider } from './direct.js';
import { findApiLoadBalancerDns } from './api-load-balancer.js';
import { awsDiscovery } from './delete-discovery.js';
import { emulatorProfile } from './emulators.js';
import { awsInstanceGroups } from './instance-groups.js';
import { route53Dns } from './route53-dns.js';
import { sdkLookup } from './lookup-sdk.js';
import { dumpNetwork } from './network-dump.js';
import { awsTerraform } from './terraform.js';

export interface AwsCloudOptions {
  region: string;
  /** Where to read AWS_ENDPOINT_URL, credentials and KOPS_AWS_EMULATOR (default: process.env, with the SDK's full credential chain). */
  env?: Record<string, string | undefined>;
  /** Look-ups to use instead of the SDK's (the conformance fixture world). */
  lookup?: CloudLookup;
  onCall?: (call: AwsCall) => void;
}

export interface AwsCloud extends Cloud {
  readonly aws: AwsClients;
}

/** AWS behind the cloud interface: SDK clients of one region, and everything built on them. */
export function awsCloud(options: AwsCloudOptions): AwsCloud {
  const env = options.env ?? process.env;
  const aws = createAwsClients({ region: options.region, env: options.env, onCall: options.onCall });
  return {
    provider: 'aws',
    region: options.region,
    aws,
    lookup: options.lookup ?? sdkLookup(options.region),
    async verifyAccess() {
      const id = await verifyAwsAccess(aws);
      return { account: id.account, partition: id.arn.split(':')[1] || 'aws', principal: id.arn };
    },
    direct: (direct) => directProvider(aws, direct ?? { unobservable: emulatorProfile(env.KOPS_AWS_EMULATOR) }),
    discovery: awsDiscovery(aws),
    dns: route53Dns(aws),
    terraform: awsTerraform,
    instanceGroups: reportingEnvironmentErrors(awsInstanceGroups(aws), aws),
    clusterNetwork: (clusterName) => dumpNetwork(aws, clusterName),
    apiLoadBalancerAddress: (clusterName) => findApiLoadBalancerDns(aws.elbv2, clusterName),
  };
}

/** Instance groups whose "no credentials" and "endpoint unreachable" failures are one clear line each. */
function reportingEnvironmentErrors(inner: CloudInstanceGroups, aws: AwsClients): CloudInstanceGroups {
  const wrap =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await f(...args);
      } catch (err) {
        throw environmentError(err, aws) ?? err;
      }
    };
  return {
    list: wrap(inner.list),
    detach: wrap(inner.detach),
    terminate: wrap(inner.terminate),
    setDesiredCapacity: wrap(inner.setDesiredCapacity),
    failedScaling: inner.failedScaling && wrap(inner.failedScaling),
    deleteGroup: inner.deleteGroup && wrap(inner.deleteGroup),
  };
}
