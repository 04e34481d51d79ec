import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { parseOutputFormat, renderTable } from '../output.js';
import { openClusterPki } from '../cluster-pki.js';

/**
 * `kops get secrets [NAME]...`: names only, unless `-o plaintext` asks for the values (printed one per line); values
 * never appear in table, YAML or JSON output.
 */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  const output = inv.string('output');
  const pki = await openClusterPki(ctx);
  const names = inv.args.length ? inv.args : await pki.secrets.list();
  if (output === 'plaintext') {
    for (const name of names) {
      const value = await pki.secrets.find(name);
      if (value === undefined) throw new UserError(`secret ${name} not found`, 'list secrets with `kops get secrets`');
      ctx.stdout.write(value.toString('utf8').replace(/\n?$/, '\n'));
    }
    return;
  }
  const format = parseOutputFormat(output, ['table', 'yaml', 'json']);
  for (const name of names) {
    if ((await pki.secrets.find(name)) === undefined) throw new UserError(`secret ${name} not found`, 'list secrets with `kops get secrets`');
  }
  const rows = names.map((name) => ({ name, type: 'Secret' }));
  if (format === 'json') ctx.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else if (format === 'yaml') ctx.stdout.write(rows.map((r) => `- name: ${r.name}\n  type: ${r.type}\n`).join(''));
  else ctx.stdout.write(renderTable(['NAME', 'TYPE'], rows.map((r) => [r.name, r.type])));
}
