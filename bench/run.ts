/**
 * `npm run bench`: one table of how kops performs, every figure next to its reference measured in the same run.
 *  - the golden minimal-aws, privatecalico and ha cases on moto: first apply, no-op re-run and delete, wall time and
 *    AWS requests, ours against terraform apply / plan / destroy of the golden kubernetes.tf (BENCH_TF=0 skips
 *    terraform, which takes minutes per case on moto); our no-op is the median of BENCH_NOOP_RUNS runs (default 3);
 *  - CLI start-up against `node -e 0`;
 *  - preview and terraform output for 1, 10, 100 and 500 instance groups: wall time and peak memory;
 *  - rolling-update preview at 10, 100 and 1,000 instances in 10 and 100 groups: wall time and AWS requests.
 * Benchmarks print figures; they never fail on timing. BENCH_CASES and BENCH_SIZES (comma lists, or none) narrow the run;
 * BENCH_BASELINE_KOPS=<an older build's dist/kops.js> times the instance-group rows with that build too, same state, same run.
 */
import { existsSync } from 'node:fs';
import { kopsBin, sharedDir } from '../test/helpers/cli.js';
import { motoServerBinary } from '../test/helpers/moto.js';
import { terraformAvailable, TF_PLUGIN_DIR } from '../test/helpers/terraform.js';
import { benchLifecycle, GOLDEN_CASES, type LifecycleResult, type Measured } from './lifecycle.js';
import { benchRolling } from './rolling.js';
import { benchScale } from './scale.js';
import { benchStartup } from './startup.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const list = (value: string | undefined, fallback: string[]) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : fallback);
const cases = process.env.BENCH_CASES === 'none' ? [] : list(process.env.BENCH_CASES, Object.keys(GOLDEN_CASES));
const sizes = process.env.BENCH_SIZES === 'none' ? [] : list(process.env.BENCH_SIZES, ['1', '10', '100', '500']).map(Number);

const needs: Array<[string, boolean]> = [
  ['dist/kops.js (npm run build)', existsSync(kopsBin)],
  ['moto_server on PATH', (() => { try { return !!motoServerBinary(); } catch { return false; } })()],
  [`${sharedDir}/kops-reference`, existsSync(`${sharedDir}/kops-reference`)],
];
for (const [what, ok] of needs) {
  if (!ok) {
    console.error(`npm run bench needs ${what}`);
    process.exit(1);
  }
}
const withTerraform = process.env.BENCH_TF !== '0' && terraformAvailable() && existsSync(TF_PLUGIN_DIR);
if (!withTerraform) console.error(`terraform reference skipped (${process.env.BENCH_TF === '0' ? 'BENCH_TF=0' : `needs terraform and ${TF_PLUGIN_DIR}`})`);

type Row = [what: string, ours: string, reference: string, ratio: string];
const rows: Row[] = [];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const cell = (m: Measured) => `${seconds(m.ms)}, ${m.calls} calls`;
const ratio = (ours: Measured, ref: Measured | undefined) =>
  ref ? `${(ref.ms / ours.ms).toFixed(1)}x faster, ${(ref.calls / ours.calls).toFixed(1)}x fewer calls` : '';

/** Each row also goes to stderr as soon as it is measured, so a long run shows its figures as it goes. */
const add = (row: Row) => {
  rows.push(row);
  process.stderr.write(`  ${row.filter(Boolean).join(' | ')}\n`);
};

for (const name of cases) {
  process.stderr.write(`lifecycle ${name}${withTerraform ? ' (with terraform reference)' : ''} ...\n`);
  let r: LifecycleResult;
  try {
    r = await benchLifecycle(name, withTerraform);
  } catch (err) {
    add([`${name}: not measured`, (err as Error).message.split('\n').slice(0, 3).join(' '), '', '']);
    continue;
  }
  const tf = r.terraform;
  const label = `${name} (ours ${r.ourResources} resources / ${r.ourTypes} types; golden ${r.goldenResources})`;
  add([`${label}: first apply`, cell(r.ours.apply), tf ? `terraform apply ${cell(tf.apply)}` : '-', ratio(r.ours.apply, tf?.apply)]);
  add([`${name}: no-op re-run (${(r.ours.noOp.calls / r.ourTypes).toFixed(2)} calls per declared type)`, cell(r.ours.noOp), tf ? `terraform plan ${cell(tf.plan)}` : '-', ratio(r.ours.noOp, tf?.plan)]);
  add([`${name}: delete`, cell(r.ours.delete), tf ? `terraform destroy ${cell(tf.destroy)}` : '-', ratio(r.ours.delete, tf?.destroy)]);
}

process.stderr.write('start-up ...\n');
const startup = benchStartup(Number(process.env.BENCH_ROUNDS ?? 21));
add(['start-up: kops version (median of runs)', `${startup.kopsMs.toFixed(0)} ms`, `node -e 0 ${startup.nodeMs.toFixed(0)} ms`, `${(startup.kopsMs / startup.nodeMs).toFixed(2)}x node -e 0`]);

process.stderr.write(`instance groups ${sizes.join(', ')} ...\n`);
const baselineBin = process.env.BENCH_BASELINE_KOPS;
const timing = (t: { ms: number; peakMb: number }) => `${seconds(t.ms)}, peak ${t.peakMb.toFixed(0)} MB`;
const against = (ours: { ms: number }, base: { ms: number; peakMb: number } | undefined) =>
  base ? [`${baselineBin} ${timing(base)}`, `${(ours.ms / base.ms).toFixed(2)}x its time`] : ['-', ''];
for (const s of sizes.length > 0 ? await benchScale(sizes, baselineBin) : []) {
  add([`${s.instanceGroups} instance groups: preview (update cluster)`, timing(s.preview), ...against(s.preview, s.baseline?.preview)] as Row);
  add([`${s.instanceGroups} instance groups: terraform output`, timing(s.terraform), ...against(s.terraform, s.baseline?.terraform)] as Row);
}

process.stderr.write('rolling-update preview ...\n');
for (const r of await benchRolling()) {
  const detail = Object.entries(r.byAction).sort().map(([a, n]) => `${a} ${n}`).join(', ');
  rows.push([`rolling-update preview: ${r.instances} instances in ${r.groups} groups`, `${seconds(r.ms)}, ${r.calls} calls`, detail, '']);
}

const header: Row = ['WHAT', 'OURS', 'REFERENCE (same run)', 'RATIO'];
const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i].length)));
const line = (r: Row) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
console.log(line(header));
for (const r of rows) console.log(line(r));
