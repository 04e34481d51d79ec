/**
 * The cloud look-ups that `create cluster` inference, populate and the model need. They come in through this
 * interface so those stages stay pure: each cloud answers them with its SDK, the conformance fake from the golden
 * fixture world.
 */
export type InstanceRole = 'ControlPlane' | 'Node' | 'Bastion' | 'APIServer';

export interface InstanceTypeInfo {
  name: string;
  /** EC2 architecture names in the order AWS reports them (`x86_64`, `arm64`, `i386`, ...); empty when unknown. */
  architectures: string[];
  vcpus: number;
  memoryMiB: number;
}

/** What launch templates need of an instance type beyond its size. */
export interface InstanceTypeFacts {
  /** Instance-store volumes (each gets a block device `ephemeralN`). */
  instanceStoreDisks: number;
  gpu?: boolean;
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

export interface CloudLookup {
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
  /** Facts of each instance type among `names` the cloud knows; unknown types are absent. */
  instanceTypeFacts(names: string[]): Promise<Record<string, InstanceTypeFacts>>;
  /** The internet gateway attached to a VPC, which a cluster in a shared VPC routes through. */
  internetGatewayOfVpc(vpcId: string): Promise<string | undefined>;
  /** The region of a storage bucket (a service-account issuer discovery store); undefined when it cannot be told. */
  bucketRegion(bucket: string): Promise<string | undefined>;
}

/** Cloud architecture name (EC2 spelling) → kops architecture, first supported wins (x86_64 → amd64, arm64 → arm64). */
export function kopsArchitecture(architectures: string[]): 'amd64' | 'arm64' | undefined {
  for (const a of architectures) {
    if (a === 'x86_64') return 'amd64';
    if (a === 'arm64') return 'arm64';
  }
  return undefined;
}
