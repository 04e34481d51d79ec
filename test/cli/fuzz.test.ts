/**
 * Bad input never crashes kops: seeded mutations of the golden Cluster/InstanceGroup inputs go through decoding,
 * validation and `create -f` / `replace -f` in-process on a memfs:// store. Each one either is stored as a valid
 * object, or fails with one clear error line (and an optional hint) having written nothing.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import { runCli } from '../../src/cli/run.js';
import { UserError } from '../../src/errors.js';
import { ClusterStore } from '../../src/statestore/clientset.js';
import { openVfs, resetMemfs } from '../../src/statestore/index.js';
import { sharedDir } from '../helpers/cli.js';
import { seededRandom } from '../helpers/fault-proxy.js';

const CASES = 1200;
const SEED = Number(process.env.KOPS_FUZZ_SEED ?? 20261206);
const conformance = join(sharedDir, 'kops-reference/conformance');

/** The golden inputs: every update_cluster case's in-v1alpha2.yaml and create_cluster's expected output. */
function goldenInputs(): Array<{ name: string; text: string }> {
  const inputs: Array<{ name: string; text: string }> = [];
  for (const [suite, file] of [
    ['update_cluster', 'in-v1alpha2.yaml'],
    ['create_cluster', 'expected-v1alpha2.yaml'],
  ]) {
    for (const name of readdirSync(join(conformance, suite)).sort()) {
      const path = join(conformance, suite, name, file);
      if (existsSync(path)) inputs.push({ name: `${suite}/${name}`, text: readFileSync(path, 'utf8') });
    }
  }
  return inputs;
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const ODD_SCALARS: readonly unknown[] = [
  null, true, false, 0, -1, 1.5, 2 ** 63, -(2 ** 53), 1e308, '', ' ', 'x'.repeat(5000), '10.0.0.0/33', '256.1.1.1', 'ünïcødé ☃',
  '${HOME}', '!!binary', '- a', '{a: 1}', 'null', 'yes', '0x1F', '1e3', 'us-east-1z', '-', '../../etc/passwd', 'a/b', 'UPPER.CASE',
];
const ODD_KEYS = ['unknownField', 'spec', 'metadata', 'kind', '', ' ', 'x.y', 'name', 'replicas', '0'];

/** Every node of a document with the path to it, so one can be picked at random. */
function nodesOf(doc: Document): Array<{ parent: YamlNode | undefined; key: unknown; node: YamlNode }> {
  const found: Array<{ parent: YamlNode | undefined; key: unknown; node: YamlNode }> = [];
  const walk = (node: YamlNode, parent: YamlNode | undefined, key: unknown) => {
    found.push({ parent, key, node });
    if (isMap(node)) for (const pair of node.items) if (pair.value && typeof pair.value === 'object') walk(pair.value as YamlNode, node, isScalar(pair.key) ? pair.key.value : pair.key);
    if (isSeq(node)) node.items.forEach((item, i) => item && typeof item === 'object' && walk(item as YamlNode, node, i));
  };
  if (doc.contents) walk(doc.contents as YamlNode, undefined, undefined);
  return found;
}

/** One structural change at a random place of one document. */
function mutateStructure(doc: Document, random: Random): string {
  const { parent, key, node } = pick(random, nodesOf(doc));
  const odd = () => doc.createNode(pick(random, ODD_SCALARS));
  const move = pick(random, ['delete', 'scalar', 'list', 'map', 'unknown-key', 'duplicate-item', 'empty-list', 'wrap'] as const);
  const replace = (value: unknown) => {
    if (parent && (isMap(parent) || isSeq(parent))) parent.set(key as never, value);
    else doc.contents = doc.createNode(value) as never;
  };
  switch (move) {
    case 'delete':
      if (parent && (isMap(parent) || isSeq(parent))) parent.delete(key as never);
      else doc.contents = null;
      break;
    case 'scalar':
      if (isMap(node) && node.items.length > 0) node.set(pick(random, node.items).key as never, odd());
      else replace(odd());
      break;
    case 'list':
      replace([pick(random, ODD_SCALARS), { [pick(random, ODD_KEYS)]: pick(random, ODD_SCALARS) }]);
      break;
    case 'map':
      replace({ [pick(random, ODD_KEYS)]: pick(random, ODD_SCALARS) });
      break;
    case 'unknown-key':
      if (isMap(node)) node.set(pick(random, ODD_KEYS), odd());
      else replace(odd());
      break;
    case 'duplicate-item':
      if (isSeq(node) && node.items.length > 0) node.items.push(doc.createNode(JSON.parse(JSON.stringify(pick(random, node.items)))) as never);
      else replace(odd());
      break;
    case 'empty-list':
      replace([]);
      break;
    case 'wrap':
      replace([node.toJSON()]);
      break;
  }
  return move;
}

/** One change to the text itself: what a bad paste or a truncated file does. */
function mutateText(text: string, random: Random): { text: string; move: string } {
  const at = Math.floor(random() * text.length);
  const lines = text.split('\n');
  const line = Math.floor(random() * lines.length);
  const move = pick(random, ['truncate', 'insert-char', 'indent', 'tab', 'drop-line', 'swap-lines', 'dup-line', 'bom-and-crlf'] as const);
  switch (move) {
    case 'truncate':
      return { move, text: text.slice(0, at) };
    case 'insert-char':
      return { move, text: text.slice(0, at) + pick(random, [':', '-', '{', '[', '"', "'", '&a', '*a', '!', '%', '#', '|', '>', '\0', '\u2028']) + text.slice(at) };
    case 'indent':
      lines[line] = ' ' + lines[line];
      return { move, text: lines.join('\n') };
    case 'tab':
      lines[line] = '\t' + lines[line];
      return { move, text: lines.join('\n') };
    case 'drop-line':
      lines.splice(line, 1);
      return { move, text: lines.join('\n') };
    case 'swap-lines': {
      const other = Math.floor(random() * lines.length);
      [lines[line], lines[other]] = [lines[other], lines[line]];
      return { move, text: lines.join('\n') };
    }
    case 'dup-line':
      lines.splice(line, 0, lines[line]);
      return { move, text: lines.join('\n') };
    case 'bom-and-crlf':
      return { move, text: '\ufeff' + text.replace(/\n/g, '\r\n') };
  }
}

function mutate(text: string, random: Random): { text: string; move: string } {
  if (random() < 0.3) return mutateText(text, random);
  const docs = parseAllDocuments(text) as Document[];
  const doc = pick(random, docs);
  const moves = [mutateStructure(doc, random)];
  // Sometimes two changes at once.
  if (random() < 0.25) moves.push(mutateStructure(pick(random, docs), random));
  return { move: moves.join('+'), text: docs.map((d) => d.toString()).join('---\n') };
}

async function snapshot(url: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const path of await openVfs(url).readTree()) files.set(path.url, (await path.read()).toString('base64'));
  return files;
}

