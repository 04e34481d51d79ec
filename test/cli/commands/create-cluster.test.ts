import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeDocuments } from '../../../src/apis/codec.js';
import type { Cluster, InstanceGroup } from '../../../src/apis/types.js';
import { sdkLookup } from '../../../src/cloud/aws/lookup-sdk.js';
import { kops } from '../../helpers/cli.js';
import { startMoto, type MotoServer } from '../../helpers/moto.js';

const CHANNEL_IMAGE = 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260714';
const CANONICAL = '099720109477';

let moto: MotoServer;
let dir: string;
let storeCount = 0;

/** A fresh file:// state store folder; its path and URL. */
function newStore(): { path: string; url: string } {
  const path = join(dir, `store-${++storeCount}`);
  return { path, url: pathToFileURL(path).href };
}

function filesUnder(path: string): string[] {
  return existsSync(path) ? readdirSync(path, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(path.length + 1)).sort() : [];
}

function sshRsaPublicKey(): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const mpint = (b64url: string) => {
    let bytes = Buffer.from(b64url, 'base64url');
    if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return bytes;
  };
  const field = (b: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(b.length);
    return Buffer.concat([length, b]);
  };
  const blob = Buffer.concat([field(Buffer.from('ssh-rsa')), field(mpint(jwk.e!)), field(mpint(jwk.n!))]);
  return `ssh-rsa ${blob.toString('base64')} test@example\n`;
}

const create = (store: string, ...args: string[]) => kops(['create', 'cluster', '--state', store, ...args], { env: moto.env });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kops-create-cluster-'));
  // moto has no Canonical images: seed the channel image, plus a newer copy under another owner that a strict
  // owner look-up must not pick.
  const amis = join(dir, 'amis.json');
  const image = (ami_id: string, owner_id: string, creation_date: string) => ({
    ami_id, name: CHANNEL_IMAGE, owner_id, architecture: 'x86_64', state: 'available', root_device_name: '/dev/sda1',
    root_device_type: 'ebs', virtualization_type: 'hvm', hypervisor: 'xen', public: true, creation_date, description: 'test image',
  });
  writeFileSync(amis, JSON.stringify([image('ami-0c0ffee0000000001', CANONICAL, '2026-07-14T00:00:00.000Z'), image('ami-0badbad0000000002', '123456789012', '2026-08-01T00:00:00.000Z')]));
  moto = await startMoto({ MOTO_AMIS_PATH: amis });
}, 60_000);

