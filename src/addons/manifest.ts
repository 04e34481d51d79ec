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

/**
 * The objects as the Go kops stores them: labelled, keys sorted, documents joined by a blank-line `---`, and no
 * final newline (the channel's manifestHash is over exactly this text).
 */
export function serializeManifest(addonName: string, objects: Data[]): string {
  return objects
    .map((obj) => {
      const metadata = (obj.metadata ?? {}) as Data;
      obj.metadata = { ...metadata, labels: { ...((metadata.labels as Data | undefined) ?? {}), ...addonLabels(addonName) } };
      return toGoYaml(obj);
    })
    .join('\n---\n\n')
    .replace(/\n$/, '');
}
