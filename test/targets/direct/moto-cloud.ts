import { createAwsClients, isReadOnlyCall, type AwsCall, type AwsClients } from '../../../src/cloud/aws/clients.js';
import { runTasks, type RunOptions } from '../../../src/engine/run.js';
import type { Task } from '../../../src/engine/task.js';
import { directProvider } from '../../../src/targets/direct/index.js';
import type { MotoServer } from '../../helpers/moto.js';

/** What moto accepts but does not report back faithfully (MOTO-NOTES.md): unknown, for these tests only. */
export const MOTO_UNOBSERVABLE = {
  aws_subnet: ['privateDnsHostnameTypeOnLaunch'],
};

/** SDK clients against a moto server, recording every call. */
export function motoCloud(moto: MotoServer, env: Record<string, string> = moto.env) {
  const calls: AwsCall[] = [];
  const aws: AwsClients = createAwsClients({ env, onCall: (c) => calls.push(c), maxAttempts: 2 });
  const provider = directProvider(aws, { unobservable: MOTO_UNOBSERVABLE });
  return {
    aws,
    provider,
    calls,
    mutatingCalls: () => calls.filter((c) => !isReadOnlyCall(c.command)).map((c) => c.command),
    run: (tasks: Task[], options: Partial<RunOptions<AwsClients>> = {}) => runTasks(tasks, { provider, apply: true, retryDelay: () => 50, ...options }),
    reset: () => (calls.length = 0),
  };
}
