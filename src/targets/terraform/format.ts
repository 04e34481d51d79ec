type Formatter = (text: string) => Promise<string>;

let formatter: Promise<Formatter> | undefined;

/** hclwrite's formatter (compiled to WASM); loaded on first use since start-up costs ~0.6 s. */
export async function formatHcl(text: string): Promise<string> {
  formatter ??= import('@cdktf/hcl-tools').then((m) => m.format as Formatter);
  return (await formatter)(text);
}
