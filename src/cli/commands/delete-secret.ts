import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openClusterPki } from '../cluster-pki.js';
import { withCliLocks } from '../lock.js';

/** `kops delete secret NAME...`. */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 1, Infinity, 'secret names');
  return withCliLocks(ctx, inv, [await ctx.clusterName()], async () => {
    const pki = await openClusterPki(ctx);
    for (const name of inv.args) {
      await pki.secrets.remove(name);
      ctx.stdout.write(`Deleted secret ${name}\n`);
    }
  });
}
