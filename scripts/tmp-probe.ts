import { runOutput, withSamples, keystoreDir } from '../test/apis/fields/harness.js';
const [kind, at, sample, settings] = [process.argv[2], process.argv[3], JSON.parse(process.argv[4]), JSON.parse(process.argv[5] ?? '[]')];
const e = { class: 'effect', kind, at, sample, fragments: [], go: '', settings } as any;
const base = await runOutput(withSamples([{ ...e, at: 'metadata.labels.x', kind: 'Cluster', sample: 'y' }], 'gce'), keystoreDir(undefined, 'gce'));
const out = await runOutput(withSamples([e], 'gce'), keystoreDir(undefined, 'gce'));
for (const [name, content] of out) {
  if (name.includes('completed.spec')) continue;
  const b = base.get(name);
  if (b === content) continue;
  if (b === undefined) { console.log(`+++ new file ${name}`); continue; }
  const bl = new Set(b.split('\n'));
  const al = new Set(content.split('\n'));
  console.log(`--- ${name}`);
  for (const l of content.split('\n')) if (!bl.has(l)) console.log(`+ ${l.slice(0, 200)}`);
  for (const l of b.split('\n')) if (!al.has(l)) console.log(`- ${l.slice(0, 200)}`);
}
for (const name of base.keys()) if (!out.has(name)) console.log(`--- removed ${name}`);
