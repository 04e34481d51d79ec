import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh file:// state store in a temp dir, and the files in it (relative paths, sorted). */
export function tempStore(): { url: string; dir: string; files(): string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'kops-cli-store-'));
  const list = (d: string, prefix = ''): string[] =>
    readdirSync(d)
      .sort()
      .flatMap((name) => (statSync(join(d, name)).isDirectory() ? list(join(d, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
  return { url: `file://${dir}`, dir, files: () => list(dir) };
}

/** Writes `text` to a temp file and returns its path. */
export function tempFile(text: string, name = 'input.yaml'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'kops-cli-in-')), name);
  writeFileSync(path, text);
  return path;
}

export const CLUSTER_NAME = 'small.example.com';

/** A small but complete AWS cluster in us-east-1 (one zone), as a user would write it. */
export const smallCluster = `apiVersion: kops.k8s.io/v1alpha2
kind: Cluster
metadata:
  name: ${CLUSTER_NAME}
spec:
  cloudProvider: aws
  kubernetesVersion: 1.32.0
  networkCIDR: 172.20.0.0/16
  networking:
    cilium: {}
  subnets:
  - cidr: 172.20.32.0/19
    name: us-east-1a
    type: Public
    zone: us-east-1a
`;

export const smallNodes = `apiVersion: kops.k8s.io/v1alpha2
kind: InstanceGroup
metadata:
  name: nodes
  labels:
    kops.k8s.io/cluster: ${CLUSTER_NAME}
spec:
  role: Node
  machineType: t3.medium
  minSize: 1
  maxSize: 3
  subnets:
  - us-east-1a
`;

export const smallControlPlane = `apiVersion: kops.k8s.io/v1alpha2
kind: InstanceGroup
metadata:
  name: control-plane-us-east-1a
  labels:
    kops.k8s.io/cluster: ${CLUSTER_NAME}
spec:
  role: Master
  machineType: t3.medium
  minSize: 1
  maxSize: 1
  subnets:
  - us-east-1a
`;

export const smallManifest = [smallCluster, smallControlPlane, smallNodes].join('---\n');
