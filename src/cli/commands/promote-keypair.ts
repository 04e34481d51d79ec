import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openClusterPki } from '../cluster-pki.js';
import { rotatableKeysets } from './keypair-targets.js';
import { withCliLocks } from '../lock.js';

/** `kops promote keypair {KEYSET [ID] | all}`: the newest trusted keypair (or the given one) becomes primary. */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 1, 2, 'a keyset name (and optionally a keypair id) or "all"');
  return withCliLocks(ctx, inv, [await ctx.clusterName()], async () => {
    const pki = await openClusterPki(ctx);
    const [target, id] = inv.args;
    if (target === 'all' && id) throw new UserError('an id cannot be given with "all"');
    const names = target === 'all' ? await rotatableKeysets(pki.keystore) : [target];
    for (const name of names) {
      const promoted = id ? await pki.keystore.setPrimary(name, id) : await pki.keystore.promote(name);
      ctx.stdout.write(`Promoted keypair ${promoted.id} in keyset ${name}\n`);
    }
  });
}
