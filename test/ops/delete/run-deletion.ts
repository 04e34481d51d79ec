import { createAwsClients, type AwsClients } from '../../../src/cloud/aws/clients.js';
import { awsDiscovery } from '../../../src/cloud/aws/delete-discovery.js';
import type { AwsDiscovery } from '../../../src/cloud/aws/resources/discovery.js';
import { AWS_DISCOVERIES } from '../../../src/cloud/aws/resources/index.js';
import type { Blocker, ClusterObjects, CloudDiscovery } from '../../../src/cloud/types.js';
import { defaultDeletePolicy, deleteObjects, type DeleteEvent, type DeletePolicy, type DeleteReport } from '../../../src/ops/delete/delete.js';
import { deleteRules } from '../../../src/ops/delete/rules.js';

/** What `delete cluster` finds for cluster NAME with AWS's discoveries (or the ones given), and the discovery to delete it with. */
export async function discover(aws: AwsClients, name: string, dns: boolean, discoveries?: readonly AwsDiscovery[]): Promise<{ discovery: CloudDiscovery; found: ClusterObjects }> {
  const discovery = awsDiscovery(aws, discoveries);
  return { discovery, found: await discovery.discover(name, { dns, rules: deleteRules(name) }) };
}

/** An object of a kind AWS's discoveries know, removed by `run`. */
export interface FakeObject {
  type: string;
  id: string;
  run?: () => Promise<void>;
  holders?: () => Promise<Blocker[]>;
}

/** Deletes objects of AWS's kinds (in their order: each kind's `after`) the way `delete cluster` does, with fake removals. */
export async function deleteFakes(objects: readonly FakeObject[], policy: DeletePolicy = defaultDeletePolicy, onEvent?: (e: DeleteEvent) => void): Promise<DeleteReport> {
  const kinds = [...new Map(AWS_DISCOVERIES.map((d) => [d.kind, d])).values()];
  const of = (kind: string, id: string) => objects.find((o) => o.type === kind && o.id === id)!;
  const fakes = kinds.map(
    (d): AwsDiscovery => ({
      kind: d.kind,
      by: d.by,
      after: d.after,
      claim: () => objects.filter((o) => o.type === d.kind).map((o) => ({ id: o.id, name: o.id, action: 'delete', actual: { id: o.id, fields: {} } })),
      delete: async (_aws, actual) => of(d.kind, actual.id).run?.(),
      holders: async (found) => (await of(d.kind, found.id).holders?.()) ?? [],
    }),
  );
  const { discovery, found } = await discover({} as AwsClients, 'a.example.com', false, fakes);
  return deleteObjects(discovery, found.objects, policy, onEvent);
}

/**
 * AWS clients that answer each call from `answers`, keyed `service:CommandName` (`ec2:DescribeVpcsCommand`), and
 * nothing for the others: for discoveries tested on listings alone.
 */
export function answeringAws(answers: Record<string, (input: Record<string, unknown>) => object>): AwsClients {
  const aws = createAwsClients({ region: 'us-east-1', env: { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' } });
  for (const service of ['ec2', 'elbv2', 'elb', 'iam'] as const) {
    const client = aws[service] as unknown as { send: (command: { constructor: { name: string }; input: Record<string, unknown> }) => Promise<object> };
    client.send = async (command) => answers[`${service}:${command.constructor.name}`]?.(command.input) ?? {};
  }
  return aws;
}
