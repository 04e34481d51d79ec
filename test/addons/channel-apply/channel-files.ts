import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const dnsManifest = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: dns-controller
  namespace: kube-system
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dns-controller
  namespace: kube-system
spec:
  replicas: 1
`;
export const rbacManifest = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: kops:kubelet-api
rules: []
`;
export const limitsManifest = `apiVersion: v1
kind: ConfigMap
metadata:
  name: limits
  namespace: kube-system
data:
  cpu: 100m
`;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface TestAddon {
  name: string;
  version?: string;
  id?: string;
  manifest: string;
  /** Manifest text; absent means the channel names a file that is not there. */
  text?: string;
}

/** Writes bootstrap-channel.yaml and the manifests into `dir`, as `kops update cluster` lays them out. */
export function writeChannelFiles(dir: string, addons: TestAddon[]): void {
  const entries = addons.map((a) => {
    const hash = a.text === undefined ? sha256('absent') : sha256(a.text);
    if (a.text !== undefined) {
      mkdirSync(dirname(join(dir, a.manifest)), { recursive: true });
      writeFileSync(join(dir, a.manifest), a.text);
    }
    const lines = [`  - name: ${a.name}`, `    manifest: ${a.manifest}`, `    manifestHash: ${hash}`];
    if (a.id) lines.push(`    id: ${a.id}`);
    if (a.version) lines.push(`    version: ${a.version}`);
    return lines.join('\n');
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bootstrap-channel.yaml'), `kind: Addons\nmetadata:\n  name: bootstrap\nspec:\n  addons:\n${entries.join('\n')}\n`);
}

export const baseAddons: TestAddon[] = [
  { name: 'dns-controller.addons.k8s.io', id: 'k8s-1.12', manifest: 'dns-controller.addons.k8s.io/k8s-1.12.yaml', text: dnsManifest },
  { name: 'kubelet-api.rbac.addons.k8s.io', id: 'k8s-1.9', manifest: 'kubelet-api.rbac.addons.k8s.io/k8s-1.9.yaml', text: rbacManifest },
  { name: 'limit-range.addons.k8s.io', version: '1.5.0', manifest: 'limit-range.addons.k8s.io/v1.5.0.yaml', text: limitsManifest },
];

