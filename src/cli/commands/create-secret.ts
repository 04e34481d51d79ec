import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openClusterPki } from '../cluster-pki.js';
import { withCliLocks } from '../lock.js';

/** Each secret kind: its name in the state store and the check its content must pass. */
const KINDS: Record<string, { check(text: string): string | undefined }> = {
  dockerconfig: {
    check(text) {
      try {
        const parsed = JSON.parse(text);
        return parsed && typeof parsed === 'object' ? undefined : 'not a JSON object';
      } catch (err) {
        return `not valid JSON (${(err as Error).message})`;
      }
    },
  },
  encryptionconfig: {
    check(text) {
      try {
        const parsed = parse(text);
        return parsed?.kind === 'EncryptionConfiguration' ? undefined : 'not an EncryptionConfiguration (kind: EncryptionConfiguration)';
      } catch (err) {
        return `not valid YAML (${(err as Error).message.split('\n')[0]})`;
      }
    },
  },
  ciliumpassword: {
    check(text) {
      try {
        const parsed = parse(text);
        return parsed && typeof parsed === 'object' && 'keys' in parsed ? undefined : 'not a Cilium IPsec secret (a YAML map with "keys")';
      } catch (err) {
        return `not valid YAML (${(err as Error).message.split('\n')[0]})`;
      }
    },
  },
};

/** `kops create secret {dockerconfig|encryptionconfig|ciliumpassword} [CLUSTER] -f FILE [--force]`. */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  return withCliLocks(ctx, inv, [await ctx.clusterName(inv.args[0])], async () => {
    const kind = inv.path[inv.path.length - 1];
    const spec = KINDS[kind];
    const file = inv.string('filename');
    if (!file) throw new UserError(`${inv.commandPath}: --filename (-f) is required`, 'pass the file, or - for standard input');
    let text: string;
    try {
      text = file === '-' ? await ctx.readStdin() : await readFile(file, 'utf8');
    } catch (err) {
      throw new UserError(`-f: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const problem = spec.check(text);
    if (problem) throw new UserError(`${file}: ${problem}`);
    const pki = await openClusterPki(ctx, inv.args[0]);
    await pki.secrets.put(kind, Buffer.from(text), { replace: inv.bool('force') });
    ctx.stdout.write(`Stored secret ${kind} for cluster ${pki.clusterName}\n`);
  });
}
