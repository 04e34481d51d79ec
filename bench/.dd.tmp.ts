import { buildAwsModel } from '../src/model/aws.js';
import { renderTerraform } from '../src/targets/terraform/render.js';
import { loadGoldenInputs } from '../test/model/golden-fixture.js';
const g = loadGoldenInputs(process.argv[2]);
const out = await renderTerraform(buildAwsModel(g.cluster, g.instanceGroups, g.ctx), { clusterName: g.cluster.metadata.name, region: g.ctx.region });
for (const [k, v] of g.expectedData) { const a = out.files.get('data/' + k); if (a !== v) console.log(a === undefined ? 'MISSING' : 'DIFF', k, a && JSON.stringify(a.slice(-30)), JSON.stringify(v.slice(-30))); }
for (const k of out.files.keys()) if (k.startsWith('data/') && !g.expectedData.has(k.slice(5))) console.log('EXTRA', k);
