import { ManagedFile } from '../cloud/aws/resources/managed-file.js';
import type { Task } from '../engine/task.js';
import type { ModelContext } from './context.js';

/** State-store files as tasks: the bootstrap builder's files, each at its path under the cluster's configBase. */
export function buildManagedFiles(m: ModelContext): Task[] {
  const base = (m.spec.configBase ?? '').replace(/\/$/, '');
  return m.aws.files.map((f) => {
    const location = /^[a-z0-9]+:\/\//.test(f.path) ? f.path : `${(f.base ?? base).replace(/\/$/, '')}/${f.path}`;
    return ManagedFile.task(f.tfName, { location, contents: f.content });
  });
}
