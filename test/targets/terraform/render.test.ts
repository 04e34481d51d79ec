import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { ManagedFile } from '../../../src/cloud/aws/resources/managed-file.js';
import { Subnet } from '../../../src/cloud/aws/resources/subnet.js';
import { Vpc } from '../../../src/cloud/aws/resources/vpc.js';
import { awsTerraform } from '../../../src/cloud/aws/terraform.js';
import { gceTerraform } from '../../../src/cloud/gce/terraform.js';
import { ref } from '../../../src/engine/task.js';
import { buildAwsModel } from '../../../src/model/aws.js';
import { renderTerraform } from '../../../src/targets/terraform/render.js';
import { writeTerraformOutput } from '../../../src/targets/terraform/output-dir.js';
import { goldenModelInputs } from '../../helpers/golden-cases.js';
import { topLevelBlocks } from './blocks.js';

const options = { clusterName: 'c.example.com', region: 'us-test-1', cloud: awsTerraform };
const temps: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kops-tf-'));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('terraform target', () => {
  test('references render as Terraform expressions and resources are sorted by type and name', async () => {
    const vpc = Vpc.task('c.example.com', { cidrBlock: '10.0.0.0/16', tags: { Name: 'c.example.com' } });
    const subnet = Subnet.task('a.c.example.com', { shortName: 'a', vpcId: ref(vpc), availabilityZone: 'us-test-1a', cidrBlock: '10.0.1.0/24' });
    subnet.exports = [{ name: 'subnet_a_id', value: ref(subnet) }];
    const { files } = await renderTerraform([vpc, subnet], options);
    const blocks = [...topLevelBlocks(files.get('kubernetes.tf')!).keys()];
    expect(blocks.filter((b) => b.startsWith('resource'))).toEqual(['resource "aws_subnet" "a-c-example-com" {', 'resource "aws_vpc" "c-example-com" {']);
    expect(files.get('kubernetes.tf')).toMatch(/\n {2}vpc_id += aws_vpc\.c-example-com\.id\n/);
    expect(files.get('kubernetes.tf')).toContain('output "subnet_a_id" {\n  value = aws_subnet.a-c-example-com.id\n}');
  });

  test('a shared object is referred to by its id, and by a data source for other attributes', async () => {
    const vpc = Vpc.task('c.example.com', { id: 'vpc-123' }, { shared: true });
    vpc.exports = [{ name: 'vpc_cidr_block', value: ref(vpc, 'cidr_block') }];
    const subnet = Subnet.task('a.c.example.com', { shortName: 'a', vpcId: ref(vpc), availabilityZone: 'us-test-1a', ipv6CidrBlock: '/64#3' });
    const tf = (await renderTerraform([vpc, subnet], options)).files.get('kubernetes.tf')!;
    expect(tf).not.toContain('resource "aws_vpc"');
    expect(tf).toMatch(/ vpc_id +?= "vpc-123"\n/);
    expect(tf).toContain('data "aws_vpc" "c-example-com" {\n  id = "vpc-123"\n}');
    expect(tf).toMatch(/ vpc_cidr_block += data\.aws_vpc\.c-example-com\.cidr_block\n/);
    expect(tf).toMatch(/ ipv6_cidr_block += cidrsubnet\(local\.vpc_ipv6_cidr_block, 64 - local\.vpc_ipv6_cidr_length, 3\)\n/);
  });

  test('state-store files become bucket objects for memfs:// and s3:// stores, and store writes for file://', async () => {
    const memfs = ManagedFile.task('kops-version.txt', { location: 'memfs://tests/c.example.com/kops-version.txt', contents: '1.0' });
    const s3 = ManagedFile.task('cluster-completed.spec', { location: 's3://bucket/c.example.com/cluster-completed.spec', contents: 'spec' });
    const local = ManagedFile.task('other', { location: 'file:///state/c.example.com/other', contents: 'x' });
    const out = await renderTerraform([memfs, s3, local], options);
    const tf = out.files.get('kubernetes.tf')!;
    expect(tf).toContain('resource "aws_s3_object" "kops-version-txt" {\n  bucket                 = "testingBucket"');
    expect(tf).toContain('  key                    = "c.example.com/cluster-completed.spec"');
    expect(tf).toContain('provider "aws" {\n  alias  = "files"\n  region = "us-test-1"\n}');
    expect(out.files.get('data/aws_s3_object_kops-version.txt_content')).toBe('1.0');
    expect(out.storeWrites).toEqual([{ location: 'file:///state/c.example.com/other', contents: 'x' }]);
  });

  test('an S3 object that must be readable by anyone carries acl = "public-read" (the Go S3Path rendering); a private one none', async () => {
    const open = ManagedFile.task('discovery.json', { location: 's3://oidc/c.example.com/.well-known/openid-configuration', contents: '{}', publicRead: true });
    const closed = ManagedFile.task('keys.json', { location: 's3://oidc/c.example.com/openid/v1/jwks', contents: '{}', publicRead: false });
    const tf = (await renderTerraform([open, closed], options)).files.get('kubernetes.tf')!;
    expect(tf).toContain(
      'resource "aws_s3_object" "discovery-json" {\n  acl                    = "public-read"\n  bucket                 = "oidc"\n  content                = file("${path.module}/data/aws_s3_object_discovery.json_content")\n  key                    = "c.example.com/.well-known/openid-configuration"\n  provider               = aws.files\n  server_side_encryption = "AES256"\n}',
    );
    expect(tf).toContain('resource "aws_s3_object" "keys-json" {\n  bucket                 = "oidc"\n');
  });

  test('with KOPS_STATE_S3_ACL, every s3:// object carries that ACL, a public one too (the Go precedence); memfs:// keeps its own', async () => {
    const open = ManagedFile.task('discovery.json', { location: 's3://oidc/c.example.com/.well-known/openid-configuration', contents: '{}', publicRead: true });
    const plain = ManagedFile.task('config', { location: 's3://state/c.example.com/config', contents: 'x' });
    const memfs = ManagedFile.task('keys.json', { location: 'memfs://tests/c.example.com/openid/v1/jwks', contents: '{}', publicRead: true });
    const tf = (await renderTerraform([open, plain, memfs], { ...options, s3ObjectAcl: 'bucket-owner-full-control' })).files.get('kubernetes.tf')!;
    expect(tf).toContain('resource "aws_s3_object" "discovery-json" {\n  acl                    = "bucket-owner-full-control"\n  bucket                 = "oidc"\n');
    expect(tf).toContain('resource "aws_s3_object" "config" {\n  acl                    = "bucket-owner-full-control"\n  bucket                 = "state"\n');
    expect(tf).toContain('resource "aws_s3_object" "keys-json" {\n  acl                    = "public-read"\n  bucket                 = "testingBucket"\n');
  });

  test('state-store files of a gs:// store are Cloud Storage objects written by the google files provider, with their access list when given', async () => {
    const spec = ManagedFile.task('cluster-completed.spec', { location: 'gs://state/c.example.com/cluster-completed.spec', contents: 'spec' });
    const open = ManagedFile.task('kops-version.txt', { location: 'gs://open/c.example.com/kops-version.txt', contents: '1.0' });
    const acl = ['OWNER:project-owners-1', 'READER:user-1-compute@developer.gserviceaccount.com'];
    const out = await renderTerraform([spec, open], { clusterName: 'c.example.com', region: 'europe-west4', cloud: gceTerraform('p'), storeObjectAcls: new Map([['state', acl]]) });
    const tf = out.files.get('kubernetes.tf')!;
    expect(tf).toContain(
      [
        'provider "google" {\n  project = "p"\n  region  = "europe-west4"\n}',
        'provider "google" {\n  alias = "files"\n}',
        'resource "google_storage_bucket_object" "cluster-completed-spec" {\n  bucket   = "state"\n  name     = "c.example.com/cluster-completed.spec"\n  provider = google.files\n  source   = "${path.module}/data/google_storage_bucket_object_cluster-completed.spec_content"\n}',
        'resource "google_storage_bucket_object" "kops-version-txt" {\n  bucket   = "open"\n  name     = "c.example.com/kops-version.txt"\n  provider = google.files\n  source   = "${path.module}/data/google_storage_bucket_object_kops-version.txt_content"\n}',
        'resource "google_storage_object_acl" "cluster-completed-spec" {\n  bucket      = "state"\n  object      = google_storage_bucket_object.cluster-completed-spec.output_name\n  provider    = google.files\n  role_entity = ["OWNER:project-owners-1", "READER:user-1-compute@developer.gserviceaccount.com"]\n}',
      ].join('\n\n'),
    );
    expect(tf).toContain('  required_providers {\n    google = {\n      "configuration_aliases" = [google.files]\n      "source"                = "hashicorp/google"\n      "version"               = ">= 5.11.0"\n    }\n  }');
    expect(tf).not.toContain('aws');
    expect(out.files.get('data/google_storage_bucket_object_cluster-completed.spec_content')).toBe('spec');
  });

  test('an AWS cluster with a gs:// store adds the google provider for its files alone', async () => {
    const file = ManagedFile.task('kops-version.txt', { location: 'gs://state/c.example.com/kops-version.txt', contents: '1.0' });
    const tf = (await renderTerraform([file], options)).files.get('kubernetes.tf')!;
    expect(tf).toContain('provider "aws" {\n  region = "us-test-1"\n}\n\nprovider "google" {\n  alias = "files"\n}');
    expect(tf).toMatch(/ {4}aws = \{\n {6}"source" += "hashicorp\/aws"\n {6}"version" += ">= 5.0.0"\n {4}\}\n {4}google = \{\n {6}"configuration_aliases" = \[google.files\]\n/);
    expect(tf).not.toContain('google_storage_object_acl');
  });

  test('depends_on names the resources an object waits for', async () => {
    const vpc = Vpc.task('c.example.com', { cidrBlock: '10.0.0.0/16' });
    const subnet = Subnet.task('a.c.example.com', { shortName: 'a', vpcId: ref(vpc), availabilityZone: 'us-test-1a' }, { dependsOn: [{ type: 'aws_vpc', name: 'c.example.com' }] });
    const tf = (await renderTerraform([vpc, subnet], options)).files.get('kubernetes.tf')!;
    expect(tf).toMatch(/ depends_on += \[aws_vpc\.c-example-com\]\n/);
  });

  test('writing an output folder replaces our own stale data files and leaves unrelated files alone', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'aws_vpc_old.example.com_policy'), 'stale');
    writeFileSync(join(dir, 'data', 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'README.md'), 'mine');
    await writeTerraformOutput(dir, new Map([['kubernetes.tf', 'x'], ['data/aws_iam_role_r_policy', '{}']]));
    expect(readdirSync(join(dir, 'data')).sort()).toEqual(['aws_iam_role_r_policy', 'notes.txt']);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('mine');
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'data', 'kubernetes.tf']);
  });
});

const terraform = ['/usr/local/bin/terraform', '/usr/bin/terraform'].find(existsSync);
describe.skipIf(!terraform || !existsSync('/opt/tf-plugins'))('terraform validate', () => {
  test('accepts what we generate for minimal-aws', async () => {
    const g = goldenModelInputs('minimal-aws');
    const out = await renderTerraform(buildAwsModel(g.cluster, g.instanceGroups, g.ctx), { clusterName: g.cluster.metadata.name, region: g.ctx.region, cloud: awsTerraform });
    const dir = tempDir();
    await writeTerraformOutput(dir, out.files);
    const run = promisify(execFile);
    const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
    await run(terraform!, ['init', '-backend=false', '-input=false', '-plugin-dir=/opt/tf-plugins'], { cwd: dir, env });
    const { stdout } = await run(terraform!, ['validate', '-no-color'], { cwd: dir, env });
    expect(stdout).toContain('The configuration is valid');
  }, 120_000);
});
