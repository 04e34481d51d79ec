/**
 * `kops rolling-update cluster --cloudonly` preview (no --yes) against moto at 10, 100 and 1,000 instances spread over
 * 10 and 100 instance groups: wall time and AWS API requests (moto's recorder). The requests must grow with the
 * number of groups, not of instances. Needs moto_server and dist/kops.js; run from bench/run.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScalingClient, CreateAutoScalingGroupCommand } from '@aws-sdk/client-auto-scaling';
import { CreateLaunchTemplateCommand, EC2Client } from '@aws-sdk/client-ec2';
import { kops, type RunResult } from '../test/helpers/cli.js';
import { CHANNEL_AMI, startMotoForKops } from '../test/helpers/kops-on-moto.js';
import { recordCalls } from '../test/helpers/moto-recorder.js';

const CLUSTER = 'bench.k8s.local';
export const ROLLING_CASES: [instances: number, groups: number][] = [
  [10, 10],
  [100, 10],
  [100, 100],
  [1000, 10],
  [1000, 100],
];

const mustSucceed = (r: RunResult) => {
  if (r.code !== 0) throw new Error(`kops exited ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r;
};

export interface RollingResult {
  instances: number;
  groups: number;
  ms: number;
  calls: number;
  /** Calls per API action. */
  byAction: Record<string, number>;
}

export async function benchRolling(cases: [instances: number, groups: number][] = ROLLING_CASES): Promise<RollingResult[]> {
  const results: RollingResult[] = [];
  for (const [instances, groups] of cases) results.push(await previewAt(instances, groups));
  return results;
}

async function previewAt(instances: number, groups: number): Promise<RollingResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kops-bench-rolling-'));
  const { moto, env, sshPublicKey } = await startMotoForKops(dir);
  try {
    mustSucceed(await kops(['create', 'cluster', '--name', CLUSTER, '--zones', 'us-east-1a', '--ssh-public-key', sshPublicKey], { env }));
    const names = Array.from({ length: groups }, (_, i) => `ng-${String(i).padStart(3, '0')}`);
    const perGroup = instances / groups;
    const igs = names
      .map((n) => `apiVersion: kops.k8s.io/v1alpha2\nkind: InstanceGroup\nmetadata:\n  name: ${n}\n  labels:\n    kops.k8s.io/cluster: ${CLUSTER}\nspec:\n  role: Node\n  machineType: t3.medium\n  minSize: ${perGroup}\n  maxSize: ${perGroup}\n  subnets:\n  - us-east-1a\n`)
      .join('---\n');
    mustSucceed(await kops(['create', '-f', '-', '--name', CLUSTER], { env, input: igs }));
    const aws = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    const ec2 = new EC2Client(aws);
    const autoscaling = new AutoScalingClient(aws);
    for (const n of names) {
      const name = `${n}.${CLUSTER}`;
      const lt = await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: name, LaunchTemplateData: { ImageId: CHANNEL_AMI, InstanceType: 't3.medium' } }));
      await autoscaling.send(
        new CreateAutoScalingGroupCommand({
          AutoScalingGroupName: name,
          MinSize: perGroup,
          MaxSize: perGroup,
          DesiredCapacity: perGroup,
          AvailabilityZones: ['us-east-1a'],
          LaunchTemplate: { LaunchTemplateId: lt.LaunchTemplate!.LaunchTemplateId!, Version: '1' },
          Tags: [
            { Key: 'KubernetesCluster', Value: CLUSTER, PropagateAtLaunch: true },
            { Key: 'kops.k8s.io/instancegroup', Value: n, PropagateAtLaunch: true },
            { Key: 'k8s.io/role/node', Value: '1', PropagateAtLaunch: true },
          ],
        }),
      );
    }
    let result!: RunResult;
    let ms = 0;
    const calls = await recordCalls(moto.endpoint, async () => {
      const started = performance.now();
      result = await kops(['rolling-update', 'cluster', CLUSTER, '--cloudonly'], { env });
      ms = performance.now() - started;
    });
    mustSucceed(result);
    const listed = result.stdout.split('\n').filter((l) => l.startsWith('ng-')).length;
    if (listed !== groups) throw new Error(`the preview listed ${listed} groups, expected ${groups}`);
    const byAction: Record<string, number> = {};
    for (const c of calls) byAction[c.action] = (byAction[c.action] ?? 0) + 1;
    return { instances, groups, ms, calls: calls.length, byAction };
  } finally {
    await moto.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