interface Outcome {
  kind: 'stored' | 'refused' | 'crashed';
  detail: string;
}

async function runInProcess(argv: string[], input: string, store: string): Promise<Outcome> {
  let stderr = '';
  try {
    const code = await runCli(argv, {
      stdout: { write: () => undefined },
      stderr: { write: (t) => void (stderr += t) },
      env: { KOPS_STATE_STORE: store, HOME: '/nonexistent' },
      clock: () => new Date('2026-12-06T00:00:00Z'),
      readStdin: async () => input,
    });
    return code === 0 ? { kind: 'stored', detail: stderr } : { kind: 'refused', detail: `exit ${code} without an error: ${stderr}` };
  } catch (err) {
    if (err instanceof UserError) return { kind: 'refused', detail: [err.message, err.hint].filter(Boolean).join('\n') };
    return { kind: 'crashed', detail: err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err) };
  }
}

/** A clear error: one line saying what is wrong (where), optionally one line of hint; no stack, no JS internals. */
function unclearError(message: string): string | undefined {
  const lines = message.split('\n');
  if (lines.length > 2 || !lines[0].trim()) return 'not one line';
  if (/^\s+at |TypeError|ReferenceError|RangeError|Cannot read propert|is not a function|undefined is not|\[object Object\]/.test(message)) return 'JavaScript internals';
  if (lines[0].length > 600) return 'longer than 600 characters';
  return undefined;
}

test(`${CASES} seeded mutations of the golden inputs: a valid object or one clear error, never a crash, and nothing written on error`, async () => {
  const inputs = goldenInputs();
  expect(inputs.length).toBeGreaterThan(50);
  const random = seededRandom(SEED);
  const problems: string[] = [];
  const tally = { stored: 0, refused: 0 };
  for (let i = 0; i < CASES; i++) {
    resetMemfs();
    const input = pick(random, inputs);
    const { text, move } = mutate(input.text, random);
    const verb = random() < 0.5 ? 'create' : 'replace';
    const store = `memfs://fuzz/case-${i}`;
    if (verb === 'replace') {
      const seeded = await runInProcess(['create', '-f', '-'], input.text, store);
      if (seeded.kind !== 'stored') continue;
    }
    const before = await snapshot(store);
    const outcome = await runInProcess([verb, '-f', '-', ...(verb === 'replace' ? ['--force'] : [])], text, store);
    const label = `case ${i} (seed ${SEED}, ${verb} -f of mutated ${input.name}, ${move})`;
    if (outcome.kind === 'crashed') problems.push(`${label}: crashed: ${outcome.detail.split('\n').slice(0, 4).join(' | ')}`);
    if (outcome.kind === 'refused') {
      const unclear = unclearError(outcome.detail);
      if (unclear) problems.push(`${label}: ${unclear}: ${outcome.detail.slice(0, 300)}`);
      const after = await snapshot(store);
      if (JSON.stringify([...after]) !== JSON.stringify([...before])) problems.push(`${label}: refused but the store changed`);
    }
    if (outcome.kind === 'stored') {
      // What was stored reads back as valid objects.
      const clusters = new ClusterStore(openVfs(store));
      for (const name of await clusters.listClusters()) {
        try {
          await clusters.requireCluster(name);
          await clusters.listInstanceGroups(name);
        } catch (err) {
          problems.push(`${label}: stored, but does not read back: ${(err as Error).message.split('\n')[0]}`);
        }
      }
    }
    tally[outcome.kind === 'stored' ? 'stored' : 'refused']++;
  }
  resetMemfs();
  expect(problems.slice(0, 15)).toEqual([]);
  // The mutations must reach both outcomes for the test to mean anything.
  expect(tally.refused).toBeGreaterThan(CASES / 4);
  expect(tally.stored).toBeGreaterThan(20);
}, 240_000);
