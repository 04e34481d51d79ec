import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateVpcCommand, CreateSubnetCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kops, sharedDir } from '../../helpers/cli.js';
import { type MotoServer, startMoto } from '../../helpers/moto.js';

/** The minimal-aws golden input, stored under a file:// state store, with its zone names moved to a real region. */
function writeClusterInput(dir: string, subnets: string): string {
  const input = readFileSync(join(sharedDir, 'kops-reference/conformance/update_cluster/minimal-aws/in-v1alpha2.yaml'), 'utf8')
    .replaceAll('memfs://clusters.example.com/', `file://${dir}/store/`)
    .replaceAll('us-test-1a', 'us-east-1a')
    .replace(/  subnets:\n  - cidr: 172\.20\.32\.0\/19\n    name: us-east-1a\n    type: Public\n    zone: us-east-1a\n/, subnets);
  const file = join(dir, 'cluster.yaml');
  writeFileSync(file, input);
  return file;
}

describe('kops get cluster --full against a real cloud API (moto)', () => {
  let moto: MotoServer;
  let dir: string;
  let zoneId: string;
  let subnetId: string;
  let publicSubnetId: string;

  beforeAll(async () => {
    moto = await startMoto();
    const clientConfig = { endpoint: moto.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    const zone = await new Route53Client(clientConfig).send(new CreateHostedZoneCommand({ Name: 'example.com.', CallerReference: 'get-cluster-full' }));
    zoneId = (zone.HostedZone?.Id ?? '').replace('/hostedzone/', '');
    const ec2 = new EC2Client(clientConfig);
    const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '172.20.0.0/16' }));
    const subnet = await ec2.send(new CreateSubnetCommand({ VpcId: vpc.Vpc?.VpcId, CidrBlock: '172.20.64.0/19', AvailabilityZone: 'us-east-1c' }));
    subnetId = subnet.Subnet?.SubnetId ?? '';
    const publicSubnet = await ec2.send(new CreateSubnetCommand({ VpcId: vpc.Vpc?.VpcId, CidrBlock: '172.20.32.0/19', AvailabilityZone: 'us-east-1a' }));
    publicSubnetId = publicSubnet.Subnet?.SubnetId ?? '';
    await new S3Client({ ...clientConfig, forcePathStyle: true }).send(
      new CreateBucketCommand({ Bucket: 'oidc-discovery', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }),
    );
    dir = mkdtempSync(join(tmpdir(), 'kops-full-'));
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the completed spec gets the hosted zone, the shared subnet zone and the discovery bucket region from the cloud', async () => {
    const subnets =
      '  serviceAccountIssuerDiscovery:\n    discoveryStore: s3://oidc-discovery/minimal-aws\n' +
      `  subnets:\n  - cidr: 172.20.32.0/19\n    id: ${publicSubnetId}\n    name: us-east-1a\n    type: Public\n    zone: us-east-1a\n` +
      `  - cidr: 172.20.64.0/19\n    id: ${subnetId}\n    name: utility-shared\n    type: Utility\n`;
    const file = writeClusterInput(dir, subnets);
    const env = { ...moto.env, KOPS_STATE_STORE: `file://${dir}/store` };
    const created = await kops(['create', '-f', file], { env });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);

    const full = await kops(['get', 'cluster', 'minimal-aws.example.com', '--full', '-o', 'yaml'], { env });
    expect(full.stderr).toBe('');
    expect(full.code).toBe(0);
    expect(full.stdout).toContain(`  dnsZone: ${zoneId}\n`);
    expect(full.stdout).toContain('    zone: us-east-1c\n');
    expect(full.stdout).toContain('  podCIDR: 100.96.0.0/11\n');
    expect(full.stdout).toContain('    serviceAccountIssuer: https://oidc-discovery.s3.eu-west-1.amazonaws.com/minimal-aws\n');

    const withOrigins = await kops(['get', 'cluster', '--full', '--show-origin'], { env: { ...env, KOPS_CLUSTER_NAME: 'minimal-aws.example.com' } });
    expect(withOrigins.code).toBe(0);
    expect(withOrigins.stdout).toContain(`  dnsZone: ${zoneId} # inferred: hosted zone serving minimal-aws.example.com\n`);
    expect(withOrigins.stdout).toContain(`    zone: us-east-1c # inferred: zone of existing subnet ${subnetId}\n`);
    expect(withOrigins.stdout).toContain('  networkCIDR: 172.20.0.0/16 # user\n');
    expect(withOrigins.stdout).toContain('    securePort: 443 # default: kube-apiserver securePort\n');
  }, 60_000);

  test('without a hosted zone for the cluster the command says which field to set', async () => {
    const store = join(dir, 'other');
    const file = writeClusterInput(dir, '  subnets:\n  - cidr: 172.20.32.0/19\n    name: us-east-1a\n    type: Public\n    zone: us-east-1a\n');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('minimal-aws.example.com', 'minimal.example.org').replaceAll(`${dir}/store`, store));
    const env = { ...moto.env, KOPS_STATE_STORE: `file://${store}` };
    const created = await kops(['create', '-f', file], { env });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const r = await kops(['get', 'cluster', 'minimal.example.org', '--full'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: spec.dnsZone: no public hosted zone found for minimal.example.org');
  }, 60_000);
});
