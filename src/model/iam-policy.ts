import type { ModelContext } from './context.js';

export type NodeRole = 'master' | 'apiserver' | 'node' | 'bastion';

export function nodeRolePolicy(_m: ModelContext, _role: NodeRole): string | undefined {
  return undefined;
}
