import { truncateName } from '../apis/go/truncate.js';

/** Names of AWS objects limited to 32 characters (load balancers, target groups): `<prefix>-<cluster with dashes>-<hash>`. */
export function resourceName32(clusterName: string, prefix: string): string {
  const name = prefix ? `${prefix}-${clusterName.replace(/\./g, '-')}` : clusterName.replace(/\./g, '-');
  return truncateName(name, 32, true);
}
