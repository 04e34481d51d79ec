import { UserError } from '../errors.js';
import type { KubeApi, KubeNode } from '../ops/kube.js';
import { validateRetryMillis, VALIDATE_SUCCESS_MILLIS, type RollOptions } from '../ops/operate/rolling-update.js';
import type { KubeAccess } from '../ops/operate/access.js';
import { openOperatedCluster as openOperated, type OperatedCluster } from '../ops/operate/operated-cluster.js';
import type { CliContext } from './context.js';
import type { Invocation } from './invocation.js';
import { openClusterStore } from './store.js';

/** The Kubernetes API flags shared by the operating commands (--api-server, --use-kubeconfig, --kubeconfig, --admin). */
export function kubeAccessFlags(inv: Invocation, ctx: CliContext): KubeAccess {
  const has = (name: string) => inv.isSet(name);
  return {
    apiServer: has('api-server') ? inv.string('api-server') : undefined,
    useKubeconfig: has('use-kubeconfig') && inv.bool('use-kubeconfig'),
    kubeconfig: (has('kubeconfig') ? inv.string('kubeconfig') : '') || ctx.env.KUBECONFIG?.split(':')[0] || undefined,
    adminMillis: has('admin') ? inv.number('admin') : undefined,
  };
}

/** The roll settings `rolling-update cluster` and `delete instance` share, from their flags. */
export function rollFlags(inv: Invocation): Pick<
  RollOptions,
  'failOnDrainError' | 'failOnValidate' | 'postDrainDelayMillis' | 'validationTimeoutMillis' | 'validateCount' | 'validateRetryMillis' | 'validateSuccessMillis'
> {
  return {
    failOnDrainError: inv.bool('fail-on-drain-error'),
    failOnValidate: inv.bool('fail-on-validate-error'),
    postDrainDelayMillis: inv.number('post-drain-delay'),
    validationTimeoutMillis: inv.number('validation-timeout'),
    validateCount: inv.number('validate-count'),
    validateRetryMillis: validateRetryMillis(inv.number('validation-timeout')),
    validateSuccessMillis: VALIDATE_SUCCESS_MILLIS,
  };
}

/**
 * The cluster's Kubernetes API and nodes, unless --cloudonly; an API that does not answer is one error saying that
 * --cloudonly does `what` without it.
 */
export async function nodesUnlessCloudOnly(cluster: OperatedCluster, cloudOnly: boolean, what: string): Promise<{ kube?: KubeApi; nodes: KubeNode[] }> {
  if (cloudOnly) return { nodes: [] };
  try {
    const kube = await cluster.kube();
    return { kube, nodes: await kube.listNodes() };
  } catch (err) {
    throw new UserError((err as Error).message, `use --cloudonly to ${what} without confirming progress with the Kubernetes API`);
  }
}

export type { OperatedCluster } from '../ops/operate/operated-cluster.js';

/** A cluster to operate, with the Kubernetes API flags of the command (each overridable). */
export async function openOperatedCluster(ctx: CliContext, inv: Invocation, positional: string | undefined, override: Partial<KubeAccess> = {}): Promise<OperatedCluster> {
  return openOperated(await openClusterStore(ctx), await ctx.clusterName(positional), { ...kubeAccessFlags(inv, ctx), ...override }, { clock: ctx.clock });
}
