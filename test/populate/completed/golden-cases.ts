import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDocuments, encodeObject } from '../../../src/apis/codec.js';
import { isCluster, isInstanceGroup, type Cluster, type InstanceGroup } from '../../../src/apis/types.js';
import { pickHostedZone } from '../../../src/populate/completed/cloud-context.js';
import { type PopulateContext, populateClusterSpec } from '../../../src/populate/completed/index.js';
import { sharedDir } from '../../helpers/cli.js';

export const updateClusterDir = join(sharedDir, 'kops-reference/conformance/update_cluster');
const COMPLETED_SPEC = 'data/aws_s3_object_cluster-completed.spec_content';

/** The hosted zones of the fixture cloud (HARNESS 0.4). */
const FIXTURE_ZONES = [
  { id: 'Z1AFAKE1ZON3YO', name: 'example.com', private: false },
  { id: 'Z2AFAKE1ZON3NO', name: 'internal.example.com', private: true },
  { id: 'Z3AFAKE1ZOMORE', name: 'private.example.com', private: true },
];

/** Subnets of the fixture cloud and their zones (HARNESS 0.4). */
const FIXTURE_SUBNET_ZONES: Record<string, string> = {
  'subnet-12345678': 'us-test-1a',
  'subnet-abcdef': 'us-test-1a',
  'subnet-b2345678': 'us-test-1b',
};

export const fixtureContext: PopulateContext = {
  findDnsZone: (clusterName, dnsType) => pickHostedZone(FIXTURE_ZONES, clusterName, dnsType),
  findSubnetZone: (id) => FIXTURE_SUBNET_ZONES[id],
  findBucketRegion: () => undefined,
};

/** update_cluster cases that have a v1alpha2 input and a completed spec to compare with (every cloud). */
export function goldenCases(): string[] {
  return readdirSync(updateClusterDir)
    .filter((c) => existsSync(join(updateClusterDir, c, COMPLETED_SPEC)) && existsSync(join(updateClusterDir, c, 'in-v1alpha2.yaml')))
    .sort();
}

/** The AWS ones among them. */
export function awsCases(): string[] {
  return goldenCases().filter((c) => /^ {2}cloudProvider: aws$/m.test(readFileSync(join(updateClusterDir, c, COMPLETED_SPEC), 'utf8')));
}

export function loadCase(name: string): { cluster: Cluster; instanceGroups: InstanceGroup[]; expected: string } {
  const dir = join(updateClusterDir, name);
  const text = readFileSync(join(dir, 'in-v1alpha2.yaml'), 'utf8');
  const objects = decodeDocuments(text, `${name}/in-v1alpha2.yaml`, { allowOtherKinds: true });
  const cluster = objects.find(isCluster);
  if (!cluster) throw new Error(`${name}: no Cluster in the input`);
  return { cluster, instanceGroups: objects.filter(isInstanceGroup), expected: readFileSync(join(dir, COMPLETED_SPEC), 'utf8') };
}

export function completedSpecText(name: string): { actual: string; expected: string } {
  const { cluster, instanceGroups, expected } = loadCase(name);
  const completed = populateClusterSpec(cluster, instanceGroups, fixtureContext);
  return { actual: encodeObject(completed.cluster).trim(), expected: expected.replace(/\r\n/g, '\n').trim() };
}

