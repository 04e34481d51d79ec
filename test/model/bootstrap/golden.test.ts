import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildBootstrap } from '../../../src/model/bootstrap/index.js';
import { roleOf } from '../../../src/model/bootstrap/cluster-facts.js';
import { awsCaseNames, dataFiles, loadCase, readData, type GoldenCase } from './golden-cases.js';

/**
 * Every AWS update_cluster case: the bootstrap files we generate vs the Go kops's data/ files of the same kinds.
 * `golden-passing.txt` lists the (case, file) pairs that must match exactly; the list only grows.
 */
const claimed = readFileSync(join(import.meta.dirname, 'golden-passing.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

/** Golden data files of the kinds this builder owns (the completed spec and OIDC documents are the AWS model's). */
function isBootstrapFile(file: string): boolean {
  if (/^aws_s3_object_(cluster-completed\.spec|discovery\.json|keys\.json)_content$/.test(file)) return false;
  return /^aws_launch_template_.*_user_data$/.test(file) || /^aws_s3_object_.*_content$/.test(file);
}

function kindOf(file: string): string {
  if (file.endsWith('_user_data')) return 'user data';
  const m = /^aws_s3_object_(.*)_content$/.exec(file);
  const name = m ? m[1] : file;
  for (const k of ['nodeupconfig', 'manifests-etcdmanager', 'etcd-cluster-spec']) if (name.startsWith(k)) return k;
  const addon = /-addons-(.*)$/.exec(name);
  if (addon) return addon[1] === 'bootstrap' ? 'bootstrap channel' : `addon ${addon[1].replace(/-k8s-[\d.]+$|-v[\d.]+$/, '')}`;
  return name;
}

/** Launch templates are named `<ig>.<infix><cluster>`. */
const LAUNCH_TEMPLATE_INFIX: Record<string, string> = { ControlPlane: 'masters.', APIServer: 'apiservers.' };

/** What we produce for a case, keyed by the golden file name the Terraform target gives it. */
function produce(c: GoldenCase): Map<string, string> {
  const out = new Map<string, string>();
  const result = buildBootstrap(c.cluster, c.instanceGroups, c.ctx, c.additionalObjects);
  for (const f of result.files) out.set(`aws_s3_object_${f.tfName}_content`, f.content);
  for (const ig of c.instanceGroups) {
    const data = result.userData.get(ig.metadata.name);
    const lt = `${ig.metadata.name}.${LAUNCH_TEMPLATE_INFIX[roleOf(ig)] ?? ''}${c.cluster.metadata.name}`;
    if (data !== undefined) out.set(`aws_launch_template_${lt}_user_data`, data);
  }
  return out;
}

const normalize = (s: string) => s.replaceAll('\r\n', '\n').trim();

describe('bootstrap files match the Go kops goldens', () => {
  const matched = new Set<string>();
  const extra: string[] = [];
  const tally = new Map<string, { match: number; total: number }>();
  for (const name of awsCaseNames()) {
    const c = loadCase(name);
    let produced: Map<string, string>;
    try {
      produced = produce(c);
    } catch {
      produced = new Map();
    }
    const expected = new Set(dataFiles(c));
    for (const file of produced.keys()) if (!expected.has(file)) extra.push(`${name}/${file}`);
    for (const file of dataFiles(c).filter(isBootstrapFile)) {
      const kind = kindOf(file);
      const t = tally.get(kind) ?? { match: 0, total: 0 };
      t.total++;
      const ours = produced.get(file);
      if (ours !== undefined && normalize(ours) === normalize(readData(c, file))) {
        t.match++;
        matched.add(`${name}/${file}`);
      }
      tally.set(kind, t);
    }
  }

  test('per file kind', () => {
    const rows = [...tally].sort(([, a], [, b]) => b.total - a.total).map(([k, t]) => `${String(t.match).padStart(4)}/${String(t.total).padEnd(4)} ${k}`);
    console.log(`bootstrap goldens matched:\n${rows.join('\n')}`);
    const unclaimed = [...matched].filter((m) => !claimed.includes(m)).sort();
    if (process.env.PRINT_UNCLAIMED) console.log(unclaimed.join('\n'));
    expect(tally.size).toBeGreaterThan(0);
  });

  test('produces no file that the Go kops does not write', () => {
    expect(extra).toEqual([]);
  });

  test.each(claimed)('%s', (entry) => {
    expect(matched.has(entry), `${entry} no longer matches its golden`).toBe(true);
  });
});
