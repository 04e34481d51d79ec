import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { buildAddons, type AddonCluster, type AddonContext, type AddonFile } from '../../src/addons/index.js';
import { sharedDir } from '../helpers/cli.js';

const updateClusterDir = join(sharedDir, 'kops-reference/conformance/update_cluster');

/** The completed spec of a golden update_cluster case, to which a test applies its own settings. */
export function goldenCluster(caseName = 'minimal-aws'): AddonCluster {
  const file = join(updateClusterDir, caseName, 'data/aws_s3_object_cluster-completed.spec_content');
  return parse(readFileSync(file, 'utf8')) as AddonCluster;
}

export const fixtureContext: AddonContext = { kopsVersion: '1.34.0-beta.1', aws: { accountId: '123456789012', partition: 'aws-test' } };

type Spec = AddonCluster['spec'];

/** The add-on files of the golden cluster after `edit` has changed its spec. */
export function addonsWith(edit: (spec: Spec) => void, caseName = 'minimal-aws', ctx: AddonContext = fixtureContext): AddonFile[] {
  const cluster = structuredClone(goldenCluster(caseName));
  edit(cluster.spec);
  return buildAddons(cluster, ctx);
}

export function channelEntries(files: AddonFile[]): Record<string, unknown>[] {
  const channel = files.find((f) => f.path === 'addons/bootstrap-channel.yaml');
  return (parse(channel!.content) as { spec: { addons: Record<string, unknown>[] } }).spec.addons;
}

export function manifestOf(files: AddonFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no add-on file ${path}; have ${files.map((f) => f.path).join(', ')}`);
  return file.content;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function objectsOf(files: AddonFile[], path: string): any[] {
  return parseAllDocuments(manifestOf(files, path)).map((d) => d.toJS());
}

/** Sets a nested field, creating the objects on the way. */
export function setPath(spec: Spec, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = spec;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  node[keys[keys.length - 1]] = value;
}
