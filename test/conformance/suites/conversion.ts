import type { Suite } from '../suite.js';
import { caseDirs } from './cases.js';

export const conversionSuite: Suite = {
  name: 'conversion',
  async run(suiteDir) {
    return {
      cases: caseDirs(suiteDir).map((c) => ({ id: `conversion/${c}`, outcome: 'differ' as const, reason: 'decoder not built yet' })),
    };
  },
};
