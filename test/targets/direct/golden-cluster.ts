import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { CreateHostedZoneCommand } from '@aws-sdk/client-route-53';
import type { AwsClients } from '../../../src/cloud/aws/clients.js';
import type { Task } from '../../../src/engine/task.js';
import { buildAwsModel } from '../../../src/model/aws.js';
import type { Cluster, InstanceGroup } from '../../../src/apis/types.js';
import { goldenModelInputs } from '../../helpers/golden-cases.js';

export interface MotoWorld {
  imageId: string;
  zone: { id: string; name: string };
}

/** An AMI moto knows and a hosted zone for example.com (the golden clusters' DNS). */
export async function prepareWorld(aws: AwsClients): Promise<MotoWorld> {
  // This first EC2 call also warms moto up (its EC2 backend loads for seconds on first use).
  const images = await aws.ec2.send(new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'architecture', Values: ['x86_64'] }] }));
  const zone = await aws.route53.send(new CreateHostedZoneCommand({ Name: 'example.com', CallerReference: `golden-${Date.now()}` }));
  return { imageId: images.Images![0].ImageId!, zone: { id: zone.HostedZone!.Id!.replace('/hostedzone/', ''), name: 'example.com' } };
}

/**
 * The model's tasks for a golden update_cluster case, moved to a world moto can hold (as
 * ../shared/bench/adapt-golden-tf.sh does for Terraform): region us-east-1, partition aws, a real AMI, our own
 * hosted zone, no instance-store disks, and the fixture's pre-existing object ids (`vpc-12345678`, ...) replaced
 * by `ids`.
 */
export function goldenClusterTasks(caseName: string, world: MotoWorld, ids: Record<string, string> = {}): Task[] {
  const golden = goldenModelInputs(caseName);
  const move = <T>(v: T): T => {
    let text = JSON.stringify(v).replace(/us-test-1/g, 'us-east-1').replace(/arn:aws-test:/g, 'arn:aws:');
    for (const [fixture, real] of Object.entries(ids)) text = text.split(`"${fixture}"`).join(`"${real}"`);
    return JSON.parse(text) as T;
  };
  const cluster = move(golden.cluster) as Cluster;
  const instanceGroups = move(golden.instanceGroups) as InstanceGroup[];
  const images = Object.fromEntries(Object.entries(golden.ctx.images).map(([name, info]) => [name, { ...info, id: world.imageId }]));
  const instanceTypes = Object.fromEntries(Object.keys(golden.ctx.instanceTypes).map((t) => [t, { instanceStoreDisks: 0 }]));
  return buildAwsModel(cluster, instanceGroups, {
    ...golden.ctx,
    region: 'us-east-1',
    partition: 'aws',
    images,
    instanceTypes,
    dnsZone: { ...world.zone, private: false },
    sharedInternetGatewayId: ids['igw-1'],
    files: move(golden.ctx.files),
    userData: golden.ctx.userData,
  });
}
