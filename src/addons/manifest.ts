import { toGoYaml } from '../apis/go/yaml.js';
import { loadYaml11 } from './yaml-1.1.js';

type Data = Record<string, unknown>;

/** Labels kops puts on every top-level object of an add-on, so that channels can find and prune them. */
export function addonLabels(addonName: string): Record<string, string> {
  return { 'addon.kops.k8s.io/name': addonName, 'app.kubernetes.io/managed-by': 'kops' };
}

/**
 * Parses a rendered template into its objects as kops does: the text is cut at each `\n---\n` and every section read
 * on its own (so a block scalar that ends a section keeps no final line break); empty sections are dropped.
 */
export function parseManifest(text: string): Data[] {
  return text
    .replaceAll('\r\n', '\n')
    .split('\n---\n')
    .map((section) => {
      try {
        return loadYaml11(/\n[ \t]*$/.test(section) ? section : stripFinalBlockBreak(section)) as Data | null;
      } catch (err) {
        throw new Error(`add-on manifest: ${(err as Error).message.split('\n')[0]}`);
      }
    })
    .filter((obj): obj is Data => obj !== null && typeof obj === 'object');
}

/** A block scalar header: indentation, sequence dashes, an optional key, then `|` or `>` with its indicators. */
const BLOCK_HEADER = /^(\s*(?:-\s+)*(?:(?:"[^"]*"|'[^']*'|[^\s#'"-][^#]*?)\s*:\s+)?[|>][1-9]?)([+-]?)([1-9]?\s*(?:#.*)?)$/;

const indentOf = (line: string) => line.length - line.trimStart().length;

/**
 * Go's YAML reader gives a clipped block scalar whose last line ends the input (no line break after it) no final
 * line break, where the JavaScript readers add one: such a scalar at the end of a section is read as stripped.
 */
function stripFinalBlockBreak(section: string): string {
  const lines = section.split('\n');
  const last = lines.length - 1;
  if (lines[last].trim() === '') return section;
  // Up from the last line: the block's header is the first line less indented than every content line below it.
  let contentIndent = indentOf(lines[last]);
  for (let i = last - 1; i >= 0; i--) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const indent = indentOf(line);
    if (indent >= contentIndent) continue;
    const header = BLOCK_HEADER.exec(line);
    if (header) {
      if (header[2] !== '') return section;
      lines[i] = `${header[1]}-${header[3]}`;
      return lines.join('\n');
    }
    contentIndent = indent;
  }
  return section;
}

/** Workloads whose pod template kops labels as its own. */
function hasPodTemplate(obj: Data): boolean {
  return obj.apiVersion === 'apps/v1' && (obj.kind === 'Deployment' || obj.kind === 'DaemonSet');
}

/** The labels of an object plus the add-on's: kops's own, and the channel selector's (which must not conflict). */
function withAddonLabels(obj: Data, addonName: string, selector: Record<string, string>): Data {
  const labels = { ...((((obj.metadata ?? {}) as Data).labels as Record<string, string> | undefined) ?? {}), ...addonLabels(addonName) };
  for (const [key, value] of Object.entries(selector)) {
    if (key in labels && labels[key] !== value) {
      throw new Error(`add-on ${addonName}: label ${JSON.stringify(key)} already set to ${JSON.stringify(labels[key])} while it should be ${JSON.stringify(value)}`);
    }
    labels[key] = value;
  }
  return labels;
}

/**
 * The objects as the Go kops stores them: labelled (kops's labels, the channel selector's, and the pod templates of
 * workloads), keys sorted, documents joined by a blank-line `---`, and no final newline (the channel's
 * manifestHash is over exactly this text).
 */
export function serializeManifest(addonName: string, objects: Data[], selector: Record<string, string>): string {
  return objects
    .map((obj) => {
      // kops re-reads metadata as a typed ObjectMeta: null fields (a template's `creationTimestamp: null`) drop out.
      const metadata = Object.entries((obj.metadata ?? {}) as Data).filter(([, v]) => v !== null);
      obj.metadata = { ...Object.fromEntries(metadata), labels: withAddonLabels(obj, addonName, selector) };
      const template = (obj.spec as Data | undefined)?.template as Data | undefined;
      if (hasPodTemplate(obj) && template) {
        const podMeta = Object.fromEntries(Object.entries((template.metadata ?? {}) as Data).filter(([, v]) => v !== null));
        template.metadata = { ...podMeta, labels: { ...((podMeta.labels as Data | undefined) ?? {}), 'kops.k8s.io/managed-by': 'kops' } };
      }
      return toGoYaml(obj);
    })
    .join('\n---\n\n')
    .replace(/\n$/, '');
}
