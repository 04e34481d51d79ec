import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { CommandSpec, FlagSpec } from '../../src/cli/spec.js';
import { commandTree, globalFlags } from '../../src/cli/tree.js';
import { sharedDir } from '../helpers/cli.js';

const docsDir = join(sharedDir, 'kops-reference/docs/cli');

/** Command path and own option names (long, short) of each kops_*.md page of the Go kops reference. */
function documentedCommands(): Array<{ path: string[]; options: Array<{ long: string; short?: string; default?: string }> }> {
  return readdirSync(docsDir)
    .filter((f) => f.startsWith('kops') && f.endsWith('.md'))
    .map((file) => {
      const text = readFileSync(join(docsDir, file), 'utf8');
      const title = /^## (kops.*)$/m.exec(text)![1];
      const block = /### Options\n\n```\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
      const options = [...block.matchAll(/^\s+(?:-(\w), )?--([\w-]+).*?(?:\(default (?!is )"?([^")]*)"?\))?$/gm)]
        .map((m) => ({ short: m[1], long: m[2], default: m[3] }))
        .filter((o) => o.long !== 'help');
      return { path: title.split(' ').slice(1), options };
    });
}

function find(path: string[]): CommandSpec | undefined {
  let node: CommandSpec | undefined = commandTree;
  for (const word of path) node = node?.children?.find((c) => c.name === word);
  return node;
}

function flagsVisibleAt(path: string[]): FlagSpec[] {
  const chain: CommandSpec[] = [commandTree];
  for (const word of path) chain.push(chain[chain.length - 1].children!.find((c) => c.name === word)!);
  return [...globalFlags, ...chain.slice(0, -1).flatMap((c) => (c.flags ?? []).filter((f) => f.persistent)), ...(chain[chain.length - 1].flags ?? [])];
}

const documented = documentedCommands();

test('the reference documents the whole kops CLI (sanity check of this test)', () => {
  expect(documented.length).toBeGreaterThan(60);
  const rollingUpdate = documented.find((d) => d.path.join(' ') === 'rolling-update cluster')!;
  expect(rollingUpdate.options.find((o) => o.long === 'drain-timeout')?.default).toBe('15m0s');
  expect(rollingUpdate.options.find((o) => o.long === 'yes')).toEqual({ long: 'yes', short: 'y', default: undefined });
});

test.each(documented.map((d) => [d.path.join(' ') || '(root)', d] as const))('kops %s exists with every documented flag', (_, doc) => {
  const command = find(doc.path);
  expect(command, `command kops ${doc.path.join(' ')}`).toBeDefined();
  const flags = flagsVisibleAt(doc.path);
  for (const option of doc.options) {
    const flag = flags.find((f) => f.name === option.long);
    expect(flag, `--${option.long}`).toBeDefined();
    expect(flag!.short, `short form of --${option.long}`).toBe(option.short);
    expect(flag!.default, `default of --${option.long}`).toBe(option.default);
  }
});

test('every visible command we register is documented by kops (no invented commands)', () => {
  const known = new Set(documented.map((d) => d.path.join(' ')));
  const walk = (node: CommandSpec, path: string[]): string[] =>
    (node.children ?? []).filter((c) => !c.hidden).flatMap((c) => [[...path, c.name].join(' '), ...walk(c, [...path, c.name])]);
  expect(walk(commandTree, []).filter((p) => !known.has(p))).toEqual([]);
});
