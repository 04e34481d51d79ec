import type { AwsClients } from '../../cloud/aws/clients.js';
import { classifyAwsError, describeAwsError } from '../../cloud/aws/clients.js';
import type { Provider, ResourceOps } from '../../engine/ops.js';
import { AWS_OPS } from './registry.js';

export interface DirectProviderOptions {
  /**
   * Fields per resource type that the cloud in use accepts but does not report faithfully (an emulator's gaps):
   * they are treated as not reported, i.e. unknown. Empty for real AWS.
   */
  unobservable?: Readonly<Record<string, readonly string[]>>;
}

/** The direct target: every task type rendered by SDK calls against the cloud behind `aws`. */
export function directProvider(aws: AwsClients, options: DirectProviderOptions = {}): Provider<AwsClients> {
  const byType = new Map(AWS_OPS.map((o) => [o.type, withUnobservable(o, options.unobservable?.[o.type])]));
  return {
    cloud: aws,
    ops: (type) => byType.get(type),
    classify: classifyAwsError,
    describe: describeAwsError,
  };
}

function withUnobservable(ops: ResourceOps<AwsClients>, fields: readonly string[] | undefined): ResourceOps<AwsClients> {
  if (!fields?.length) return ops;
  return {
    ...ops,
    async find(cloud, spec, task, session) {
      const actual = await ops.find(cloud, spec, task, session);
      if (actual) for (const f of fields) delete actual.fields[f];
      return actual;
    },
  };
}
