import { parseAllDocuments } from 'yaml';
import { toGoYaml } from '../apis/go/yaml.js';

type Data = Record<string, unknown>;

/** Labels kops puts on every top-level object of an add-on, so that channels can find and prune them. */
export function addonLabels(addonName: string): Record<string, string> {
  return { 'addon.kops.k8s.io/name': addonName, 'app.kubernetes.io/managed-by': 'kops' };
}

/** Parses a rendered template into its objects (empty documents dropped). */
export function parseManifest(text: string): Data[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`add-on manifest: ${doc.errors[0].message}`);
      return doc.toJS() as Data | null;
    })
    .filter((obj): obj is Data => obj !== null && typeof obj === 'object');
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
        const podMeta = (template.metadata ?? {}) as Data;
        template.metadata = { ...podMeta, labels: { ...((podMeta.labels as Data | undefined) ?? {}), 'kops.k8s.io/managed-by': 'kops' } };
      }
      return toGoYaml(obj);
    })
    .join('\n---\n\n')
    .replace(/\n$/, '');
}
