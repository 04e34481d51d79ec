/**
 * Running registry samples through the update_cluster pipeline of the conformance suite (in-process, fixture cloud):
 * a baseline cluster of the cloud (the minimal-aws or minimal_gce golden case), the entry's settings and sample
 * applied, checked as `kops create -f` checks them, and the output files searched for the entry's fragments.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDocuments } from '../../../src/apis/codec.js';
import { checkBeforeWrite } from '../../../src/cli/checks.js';
import type { EffectEntry, Fragment, Setting } from '../../../src/apis/fields/registry.js';
import { ADDED_OBJECTS } from '../../../src/apis/fields/aws/dsl.js';
import type { KopsObject } from '../../../src/apis/types.js';
import { CLOUD_CONFIG, cloudConfigTasks } from '../../../src/nodeup/builders/cloud-config.js';
import { kubeletTasks } from '../../../src/nodeup/builders/kubelet.js';
import { kubeAPIServerTasks } from '../../../src/nodeup/builders/kube-apiserver.js';
import { parseNodeupConfig, roleOf } from '../../../src/nodeup/config.js';
import { resolveRollSettings } from '../../../src/ops/operate/settings.js';
import type { Cluster, InstanceGroup } from '../../../src/apis/types.js';
import type { FileTask } from '../../../src/nodeup/tasks.js';
import type { Task } from '../../../src/engine/task.js';
import { sharedDir } from '../../helpers/cli.js';
import { FIXTURE_ENCRYPTION_CONFIG, runUpdatePipeline } from '../../conformance/suites/update_cluster.js';

export const BASELINE_DIR = join(sharedDir, 'kops-reference/conformance/update_cluster/minimal-aws');
/** The golden case each cloud's registry samples are set on. */
export const BASELINE_DIRS: Readonly<Record<string, string>> = {
  aws: BASELINE_DIR,
  gce: join(sharedDir, 'kops-reference/conformance/update_cluster/minimal_gce'),
};

function baselineDir(cloud: string): string {
  const dir = BASELINE_DIRS[cloud];
  if (!dir) throw new Error(`no registry baseline for cloud ${cloud}`);
  return dir;
}
const COMPLETED_SPEC = 'cluster-completed.spec';
/**
 * Images the fixture world has beside its one Ubuntu image: one a sample can choose, and the stable channel's image for
 * the baseline's Kubernetes version (what a group stored without an image gets).
 */
export const REGISTRY_IMAGES = {
  'ubuntu/images/registry-sample-20240101': { id: 'ami-0registry', rootDeviceName: '/dev/sda1' },
  '099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260714': { id: 'ami-0stablechannel', rootDeviceName: '/dev/sda1' },
};

type Obj = { kind: string; metadata: { name: string }; spec: Record<string, unknown> };

export function baselineObjects(cloud = 'aws'): Obj[] {
  const file = join(baselineDir(cloud), 'in-v1alpha2.yaml');
  return decodeDocuments(readFileSync(file, 'utf8'), file) as unknown as Obj[];
}

/** Sets `value` at a dotted path; `[]` sets it in every element of a list that is there. */
export function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  const walk = (node: Record<string, unknown>, i: number): void => {
    const seg = segments[i];
    const isList = seg.endsWith('[]');
    const key = isList ? seg.slice(0, -2) : seg;
    if (i === segments.length - 1 && !isList) {
      node[key] = structuredClone(value);
      return;
    }
    if (isList) {
      const list = node[key];
      if (!Array.isArray(list) || list.length === 0) throw new Error(`${path}: ${key} is not a list with elements in the baseline; give it in the settings`);
      if (i === segments.length - 1) throw new Error(`${path}: a path cannot end with []`);
      for (const item of list) walk(item as Record<string, unknown>, i + 1);
      return;
    }
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    walk(node[key] as Record<string, unknown>, i + 1);
  };
  walk(target, 0);
}

function apply(objects: Obj[], kind: string, ig: string | undefined, path: string, value: unknown): void {
  const onGroup = kind === 'InstanceGroup' || path.startsWith('ig:');
  const target = onGroup ? objects.find((o) => o.kind === 'InstanceGroup' && o.metadata.name === (ig ?? 'nodes')) : objects.find((o) => o.kind === 'Cluster');
  if (!target) throw new Error(`no ${onGroup ? `instance group ${ig ?? 'nodes'}` : 'cluster'} in the baseline`);
  setAt(target as unknown as Record<string, unknown>, path.replace(/^ig:/, ''), value);
}

