/**
 * Cloud look-ups that `create cluster` inference needs. Inference takes this interface so it stays pure: the SDK
 * implementation (lookup-sdk.ts) answers from AWS or moto, the conformance fake from the golden fixture world.
 */
export type InstanceRole = 'ControlPlane' | 'Node' | 'Bastion' | 'APIServer';

export interface InstanceTypeInfo {
  name: string;
  /** EC2 architecture names in the order AWS reports them (`x86_64`, `arm64`, `i386`, ...); empty when unknown. */
  architectures: string[];
  vcpus: number;
  memoryMiB: number;
}

export interface ImageInfo {
  id: string;
  name: string;
  ownerId: string;
  architecture: string;
  creationDate: string;
  /** The launch templates' root block device name (`/dev/sda1`, `/dev/xvda`). */
  rootDeviceName?: string;
}

export interface VpcInfo {
  id: string;
  cidr: string;
  additionalCidrs: string[];
}

export interface SubnetInfo {
  id: string;
  vpcId: string;
  zone: string;
  cidr: string;
}

export interface HostedZoneInfo {
  /** Without the `/hostedzone/` prefix. */
  id: string;
  /** Without the trailing dot. */
  name: string;
  private: boolean;
}

export interface AwsLookup {
  readonly region: string;
  /** Availability zone names of the region. */
  zones(): Promise<string[]>;
  /** Undefined when the type does not exist in the region. */
  instanceType(name: string): Promise<InstanceTypeInfo | undefined>;
  /** Instance types offered in a zone (used to check a default type is available everywhere it is needed). */
  instanceTypeOfferedIn(name: string, zone: string): Promise<boolean>;
  /** The machine type kops picks for a role when none is given. */
  defaultInstanceType(role: InstanceRole, zones: string[]): Promise<string>;
  /** `ami-...`, or `owner/name` (owner id or alias, matched strictly); the newest image wins. */
  findImage(image: string): Promise<ImageInfo | undefined>;
  vpc(id: string): Promise<VpcInfo | undefined>;
  subnets(ids: string[]): Promise<SubnetInfo[]>;
  subnetsOfVpc(vpcId: string): Promise<SubnetInfo[]>;
  hostedZones(): Promise<HostedZoneInfo[]>;
}

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

/** EC2 architecture → kops architecture, first supported wins (x86_64 → amd64, arm64 → arm64). */
export function kopsArchitecture(architectures: string[]): 'amd64' | 'arm64' | undefined {
  for (const a of architectures) {
    if (a === 'x86_64') return 'amd64';
    if (a === 'arm64') return 'arm64';
  }
  return undefined;
}
