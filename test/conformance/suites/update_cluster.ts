import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Suite } from '../suite.js';
import { caseDirs } from './cases.js';

export const updateClusterSuite: Suite = {
  name: 'update_cluster',
  async run(suiteDir) {
    return {
      cases: caseDirs(suiteDir)
        .filter((c) => existsSync(join(suiteDir, c, 'kubernetes.tf')) || existsSync(join(suiteDir, c, 'network-kubernetes.tf')))
        .map((c) => ({ id: `update_cluster/${c}`, outcome: 'differ' as const, reason: 'terraform target not built yet' })),
    };
  },
};
