import { Command } from 'commander';
import { KOPS_COMPAT_VERSION, KOPS_TS_VERSION } from '../version.js';

export function buildProgram(): Command {
  const program = new Command('kops').description('kops in TypeScript: manage Kubernetes clusters on AWS');
  program
    .command('version')
    .description('Print the version of this tool and the kops release it is compatible with')
    .action(() => {
      process.stdout.write(`Client version: ${KOPS_TS_VERSION} (kops-compatible ${KOPS_COMPAT_VERSION})\n`);
    });
  return program;
}
