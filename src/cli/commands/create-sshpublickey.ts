import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openClusterPki } from '../cluster-pki.js';
import { withCliLocks } from '../lock.js';

/** `kops create sshpublickey [CLUSTER] -i FILE`: the `admin` SSH key put on instances (default ~/.ssh/id_rsa.pub). */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  return withCliLocks(ctx, inv, [await ctx.clusterName(inv.args[0])], async () => {
    const file = (inv.string('ssh-public-key') || '~/.ssh/id_rsa.pub').replace(/^~(?=\/)/, ctx.env.HOME ?? homedir());
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new UserError(`-i: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'pass the public key file with -i');
    }
    const pki = await openClusterPki(ctx, inv.args[0]);
    const key = await pki.sshKeys.add('admin', text, file);
    ctx.stdout.write(`Stored SSH public key ${key.id} for cluster ${pki.clusterName}\n`);
  });
}
