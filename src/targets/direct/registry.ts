import type { AwsClients } from '../../cloud/aws/clients.js';
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
  managedFileOps,
];
