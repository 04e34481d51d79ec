import { parseAllDocuments, visit, type Document } from 'yaml';
import { toGoYaml } from '../apis/go/yaml.js';

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
      // Go's YAML reader follows YAML 1.1 (`0400` is octal, `yes` a boolean).
      const [doc] = parseAllDocuments(section, { version: '1.1' });
      if (!doc) return null;
      if (doc.errors.length > 0) throw new Error(`add-on manifest: ${doc.errors[0].message}`);
      if (!/\n[ \t]*$/.test(section)) dropFinalLineBreak(doc, section);
      return doc.toJS() as Data | null;
    })
    .filter((obj): obj is Data => obj !== null && typeof obj === 'object');
}

/**
 * Go's YAML reader gives a clipped block scalar whose last line ends the input (no line break after it) no final line
 * break, where the JavaScript reader adds one: what a section cut just before `\n---\n` ends with.
 */
function dropFinalLineBreak(doc: Document, section: string): void {
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') || !node.range || node.range[1] < section.trimEnd().length) return;
      const header = /^[|>][0-9]*([+-]?)/.exec(section.slice(node.range[0]));
      if (header && header[1] === '' && typeof node.value === 'string') node.value = node.value.replace(/\n$/, '');
    },
  });
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
