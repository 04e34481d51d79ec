/**
 * spec.egressProxy.excludes completed as kops completes it (upup/pkg/fi/cloudup/defaults.go assignProxy): the user's
 * list, then each of the loopback names, the cluster DNS domain, the API name, the cluster name, the first address and
 * the range of nonMasqueradeCIDR, the AWS metadata address, networkCIDR and additionalNetworkCIDRs, each unless the
 * user's text already holds it.
 */
import { inferred } from '../origin.js';
import { nthAddress, parseCidr } from './cidr.js';
import type { PopulateState } from './state.js';

const AWS_METADATA_ADDRESS = '169.254.169.254';

export function fillEgressProxy(s: PopulateState): void {
  const { spec } = s;
  if (spec.get('egressProxy') === undefined) return;
  const given = String(spec.get('egressProxy.excludes') ?? '');
  const excludes = given === '' ? [] : given.split(',');
  const add = (value: string | undefined) => {
    if (value && !given.includes(value)) excludes.push(value);
  };
  const nonMasquerade = spec.get('nonMasqueradeCIDR') as string | undefined;
  const range = nonMasquerade ? parseCidr(nonMasquerade) : undefined;
  for (const value of ['127.0.0.1', 'localhost', spec.get('clusterDNSDomain'), spec.get('masterPublicName'), s.clusterName]) add(value as string | undefined);
  add(range && nthAddress(range, 1));
  add(nonMasquerade);
  if (spec.get('cloudProvider') === 'aws') add(AWS_METADATA_ADDRESS);
  add(spec.get('networkCIDR') as string | undefined);
  for (const cidr of (spec.get('additionalNetworkCIDRs') as string[] | undefined) ?? []) add(cidr);
  spec.set('egressProxy.excludes', excludes.join(','), inferred('egressProxy.excludes completed with the cluster-internal names and ranges'));
}
