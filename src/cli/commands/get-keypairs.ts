import { parseCertificate } from '../../pki/certificates.js';
import { sortedItems } from '../../pki/keyset.js';
import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { parseOutputFormat, renderTable } from '../output.js';
import { openClusterPki } from '../cluster-pki.js';
import { stringify } from 'yaml';

/** `kops get keypairs [KEYSET]...`: the keypairs of the cluster's keysets; never their private keys. */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  const format = parseOutputFormat(inv.string('output'));
  const pki = await openClusterPki(ctx);
  const names = inv.args.length ? inv.args : await pki.keystore.list();
  const rows = [];
  for (const name of names) {
    const keyset = await pki.keystore.get(name);
    for (const item of sortedItems(keyset)) {
      if (item.distrustTimestamp && !inv.bool('distrusted')) continue;
      const cert = parseCertificate(item.certificatePem);
      rows.push({
        keyset: name,
        id: item.id,
        primary: item.id === keyset.primaryId,
        subject: cert.subject,
        notAfter: cert.notAfter.toISOString(),
        ...(item.distrustTimestamp ? { distrustTimestamp: item.distrustTimestamp } : {}),
        hasPrivateKey: Boolean(item.privateKeyPem),
      });
    }
  }
  if (format === 'json') ctx.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else if (format === 'yaml') ctx.stdout.write(stringify(rows));
  else
    ctx.stdout.write(
      renderTable(
        ['KEYSET', 'ID', 'PRIMARY', 'DISTRUSTED'],
        rows.map((r) => [r.keyset, r.id, r.primary ? '*' : '', r.distrustTimestamp ?? '']),
      ),
    );
}
