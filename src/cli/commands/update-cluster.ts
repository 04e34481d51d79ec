import { UserError } from '../../errors.js';
import { parseLifecycleOverrides } from '../../engine/lifecycle.js';
import type { Phase } from '../../ops/update/prepare.js';
import { updateCluster, type UpdateClusterOptions } from '../../ops/update/update.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openClusterStore } from '../store.js';
import type { KubeconfigExport } from '../../ops/export-kubeconfig.js';
import { exportClusterKubeconfig, kubeconfigOptions } from './export-kubeconfig.js';
import { withCliLocks } from '../lock.js';

const PHASES: readonly Phase[] = ['network', 'security', 'cluster'];
type Target = UpdateClusterOptions['target'];

/**
 * `kops update cluster [CLUSTER] [--yes] [--target direct|terraform] [--out DIR]`: turns the cluster spec into cloud
 * objects. Without --yes (direct target) it prints the plan and changes nothing.
 */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  const target = parseTarget(inv.string('target'));
  const phase = parsePhase(inv.string('phase'));
  const yes = inv.bool('yes');
  const clusterName = await ctx.clusterName(inv.args[0]);
  return withCliLocks(ctx, inv, yes || target === 'terraform' ? [clusterName] : [], () =>
    runClusterUpdate(ctx, clusterName, {
      target,
      yes,
      out: inv.string('out'),
      phase,
      lifecycleOverrides: parseLifecycleOverrides(inv.strings('lifecycle-overrides')),
      instanceGroups: inv.strings('instance-group'),
      instanceGroupRoles: inv.strings('instance-group-roles'),
    }, wantsKubeconfig(inv) ? kubeconfigOptions(inv) : undefined),
  );
}

function parsePhase(value: string): Phase | undefined {
  if (!value) return undefined;
  const phase = PHASES.find((p) => p === value);
  if (!phase) throw new UserError(`--phase: unknown phase "${value}"`, `use one of ${PHASES.join(', ')}`);
  return phase;
}

export function parseTarget(target: string): Target {
  if (target !== 'direct' && target !== 'terraform') throw new UserError(`--target: unknown target "${target}"`, 'use --target direct or --target terraform');
  return target;
}

function wantsKubeconfig(inv: Invocation): boolean {
  return inv.bool('create-kube-config') || inv.isSet('admin') || Boolean(inv.string('user')) || inv.bool('internal');
}

type UpdateFlags = Omit<UpdateClusterOptions, 'env' | 'clock' | 'print' | 'log'>;

/** Runs the update flow of ops/ for the cluster (its lock held) and prints its outcome; `update cluster` and `create cluster --yes`. */
export async function runClusterUpdate(ctx: CliContext, clusterName: string, flags: UpdateFlags, kubeconfig?: KubeconfigExport): Promise<void> {
  const store = await openClusterStore(ctx);
  const result = await updateCluster(store, clusterName, {
    ...flags,
    env: ctx.env,
    clock: ctx.clock,
    print: (text) => ctx.stdout.write(text),
    log: (line) => ctx.stderr.write(line + '\n'),
  });
  for (const name of result.prepared.update.createdKeysets) ctx.log(1, `created keyset ${name}`);
  if (result.out) {
    ctx.stdout.write(`Terraform configuration for ${clusterName} written to ${result.out}\nRun: cd ${result.out} && terraform init && terraform apply\n`);
    return;
  }
  if (!flags.yes) {
    if (result.changes) ctx.stdout.write(`\nMust specify --yes to apply changes\n`);
    return;
  }
  if (kubeconfig) await exportClusterKubeconfig(ctx, clusterName, kubeconfig);
  ctx.stdout.write(
    `\nCluster is starting. It should be ready in a few minutes.\n\nSuggestions:\n` +
      ` * validate cluster: kops validate cluster --wait 10m\n` +
      ` * list nodes: kubectl get nodes --show-labels\n` +
      ` * the admin user is specific to Debian/Ubuntu images: ssh -i ~/.ssh/id_rsa ubuntu@api.${clusterName}\n`,
  );
}
