import { createAwsClients, isReadOnlyCall, type AwsCall, type AwsClients } from '../../../src/cloud/aws/clients.js';
import { runTasks, type RunOptions } from '../../../src/engine/run.js';
import type { Task } from '../../../src/engine/task.js';
import { directProvider } from '../../../src/cloud/aws/direct.js';
import { emulatorProfile } from '../../../src/cloud/aws/emulators.js';
import type { MotoServer } from '../../helpers/moto.js';


/** SDK clients against a moto server, recording every call. */
export function motoCloud(moto: MotoServer, env: Record<string, string> = moto.env) {
  const calls: AwsCall[] = [];
  const aws: AwsClients = createAwsClients({ env, onCall: (c) => calls.push(c), maxAttempts: 2 });
  const provider = directProvider(aws, { unobservable: emulatorProfile('moto') });
  return {
    aws,
    provider,
    calls,
    mutatingCalls: () => calls.filter((c) => !isReadOnlyCall(c.command)).map((c) => c.command),
    run: (tasks: Task[], options: Partial<RunOptions<AwsClients>> = {}) => runTasks(tasks, { provider, apply: true, retryDelay: () => 50, ...options }),
    reset: () => (calls.length = 0),
  };
}
