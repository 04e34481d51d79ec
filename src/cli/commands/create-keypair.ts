import { readFile } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openClusterPki } from '../cluster-pki.js';
import { rotatableKeysets } from './keypair-targets.js';
import { withCliLocks } from '../lock.js';

/** `kops create keypair {KEYSET | all} [--cert FILE --key FILE] [--primary]`: add a CA keypair (generated or imported). */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 1, 1, 'a keyset name or "all"');
  return withCliLocks(ctx, inv, [await ctx.clusterName()], async () => {
    const pki = await openClusterPki(ctx);
    const [target] = inv.args;
    const certFile = inv.string('cert');
    const keyFile = inv.string('key');
    if (keyFile && !certFile) throw new UserError('--key needs --cert', 'pass the CA certificate with --cert');
    if (target === 'all' && certFile) throw new UserError('--cert cannot be used with "all"', 'import a certificate into one named keyset');
    const readPem = async (file: string, flag: string) => {
      try {
        return await readFile(file, 'utf8');
      } catch (err) {
        throw new UserError(`--${flag}: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
    };
    const certificatePem = certFile ? await readPem(certFile, 'cert') : undefined;
    const privateKeyPem = keyFile ? await readPem(keyFile, 'key') : undefined;
    const targets = target === 'all' ? await rotatableKeysets(pki.keystore) : [target];
    for (const name of targets) {
      const item = await pki.keystore.addKeypair(name, { primary: inv.bool('primary'), certificatePem, privateKeyPem });
      ctx.stdout.write(`Added keypair ${item.id} to keyset ${name}${inv.bool('primary') ? ' as primary' : ''}\n`);
    }
  });
}