/** The cloud's baseline with these entries' settings and samples applied (in order). */
export function withSamples(entries: readonly EffectEntry[], cloud = 'aws'): Obj[] {
  const objects = baselineObjects(cloud);
  for (const e of entries) {
    for (const [path, value] of e.settings ?? []) {
      if (path === ADDED_OBJECTS) objects.push(...structuredClone(value as Obj[]));
      else apply(objects, path.startsWith('ig:') ? 'InstanceGroup' : 'Cluster', e.ig, path, value);
    }
  }
  for (const e of entries) apply(objects, e.kind, e.ig, e.at, e.sample);
  return objects;
}

/** The golden case whose keystore a run uses: the entry's, else the cloud's baseline's. */
export const keystoreDir = (entry?: Pick<EffectEntry, 'keystore'>, cloud = 'aws') => (entry?.keystore ? join(sharedDir, 'kops-reference/conformance', entry.keystore) : baselineDir(cloud));

/**
 * The checks `kops create -f` runs on the objects before it writes them (refused fields, then validateCluster): a sample
 * kops would refuse never reaches the pipeline, and fails the harness with the CLI's message.
 */
export function checkAsCreateWould(objects: Obj[]): void {
  const cluster = objects.find((o) => o.kind === 'Cluster') as unknown as Cluster | undefined;
  if (!cluster) throw new Error('no Cluster among the sample objects');
  const groups = objects.filter((o) => o.kind === 'InstanceGroup') as unknown as InstanceGroup[];
  checkBeforeWrite(cluster, groups, [cluster, ...groups].map((object) => ({ object, source: 'registry sample' })));
}

export async function runOutput(objects: Obj[], keystore = BASELINE_DIR): Promise<Map<string, string>> {
  checkAsCreateWould(objects);
  // The samples were written by path into plain data: the pipeline reads them as the decoder's objects.
  const { files, tasks } = await runUpdatePipeline(objects as unknown as KopsObject[], keystore, { placeholderKeysets: true, images: REGISTRY_IMAGES });
  const cloud = String(objects.find((o) => o.kind === 'Cluster')?.spec.cloudProvider ?? 'aws');
  return withDirectSpecs(tasks ?? [], withRollSettings(objects, withNodeupFiles(files, cloud)));
}

/**
 * The output with each task's spec as the direct target diffs and applies it, as `direct/<type>/<name>` (JSON): the
 * effect of settings kops sends to the cloud API and does not render to Terraform.
 */
function withDirectSpecs(tasks: readonly Task[], files: Map<string, string>): Map<string, string> {
  const out = new Map(files);
  for (const t of tasks) out.set(`direct/${t.type}/${t.name}`, JSON.stringify(t.spec));
  return out;
}

const NODEUP_CONFIG_FILE = /^data\/aws_s3_object_nodeupconfig-(.+)_content$/;
const KUBELET_CONF = '/var/lib/kubelet/kubelet.conf';

/**
 * The output with, for each instance group, the settings `kops rolling-update` rolls it with (its minSize counted as
 * its instances), as `ops/rolling-update-<group>`.
 */
function withRollSettings(objects: Obj[], files: Map<string, string>): Map<string, string> {
  const out = new Map(files);
  const cluster = objects.find((o) => o.kind === 'Cluster') as unknown as Cluster;
  for (const o of objects) {
    if (o.kind !== 'InstanceGroup') continue;
    const group = o as unknown as InstanceGroup;
    const s = resolveRollSettings(cluster, group, group.spec.minSize ?? 0);
    out.set(`ops/rolling-update-${o.metadata.name}`, `drainAndTerminate: ${s.drainAndTerminate}\nmaxSurge: ${s.maxSurge}\nmaxUnavailable: ${s.maxUnavailable}\n`);
  }
  return out;
}

/** Files nodeup writes from a nodeupconfig, shown as `nodeup/<name>-<group>`. */
const NODEUP_FILES = [
  { name: 'kubelet.conf', path: KUBELET_CONF, tasks: kubeletTasks },
  { name: 'cloud.config', path: CLOUD_CONFIG, tasks: cloudConfigTasks },
  { name: 'kube-apiserver.manifest', path: '/etc/kubernetes/manifests/kube-apiserver.manifest', tasks: kubeAPIServerTasks },
] as const;

