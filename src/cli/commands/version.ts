import { KOPS_COMPAT_VERSION, KOPS_TS_VERSION } from '../../version.js';
import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';

export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  if (inv.bool('server')) {
    ctx.stderr.write('not implemented yet: kops version --server\n');
    return 2;
  }
  ctx.stdout.write(inv.bool('short') ? `${KOPS_TS_VERSION}\n` : `Client version: ${KOPS_TS_VERSION} (kops-compatible ${KOPS_COMPAT_VERSION})\n`);
}
