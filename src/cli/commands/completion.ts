import { completionScript, type Shell } from '../completion.js';
import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { commandTree, globalFlags } from '../tree.js';

export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  const shell = inv.path[inv.path.length - 1] as Shell;
  ctx.stdout.write(completionScript(shell, commandTree, globalFlags, !inv.bool('no-descriptions')));
}
