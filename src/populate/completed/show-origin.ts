import { type Node, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { type FieldPath, type OriginMap, describeOrigin } from '../origin.js';

/**
 * Adds a trailing `# <origin>` comment to every value of an encoded object (YAML text as `encodeObject` writes it).
 * Values without a recorded origin are left without a comment.
 */
export function annotateWithOrigins(yamlText: string, origins: OriginMap): string {
  const doc = parseDocument(yamlText, { version: '1.1' });
  const visit = (node: unknown, path: FieldPath): void => {
    if (isMap(node) || isSeq(node)) {
      if (node.items.length === 0 || node.flow) return comment(node, path);
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
          visit(pair.value, [...path, key]);
        }
      } else {
        node.items.forEach((item, i) => visit(item, [...path, i]));
      }
    } else if (isScalar(node)) {
      comment(node, path);
    }
  };
  const comment = (node: Node, path: FieldPath): void => {
    const origin = origins.get(path);
    if (origin) node.comment = ` ${describeOrigin(origin)}`;
  };
  visit(doc.contents, []);
  return doc.toString({ indentSeq: false, lineWidth: 0, minContentWidth: 0 });
}
