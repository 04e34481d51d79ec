type Formatter = (text: string) => Promise<string>;

let formatter: Promise<Formatter> | undefined;

/** hclwrite's formatter (compiled to WASM); loaded on first use since start-up costs ~0.6 s. */
export async function formatHcl(text: string): Promise<string> {
  formatter ??= import('@cdktf/hcl-tools').then((m) => m.format as Formatter);
  return (await formatter)(text);
}

/** Blocks per formatter call: hclwrite's time grows faster than the text, and each call has a fixed cost. */
const BLOCKS_PER_CALL = 16;

/**
 * Formats top-level blocks and joins them with one blank line. Top-level blocks are aligned independently of each
 * other, so formatting them a few at a time gives the same bytes as formatting the whole file, in a fraction of the time.
 */
export async function formatBlocks(blocks: string[]): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < blocks.length; i += BLOCKS_PER_CALL) {
    parts.push((await formatHcl(blocks.slice(i, i + BLOCKS_PER_CALL).join('\n\n') + '\n')).trimEnd());
  }
  return parts.join('\n\n') + '\n';
}
