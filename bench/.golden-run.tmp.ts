import { buildAwsModel } from '../src/model/aws.js';
import { renderTerraform } from '../src/targets/terraform/render.js';
import { awsCases, loadGoldenInputs } from '../test/model/golden-fixture.js';
import { compareBlocks } from '../test/targets/terraform/blocks.js';
const only = process.argv[2];
const verbose = process.argv[3];
let sum = 0, n = 0;
for (const c of awsCases()) {
  if (only && only !== 'all' && c !== only) continue;
  try {
    const g = loadGoldenInputs(c);
    const tasks = buildAwsModel(g.cluster, g.instanceGroups, g.ctx);
    const out = await renderTerraform(tasks, { clusterName: g.cluster.metadata.name, region: g.ctx.region });
    const cmp = compareBlocks(out.files.get('kubernetes.tf')!, g.expectedTf);
    const share = cmp.matching / cmp.expected; sum += share; n++;
    let dataOk = 0; for (const [k, v] of g.expectedData) if (out.files.get('data/' + k)?.trim() === v.trim()) dataOk++;
    console.log(`${c}: blocks ${cmp.matching}/${cmp.expected} data ${dataOk}/${g.expectedData.size}`);
    if (verbose) {
      console.log('  missing:', cmp.missing.join('\n    '));
      console.log('  extra:', cmp.extra.join('\n    '));
      console.log('  differ:', cmp.differing.join('\n    '));
      console.log('  first:', cmp.firstDifference);
      if (verbose === 'dump') console.log(out.files.get('kubernetes.tf'));
    }
  } catch (e) { console.log(`${c}: ERROR ${(e as Error).stack?.split('\n').slice(0,3).join(' ')}`); n++; }
}
console.log('mean', (sum / n).toFixed(3));
