import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openClusterPki } from '../cluster-pki.js';
import { withCliLocks } from '../lock.js';

/** `kops trust keypair KEYSET ID...`: trust distrusted keypairs again. */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 2, Infinity, 'a keyset name and keypair ids');
  return withCliLocks(ctx, inv, [await ctx.clusterName()], async () => {
    const pki = await openClusterPki(ctx);
    const [name, ...ids] = inv.args;
    await pki.keystore.trust(name, ids);
    ctx.stdout.write(`Trusted keypair(s) ${ids.join(', ')} in keyset ${name}\n`);
  });
}
