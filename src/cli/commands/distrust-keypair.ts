import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openClusterPki } from '../cluster-pki.js';
import { rotatableKeysets } from './keypair-targets.js';
import { withCliLocks } from '../lock.js';

/** `kops distrust keypair {KEYSET [ID]... | all}`: without ids, every keypair older than the primary is distrusted. */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 1, Infinity, 'a keyset name (and optionally keypair ids) or "all"');
  return withCliLocks(ctx, inv, [await ctx.clusterName()], async () => {
    const pki = await openClusterPki(ctx);
    const [target, ...ids] = inv.args;
    const names = target === 'all' ? await rotatableKeysets(pki.keystore) : [target];
    for (const name of names) {
      const distrusted = await pki.keystore.distrust(name, target === 'all' ? [] : ids, ctx.clock());
      for (const id of distrusted) ctx.stdout.write(`Distrusted keypair ${id} in keyset ${name}\n`);
    }
  });
}
