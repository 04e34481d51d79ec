import { UserError } from '../../errors.js';
import { parseLifecycleOverrides } from '../../engine/lifecycle.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { prepareClusterUpdate, type Phase } from '../cluster-update.js';
import { openClusterStore } from '../store.js';
import { selectInstanceGroups } from '../../ops/operate/select.js';
import { limitToInstanceGroups } from '../../ops/update/instance-group-filter.js';
import { withCliLocks } from '../lock.js';

const PHASES: readonly Phase[] = ['network', 'security', 'cluster'];

/**
 * `kops update cluster [CLUSTER] [--yes] [--target direct|terraform] [--out DIR]`: turns the cluster spec into cloud
 * objects. Without --yes (direct target) it prints the plan and changes nothing.
 */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  const target = inv.string('target');
  if (target !== 'direct' && target !== 'terraform') throw new UserError(`--target: unknown target "${target}"`, 'use --target direct or --target terraform');
  const phase = inv.string('phase') || undefined;
  if (phase && !PHASES.includes(phase as Phase)) throw new UserError(`--phase: unknown phase "${phase}"`, `use one of ${PHASES.join(', ')}`);
  const yes = inv.bool('yes');
  const lifecycleOverrides = parseLifecycleOverrides(inv.strings('lifecycle-overrides'));
  return withCliLocks(ctx, inv, yes || target === 'terraform' ? [await ctx.clusterName(inv.args[0])] : [], async () => {
    const { update, cloud, region, google, opened } = await prepareClusterUpdate(ctx, inv.args[0], {
      persistKeysets: yes || target === 'terraform',
      lifecycleOverrides: Object.fromEntries(lifecycleOverrides),
      phase: phase as Phase | undefined,
    });
    const names = inv.strings('instance-group');
    const roles = inv.strings('instance-group-roles');
    if (names.length > 0 || roles.length > 0) {
      const all = await (await openClusterStore(ctx)).listInstanceGroups(opened.clusterName);
      const selected = new Set(selectInstanceGroups(all, names, roles, opened.clusterName));
      update.tasks = limitToInstanceGroups(update.tasks, all.filter((ig) => !selected.has(ig)), opened.clusterName);
    }

    if (target === 'terraform') {
      const { renderTerraform } = await import('../../targets/terraform/render.js');
      const { writeTerraformOutput } = await import('../../targets/terraform/output-dir.js');
      const { openVfs } = await import('../../statestore/index.js');
      const out = inv.string('out') || 'out/terraform';
      const terraform = (update.completed.spec as { target?: { terraform?: Record<string, Record<string, string>> } }).target?.terraform;
      const rendered = await renderTerraform(update.tasks, {
        clusterName: opened.clusterName,
        region,
        google,
        providerExtraConfig: terraform?.providerExtraConfig,
        filesProviderExtraConfig: terraform?.filesProviderExtraConfig,
      });
      for (const w of rendered.storeWrites) await openVfs(w.location).write(w.contents);
      await writeTerraformOutput(out, rendered.files);
      ctx.stdout.write(`Terraform configuration for ${opened.clusterName} written to ${out}\nRun: cd ${out} && terraform init && terraform apply\n`);
      return;
    }

    if (!cloud) throw new UserError(`update cluster: applying directly is not supported for ${google ? 'GCE' : 'this cloud'} yet`, 'use --target terraform and apply the output with terraform');
    const { updateDirect } = await import('../../targets/direct/apply.js');
    const result = await updateDirect(update.tasks, {
      provider: cloud.direct(),
      yes,
      lifecycleOverrides,
      out: (text) => ctx.stdout.write(text),
      log: (line) => ctx.stderr.write(line + '\n'),
    });
    if (!yes) {
      if (result.outcomes.some((o) => o.action === 'create' || o.action === 'update')) ctx.stdout.write(`\nMust specify --yes to apply changes\n`);
      return;
    }
    await (await openClusterStore(ctx)).writeCompletedSpec(update.completed as never);
    if (inv.bool('create-kube-config') || inv.isSet('admin') || inv.string('user') || inv.bool('internal')) {
      const { exportClusterKubeconfig, kubeconfigOptions } = await import('./export-kubeconfig.js');
      await exportClusterKubeconfig(ctx, opened.clusterName, kubeconfigOptions(inv));
    }
    ctx.stdout.write(
      `\nCluster is starting. It should be ready in a few minutes.\n\nSuggestions:\n` +
        ` * validate cluster: kops validate cluster --wait 10m\n` +
        ` * list nodes: kubectl get nodes --show-labels\n` +
        ` * the admin user is specific to Debian/Ubuntu images: ssh -i ~/.ssh/id_rsa ubuntu@api.${opened.clusterName}\n`,
    );
  });
}
