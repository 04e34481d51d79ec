/** AWS spellings of the look-up interface (lookup-sdk.ts answers it from AWS or moto), and AWS naming helpers. */
export type { HostedZoneInfo, ImageInfo, InstanceRole, InstanceTypeFacts, InstanceTypeInfo, SubnetInfo, VpcInfo } from '../lookup.js';
export type { CloudLookup as AwsLookup } from '../lookup.js';
export { kopsArchitecture } from '../lookup.js';

/** Owner aliases the Go kops accepts in `owner/name` image strings. */
const IMAGE_OWNER_ALIASES: Record<string, string> = {
  amazon: '137112412989',
  debian: '136693071363',
  flatcar: '075585003325',
  redhat: '309956199498',
  rocky: '792107900819',
  ubuntu: '099720109477',
};

/** Splits `owner/name` (owner alias resolved); undefined for a bare image id or name. */
export function splitImageOwner(image: string): { owner: string; name: string } | undefined {
  const slash = image.indexOf('/');
  if (slash <= 0) return undefined;
  const owner = image.slice(0, slash);
  return { owner: IMAGE_OWNER_ALIASES[owner] ?? owner, name: image.slice(slash + 1) };
}

/** `us-east-1a` → `us-east-1`: the region is the zone minus its last letter. */
export function regionOfZone(zone: string): string {
  return zone.slice(0, -1);
}
