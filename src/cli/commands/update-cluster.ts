import { UserError } from '../../errors.js';
import { createAwsClients, verifyAwsAccess } from '../../cloud/aws/clients.js';
import { regionOfZone } from '../../cloud/aws/lookup.js';
import { sdkLookup } from '../../cloud/aws/lookup-sdk.js';
import { parseLifecycleOverrides } from '../../engine/lifecycle.js';
import { buildClusterUpdate } from '../../ops/update/pipeline.js';
import { resolveNodeup } from '../../ops/update/nodeup.js';
import { KOPS_COMPAT_VERSION } from '../../version.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openClusterPki } from '../cluster-pki.js';
import { openClusterStore } from '../store.js';

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
  for (const flag of ['instance-group', 'instance-group-roles']) {
    if (inv.isSet(flag)) throw new UserError(`--${flag} is not supported yet`, 'run the update for the whole cluster');
  }
  const yes = inv.bool('yes');
  const store = await openClusterStore(ctx);
  const pki = await openClusterPki(ctx, inv.args[0]);
  const region = clusterRegion(pki.cluster.spec as Record<string, unknown>, pki.clusterName);
  const aws = createAwsClients({ region });
  const identity = await verifyAwsAccess(aws);
  const partition = identity.arn.split(':')[1] || 'aws';
  const nodeup = await resolveNodeup(ctx.env, KOPS_COMPAT_VERSION, fetchText);
  const lifecycleOverrides = parseLifecycleOverrides(inv.strings('lifecycle-overrides'));
  const update = await buildClusterUpdate({
    store,
    clusterName: pki.clusterName,
    aws,
    lookup: sdkLookup(region),
    account: { accountId: identity.account, partition },
    keystore: pki.keystore,
    sshKeys: pki.sshKeys,
    nodeup,
    kopsVersion: KOPS_COMPAT_VERSION,
    persistKeysets: yes || target === 'terraform',
    lifecycleOverrides: Object.fromEntries(lifecycleOverrides),
    featureFlags: enabledFeatureFlags(ctx.env.KOPS_FEATURE_FLAGS),
    phase: phase as Phase | undefined,
  });
  for (const name of update.createdKeysets) ctx.log(1, `created keyset ${name}`);

  if (target === 'terraform') {
    const { renderTerraform } = await import('../../targets/terraform/render.js');
    const { writeTerraformOutput } = await import('../../targets/terraform/output-dir.js');
    const out = inv.string('out') || 'out/terraform';
    const rendered = await renderTerraform(update.tasks, { clusterName: pki.clusterName, region });
    const { openVfs } = await import('../../statestore/index.js');
    for (const w of rendered.storeWrites) await openVfs(w.location).write(w.contents);
    await writeTerraformOutput(out, rendered.files);
    ctx.stdout.write(`Terraform configuration for ${pki.clusterName} written to ${out}\nRun: cd ${out} && terraform init && terraform apply\n`);
    return;
  }

  const { updateDirect } = await import('../../targets/direct/apply.js');
  const result = await updateDirect(update.tasks, {
    aws,
    yes,
    lifecycleOverrides,
    out: (text) => ctx.stdout.write(text),
    log: (line) => ctx.stderr.write(line + '\n'),
    env: ctx.env,
  });
  if (!yes) {
    if (result.outcomes.some((o) => o.action === 'create' || o.action === 'update')) {
      ctx.stdout.write(`\nMust specify --yes to apply changes\n`);
    }
    return;
  }
  await store.writeCompletedSpec(update.completed as never);
  if (inv.bool('create-kube-config') || inv.isSet('admin') || inv.string('user') || inv.bool('internal')) {
    const { exportClusterKubeconfig, kubeconfigOptions } = await import('./export-kubeconfig.js');
    await exportClusterKubeconfig(ctx, pki.clusterName, kubeconfigOptions(inv));
  }
  ctx.stdout.write(
    `\nCluster is starting. It should be ready in a few minutes.\n\nSuggestions:\n` +
      ` * validate cluster: kops validate cluster --wait 10m\n` +
      ` * list nodes: kubectl get nodes --show-labels\n` +
      ` * the admin user is specific to Debian/Ubuntu images: ssh -i ~/.ssh/id_rsa ubuntu@api.${pki.clusterName}\n`,
  );
}

const PHASES = ['network', 'security', 'cluster'] as const;
type Phase = (typeof PHASES)[number];

/** KOPS_FEATURE_FLAGS as the Go kops reads it: comma separated, `+Flag` or `Flag` enables, `-Flag` disables. */
export function enabledFeatureFlags(value: string | undefined): string[] {
  const enabled = new Set<string>();
  for (const item of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (item.startsWith('-')) enabled.delete(item.slice(1));
    else enabled.add(item.replace(/^\+/, ''));
  }
  return [...enabled].sort();
}

/** The region of a cluster: that of its subnets' zones. */
function clusterRegion(spec: Record<string, unknown>, clusterName: string): string {
  const zones = ((spec.subnets as { zone?: string }[] | undefined) ?? []).map((s) => s.zone).filter((z): z is string => Boolean(z));
  if (zones.length === 0) throw new UserError(`cluster ${clusterName} spec.subnets: no subnet has a zone`, 'set spec.subnets[].zone so that the region is known');
  return regionOfZone(zones[0]);
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}
