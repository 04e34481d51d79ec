import { assetsYaml, collectAssets } from '../../ops/assets.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { parseOutputFormat, renderTable } from '../output.js';
import { prepareClusterUpdate } from '../cluster-update.js';
import { UserError } from '../../errors.js';

/** `kops get assets [CLUSTER]`: the release files (with sha256) and container images the cluster's nodes need. */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  if (inv.bool('copy')) throw new UserError('--copy is not supported yet', 'copy the listed files and images to your mirrors yourself');
  const format = parseOutputFormat(inv.string('output'));
  const { update } = await prepareClusterUpdate(ctx, inv.args[0], { persistKeysets: false });
  const assets = collectAssets(update.files, update.completed.spec);
  if (format === 'yaml') ctx.stdout.write(assetsYaml(assets));
  else if (format === 'json') ctx.stdout.write(JSON.stringify(assets, null, 2) + '\n');
  else {
    ctx.stdout.write(renderTable(['FILE', 'SHA256'], assets.files.map((f) => [f.canonical, f.sha])));
    ctx.stdout.write('\n' + renderTable(['IMAGE'], assets.images.map((i) => [i.canonical])));
  }
}
