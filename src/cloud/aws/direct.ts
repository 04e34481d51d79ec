import type { Provider, ResourceOps } from '../../engine/ops.js';
import type { DirectOptions } from '../types.js';
import { classifyAwsError, describeAwsError, type AwsClients } from './clients.js';
import { AWS_RESOURCES } from './resources/index.js';

/** The direct target on AWS: every resource type's SDK calls against the cloud behind `aws`. */
export function directProvider(aws: AwsClients, options: DirectOptions = {}): Provider<AwsClients> {
  const byType = new Map(AWS_RESOURCES.map((r) => [r.type, withUnobservable(r.ops, options.unobservable?.[r.type])]));
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
