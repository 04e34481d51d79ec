/** Clusters made with the CLI in the shape of the golden update_cluster cases, on moto's us-east-1 (bench and tests). */
import type { RunResult } from './cli.js';

interface GoldenShape {
  /** `create cluster` flags. */
  create: string[];
  /** Commands after it (each given `--name <cluster>`) that reach the golden case's instance groups. */
  reshape?: string[][];
}

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

export const GOLDEN_CLUSTERS: Record<string, GoldenShape> = {
  'minimal-aws': { create: ['--zones', 'us-east-1a'] },
  privatecalico: { create: ['--zones', 'us-east-1a', '--topology', 'private', '--networking', 'calico'] },
  // The golden ha case has one control-plane group per zone and a single node group over the three zones, where
  // `create cluster` makes a node group per zone.
  ha: {
    create: ['--zones', ZONES.join(','), '--control-plane-count', '3'],
    reshape: [
      ['create', 'instancegroup', 'nodes', '--role', 'node', '--subnet', ZONES.join(','), '--edit=false'],
      ...ZONES.map((z) => ['delete', 'instancegroup', `nodes-${z}`, '--yes']),
    ],
  },
};

/** Creates `cluster` in the shape of the golden case (nothing applied yet). */
export async function createGoldenShaped(run: (...args: string[]) => Promise<RunResult>, caseName: string, cluster: string, sshPublicKey: string): Promise<void> {
  const shape = GOLDEN_CLUSTERS[caseName];
  if (!shape) throw new Error(`no golden shape for ${caseName}; known: ${Object.keys(GOLDEN_CLUSTERS).join(', ')}`);
  const must = (r: RunResult) => {
    if (r.code !== 0) throw new Error(`kops exited ${r.code}\n${r.stderr}\n${r.stdout}`);
  };
  must(await run('create', 'cluster', '--name', cluster, '--ssh-public-key', sshPublicKey, ...shape.create));
  for (const args of shape.reshape ?? []) must(await run(...args, '--name', cluster));
}
