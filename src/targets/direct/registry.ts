import type { AwsClients } from '../../cloud/aws/clients.js';
import { autoscalingGroupOps, lifecycleHookOps } from '../../cloud/aws/ops/autoscaling.js';
import { route53RecordOps, route53ZoneAssociationOps } from '../../cloud/aws/ops/dns.js';
import { listenerOps, loadBalancerOps, targetGroupOps } from '../../cloud/aws/ops/load-balancer.js';
import { eventRuleOps, eventTargetOps, sqsQueueOps } from '../../cloud/aws/ops/node-termination.js';
import { iamInstanceProfileOps, iamOidcProviderOps, iamRoleOps, iamRolePolicyAttachmentOps, iamRolePolicyOps } from '../../cloud/aws/ops/iam.js';
import { ebsVolumeOps, keyPairOps, launchTemplateOps } from '../../cloud/aws/ops/instances.js';
import { managedFileOps } from '../../cloud/aws/ops/managed-file.js';
import { elasticIpOps, natGatewayOps } from '../../cloud/aws/ops/nat-gateway.js';
import { routeOps, routeTableAssociationOps, routeTableOps } from '../../cloud/aws/ops/route-table.js';
import { securityGroupOps, securityGroupRuleOps } from '../../cloud/aws/ops/security-group.js';
import { subnetOps } from '../../cloud/aws/ops/subnet.js';
import {
  dhcpOptionsAssociationOps,
  dhcpOptionsOps,
  egressOnlyInternetGatewayOps,
  internetGatewayOps,
  vpcCidrBlockOps,
  vpcOps,
} from '../../cloud/aws/ops/vpc.js';
import type { ResourceOps } from '../../engine/ops.js';

/** Every resource type the direct target can render. */
export const AWS_OPS: readonly ResourceOps<AwsClients>[] = [
  vpcOps,
  vpcCidrBlockOps,
  dhcpOptionsOps,
  dhcpOptionsAssociationOps,
  internetGatewayOps,
  egressOnlyInternetGatewayOps,
  subnetOps,
  routeTableOps,
  routeOps,
  routeTableAssociationOps,
  elasticIpOps,
  natGatewayOps,
  securityGroupOps,
  securityGroupRuleOps,
  iamRoleOps,
  iamRolePolicyOps,
  iamRolePolicyAttachmentOps,
  iamInstanceProfileOps,
  iamOidcProviderOps,
  keyPairOps,
  launchTemplateOps,
  autoscalingGroupOps,
  lifecycleHookOps,
  ebsVolumeOps,
  loadBalancerOps,
  targetGroupOps,
  listenerOps,
  route53RecordOps,
  route53ZoneAssociationOps,
  sqsQueueOps,
  eventRuleOps,
  eventTargetOps,
  managedFileOps,
];