/**
 * The output with, for each instance group's nodeupconfig, the kubelet.conf, cloud.config and kube-apiserver manifest nodeup writes from it on
 * an Ubuntu host of the cluster's cloud.
 */
function withNodeupFiles(files: Map<string, string>, cloudProvider: string): Map<string, string> {
  const out = new Map(files);
  for (const [name, content] of files) {
    const group = NODEUP_CONFIG_FILE.exec(name)?.[1];
    if (!group) continue;
    const config = parseNodeupConfig(content, name);
    const ctx = { config, role: roleOf(config), host: { distribution: 'ubuntu' as const, architecture: 'amd64' as const }, assets: {}, remote: new Map<string, string>(), cloudProvider, secrets: new Map([['encryptionconfig', FIXTURE_ENCRYPTION_CONFIG.toString('utf8')]]) };
    for (const file of NODEUP_FILES) {
      const task = file.tasks(ctx).find((t): t is FileTask => t.kind === 'File' && t.path === file.path);
      if (task?.contents !== undefined) out.set(`nodeup/${file.name}-${group}`, String(task.contents));
    }
  }
  return out;
}

const squeeze = (s: string) => s.replace(/[ \t]+/g, ' ');

/** The output files a fragment is looked for in (never the completed spec). */
export function filesFor(fragment: Fragment, files: Map<string, string>): Array<[string, string]> {
  return [...files].filter(([name]) => !name.includes(COMPLETED_SPEC) && (fragment.in === 'kubernetes.tf' ? name === 'kubernetes.tf' : (name.startsWith('data/') || name.startsWith('nodeup/') || name.startsWith('ops/') || name.startsWith('direct/')) && name.includes(fragment.in)));
}

export function hasFragment(fragment: Fragment, files: Map<string, string>): boolean {
  const text = squeeze(fragment.text);
  return filesFor(fragment, files).some(([, content]) => squeeze(content).includes(text));
}

/**
 * A setting inside a block the cluster and the group both have, merged into one (kubelet, containerd, rollingUpdate): the
 * block's name and the setting's path inside it.
 */
const mergedSetting = (at: string) => {
  const m = /^spec\.(kubelet|masterKubelet|containerd|rollingUpdate)\.(.+)$/.exec(at);
  return m ? { block: m[1] === 'masterKubelet' ? 'kubelet' : m[1], path: m[2] } : undefined;
};
const sameMergedSetting = (a: EffectEntry, b: EffectEntry) => {
  const x = mergedSetting(a.at);
  const y = mergedSetting(b.at);
  return x !== undefined && y !== undefined && x.block === y.block && overlaps(x.path, y.path);
};
const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`) || a.startsWith(`${b}[]`) || b.startsWith(`${a}[]`);
/** Blocks of which a cluster sets one option only (kops refuses two networking providers or two authorizers). */
const ONE_OF = /^spec\.(networking|authorization)\.([^.]+)/;
const otherOption = (a: EffectEntry, b: EffectEntry) => {
  const x = ONE_OF.exec(a.at);
  const y = ONE_OF.exec(b.at);
  return a.kind === 'Cluster' && b.kind === 'Cluster' && x !== null && y !== null && x[1] === y[1] && x[2] !== y[2];
};

/**
 * Entries grouped so that one pipeline run shows many samples: same settings and instance group, no two samples at
 * overlapping paths (nor the same kubelet, containerd or rolling-update setting from the cluster's and a group's blocks, which merge,
 * nor two options of a block that takes one: two networking providers, two authorizers), and entries whose fragment is an absence alone.
 */
export function batches(entries: readonly EffectEntry[], size = 40): EffectEntry[][] {
  const out: EffectEntry[][] = [];
  const open = new Map<string, EffectEntry[][]>();
  for (const e of entries) {
    if (e.alone || e.fragments.some((f) => f.absent)) {
      out.push([e]);
      continue;
    }
    const key = JSON.stringify([e.settings ?? [], e.ig ?? 'nodes', e.keystore ?? '']);
    const groups = open.get(key) ?? [];
    open.set(key, groups);
    const fits = groups.find((g) => g.length < size && g.every((x) => (x.kind !== e.kind || !overlaps(x.at, e.at)) && !sameMergedSetting(x, e) && !otherOption(x, e)));
    if (fits) fits.push(e);
    else {
      const g = [e];
      groups.push(g);
      out.push(g);
    }
  }
  return out;
}

export type { Setting };