afterAll(async () => {
  await moto?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('kops create cluster against moto', () => {
  test('writes the cluster config and one instance group per role and zone to a file:// store', async () => {
    const store = newStore();
    const result = await create(store.url, '--name', 'demo.k8s.local', '--zones', 'us-east-1a');
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    expect(filesUnder(store.path)).toEqual(['demo.k8s.local/config', 'demo.k8s.local/instancegroup/control-plane-us-east-1a', 'demo.k8s.local/instancegroup/nodes-us-east-1a']);
    const [cluster] = decodeDocuments(readFileSync(join(store.path, 'demo.k8s.local/config'), 'utf8'), 'config') as Cluster[];
    expect(cluster.spec.subnets).toEqual([{ name: 'us-east-1a', zone: 'us-east-1a', type: 'Public', cidr: '172.20.0.0/16' }]);
    expect(cluster.spec.configBase).toBe(`${store.url}/demo.k8s.local`);
    expect(cluster.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const [nodes] = decodeDocuments(readFileSync(join(store.path, 'demo.k8s.local/instancegroup/nodes-us-east-1a'), 'utf8'), 'ig') as InstanceGroup[];
    expect(nodes.spec.machineType).toBe('t3.medium');
    expect(nodes.spec.image).toBe(`${CANONICAL}/${CHANNEL_IMAGE}`);
    expect(result.stdout).toContain('kops update cluster --name demo.k8s.local --yes');
  }, 60_000);

  test('the channel image resolves by owner strictly: the Canonical AMI, not a newer copy of the same name', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, moto.env);
    try {
      const lookup = sdkLookup('us-east-1');
      expect(await lookup.findImage(`${CANONICAL}/${CHANNEL_IMAGE}`)).toMatchObject({ id: 'ami-0c0ffee0000000001', ownerId: CANONICAL });
      expect((await lookup.findImage(`ubuntu/${CHANNEL_IMAGE}`))?.id).toBe('ami-0c0ffee0000000001');
      expect(await lookup.findImage(`amazon/${CHANNEL_IMAGE}`)).toBeUndefined();
    } finally {
      process.env = saved;
    }
  }, 30_000);

  test('stores the SSH public key under pki/ssh/public/admin/<fingerprint>', async () => {
    const store = newStore();
    const keyFile = join(dir, 'id_rsa.pub');
    writeFileSync(keyFile, sshRsaPublicKey());
    const result = await create(store.url, 'ssh.k8s.local', '--zones', 'us-east-1a,us-east-1b', '--ssh-public-key', keyFile, '--topology', 'private', '--networking', 'calico');
    expect(result.code).toBe(0);
    const keys = filesUnder(store.path).filter((f) => f.includes('/pki/ssh/public/admin/'));
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^ssh\.k8s\.local\/pki\/ssh\/public\/admin\/[0-9a-f]{32}$/);
    expect(readFileSync(join(store.path, keys[0]), 'utf8').trim()).toBe(readFileSync(keyFile, 'utf8').trim());
  }, 60_000);

  test('uses an existing VPC subnet found through EC2: its VPC becomes networkID, its CIDR the subnet CIDR', async () => {
    const ec2 = new EC2Client({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }));
    const subnet = await ec2.send(new CreateSubnetCommand({ VpcId: vpc.Vpc!.VpcId, CidrBlock: '10.20.4.0/22', AvailabilityZone: 'us-east-1b' }));
    const store = newStore();
    const result = await create(store.url, 'shared.k8s.local', '--zones', 'us-east-1b', '--subnets', subnet.Subnet!.SubnetId!, '--dry-run', '-o', 'yaml');
    expect(result.code).toBe(0);
    const [cluster] = decodeDocuments(result.stdout, 'stdout') as Cluster[];
    expect(cluster.spec.networkID).toBe(vpc.Vpc!.VpcId);
    expect(cluster.spec.networkCIDR).toBe('10.20.0.0/16');
    expect(cluster.spec.subnets).toEqual([{ name: 'us-east-1b', zone: 'us-east-1b', type: 'Public', id: subnet.Subnet!.SubnetId, cidr: '10.20.4.0/22' }]);
    expect(filesUnder(store.path)).toEqual([]);
  }, 60_000);

  test('--dry-run prints the objects (yaml or json) and writes nothing', async () => {
    const store = newStore();
    const yaml = await create(store.url, 'dry.k8s.local', '--zones', 'us-east-1a', '--node-size', 'm6g.large', '--dry-run', '-o', 'yaml');
    expect(yaml.code).toBe(0);
    const objects = decodeDocuments(yaml.stdout, 'stdout');
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Cluster/dry.k8s.local', 'InstanceGroup/control-plane-us-east-1a', 'InstanceGroup/nodes-us-east-1a']);
    // The node size's architecture, as EC2 reports it, picks the arm64 image of the channel.
    expect((objects[2] as InstanceGroup).spec.image).toBe(`${CANONICAL}/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20260714`);
    const json = await create(store.url, 'dry.k8s.local', '--zones', 'us-east-1a', '--dry-run', '-o', 'json');
    expect(JSON.parse(json.stdout).map((o: { kind: string }) => o.kind)).toEqual(['Cluster', 'InstanceGroup', 'InstanceGroup']);
    expect(filesUnder(store.path)).toEqual([]);
    const noOutput = await create(store.url, 'dry.k8s.local', '--zones', 'us-east-1a', '--dry-run');
    expect([noOutput.code, noOutput.stderr]).toEqual([1, expect.stringContaining('--dry-run needs --output')]);
  }, 60_000);

  test('a cluster that exists already is refused and left as it was', async () => {
    const store = newStore();
    expect((await create(store.url, 'twice.k8s.local', '--zones', 'us-east-1a')).code).toBe(0);
    const before = readFileSync(join(store.path, 'twice.k8s.local/config'), 'utf8');
    const again = await create(store.url, 'twice.k8s.local', '--zones', 'us-east-1a,us-east-1b');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('cluster "twice.k8s.local" already exists');
    expect(readFileSync(join(store.path, 'twice.k8s.local/config'), 'utf8')).toBe(before);
    expect(filesUnder(store.path)).toHaveLength(3);
  }, 60_000);

  test.each<[string, string[], RegExp]>([
    ['a zone not in the region', ['bad.k8s.local', '--zones', 'us-east-1a,us-east-1q'], /--zones: us-east-1q is not a zone of region us-east-1/],
    ['fewer control-plane nodes than control-plane zones', ['bad.k8s.local', '--zones', 'us-east-1a,us-east-1b,us-east-1c', '--control-plane-zones', 'us-east-1a,us-east-1b,us-east-1c', '--control-plane-count', '2'], /--control-plane-count: 2 control-plane nodes cannot cover 3 control-plane zones/],
    ['overlapping network CIDRs', ['bad.k8s.local', '--zones', 'us-east-1a', '--network-cidr', '10.0.0.0/16,10.0.0.0/20'], /--network-cidr: 10.0.0.0\/20 overlaps 10.0.0.0\/16/],
    ['a network CIDR too small', ['bad.k8s.local', '--zones', 'us-east-1a,us-east-1b,us-east-1c', '--network-cidr', '10.0.0.0/27'], /too small to carve 3 subnets/],
    ['a subnet id that does not exist', ['bad.k8s.local', '--zones', 'us-east-1a', '--subnets', 'subnet-0123456789abcdef0'], /--subnets: subnet subnet-0123456789abcdef0 does not exist/],
    ['unknown networking', ['bad.k8s.local', '--zones', 'us-east-1a', '--networking', 'weavenet'], /--networking: unknown networking mode "weavenet"/],
    ['an invalid Kubernetes version', ['bad.k8s.local', '--zones', 'us-east-1a', '--kubernetes-version', 'latest'], /--kubernetes-version: cannot parse "latest"/],
    ['a name that is not a DNS name', ['Bad_Name', '--zones', 'us-east-1a'], /cluster name "Bad_Name" is not a valid DNS name/],
  ])('%s: exit 1, a clear error, nothing written', async (_what, args, message) => {
    const store = newStore();
    const result = await create(store.url, ...args);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(filesUnder(store.path)).toEqual([]);
  }, 60_000);
});
