import { readFileSync } from 'node:fs';
import { baselineObjects, runOutput, withSamples } from './test/apis/fields/harness.js';
const specs = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Array<{ kind: string; at: string; sample: unknown; settings?: [string, unknown][]; ig?: string }>;
const base = await runOutput(baselineObjects());
for (const s of specs) {
  console.log(`=== ${s.kind} ${s.at} = ${JSON.stringify(s.sample)}`);
  let out: Map<string, string>;
  try {
    out = await runOutput(withSamples([{ class: 'effect', fragments: [], go: '', ...s } as never]));
  } catch (e) {
    console.log('  ERROR', (e as Error).message.split('\n')[0]);
    continue;
  }
  for (const [name, content] of out) {
    if (name.includes('cluster-completed.spec')) continue;
    const b = base.get(name);
    if (b === content) continue;
    if (b === undefined) { console.log(`  + new file ${name} (${content.length} bytes)`); continue; }
    const bl = new Set(b.split('\n')), cl = new Set(content.split('\n'));
    const added = content.split('\n').filter((l) => !bl.has(l)).slice(0, 12);
    const removed = b.split('\n').filter((l) => !cl.has(l)).slice(0, 6);
    console.log(`  ~ ${name}`);
    for (const l of removed) console.log(`    - ${l}`);
    for (const l of added) console.log(`    + ${l}`);
  }
  for (const name of base.keys()) if (!out.has(name)) console.log(`  - removed file ${name}`);
}
