/** How kops names GCE objects, labels and network tags after the cluster (dots are not allowed there). */
import { truncateName } from '../../apis/go/truncate.js';
import { safeClusterName } from './lookup.js';

export const GCE_LABEL_CLUSTER = 'k8s-io-cluster-name';
export const GCE_LABEL_INSTANCE_GROUP = 'k8s-io-instance-group';
export const GCE_LABEL_ROLE_PREFIX = 'k8s-io-role-';
export const GCE_LABEL_ETCD_PREFIX = 'k8s-io-etcd-';

/** `<cluster>-<object>`, the cluster part cut (with a hash) so the whole fits `maxLength`. */
export function clusterPrefixedName(objectName: string, clusterName: string, maxLength: number): string {
  const suffix = `-${objectName}`;
  return truncateName(safeClusterName(clusterName), maxLength - suffix.length, false) + suffix;
}

/** `<object>-<cluster>`, the cluster part cut (with a hash) so the whole fits `maxLength`. */
export function clusterSuffixedName(objectName: string, clusterName: string, maxLength: number): string {
  const prefix = `${objectName}-`;
  return prefix + truncateName(safeClusterName(clusterName), maxLength - prefix.length, false);
}

/** `<name>-<cluster>` with dots replaced, not truncated. */
export function safeObjectName(name: string, clusterName: string): string {
  return safeClusterName(`${name}-${clusterName}`);
}

/** The network tag instances of a role carry (`control-plane`, `node`, `bastion`, `apiserver`). */
export function tagForRole(clusterName: string, role: string): string {
  return clusterPrefixedName(GCE_LABEL_ROLE_PREFIX + role, clusterName, 63);
}

/** Service account ids are at most 30 characters. */
export function serviceAccountName(name: string, clusterName: string): string {
  return clusterSuffixedName(name, clusterName, 30);
}

/** Any string as a GCE label key or value: [0-9a-z] kept, every other byte as `-` and two hex digits. */
export function encodeGceLabel(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[0-9a-z]/.test(c) ? c : `-${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** The group's size spread over its zones, the remainder to the first zones. */
export function splitAcrossZones(count: number, zones: string[]): Map<string, number> {
  const sizes = zones.map(() => Math.floor(count / zones.length));
  for (let i = 0, total = sizes.reduce((a, b) => a + b, 0); total < count; i = (i + 1) % zones.length, total++) sizes[i]++;
  return new Map(zones.map((z, i) => [z, sizes[i]]));
}

/** `<zone letter>-<group>-<cluster>` with dots replaced, cut with a hash to 63 characters. */
export function instanceGroupManagerName(clusterName: string, groupName: string, zone: string): string {
  const shortZone = zone.slice(zone.lastIndexOf('-') + 1);
  return truncateName(safeObjectName(`${shortZone}.${groupName}`, clusterName), 63, false);
}
