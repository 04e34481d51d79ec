import { IamOidcProvider, IamRole, IamRolePolicy, IamRolePolicyAttachment } from '../cloud/aws/resources/iam.js';
import { ref, type Task } from '../engine/task.js';
import type { ModelContext } from './context.js';
import {
  Policy,
  addCertManagerPermissions,
  addClusterAutoscalerPermissions,
  addCloudControllerManagerPermissions,
  addDnsControllerPermissions,
  addEbsCsiDriverPermissions,
  addExternalDnsPermissions,
  addKarpenterPermissions,
  addKmsStatements,
  addLoadBalancerControllerPermissions,
  addNodeTerminationHandlerPermissions,
  inlinePolicyDocument,
  type KarpenterGroups,
} from './iam-policy.js';
import { fnv32a } from '../apis/go/truncate.js';
import { certManagerNeedsRole, serviceAccountRoleName } from '../addons/irsa.js';
import { issuerHost } from './discovery.js';
import { externalDnsProvider } from '../apis/external-dns.js';

/** Thumbprints of the CAs behind the OIDC discovery endpoints (constants in the Go kops). */
const OIDC_THUMBPRINTS = ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280', 'a9d53002e97e00e043244f3d170d6f4c414104fd'];

interface ServiceAccountRole {
  namespace: string;
  name: string;
  policy?: string;
  policyArns?: string[];
}

/** The issuer host and path (`discovery.example.com/minimal.example.com`) service-account tokens name. */
export function serviceAccountIssuer(m: ModelContext): string | undefined {
  return issuerHost(m.spec);
}

/** The IAM OIDC provider for service-account tokens, and IAM roles for service accounts (IRSA). */
export function buildIrsa(m: ModelContext): Task[] {
  const discovery = m.spec.serviceAccountIssuerDiscovery;
  const issuer = serviceAccountIssuer(m);
  if (!discovery?.enableAWSOIDCProvider || !issuer) return [];
  const tasks: Task[] = [];
  const provider = IamOidcProvider.task(m.clusterName, {
    url: `https://${issuer}`,
    clientIdList: ['amazonaws.com', ...(discovery.additionalAudiences ?? [])],
    thumbprintList: OIDC_THUMBPRINTS,
    tags: m.cloudTags(m.clusterName),
  });
  provider.exports = [
    { name: 'iam_openid_connect_provider_arn', value: ref(provider, 'arn') },
    { name: 'iam_openid_connect_provider_issuer', value: issuer },
  ];
  tasks.push(provider);
  for (const sa of serviceAccountRoles(m)) tasks.push(...serviceAccountRole(m, issuer, sa));
  return tasks;
}

function serviceAccountRoles(m: ModelContext): ServiceAccountRole[] {
  const roles: ServiceAccountRole[] = [];
  if (m.spec.iam?.useServiceAccountExternalPermissions) {
    const addon = (name: string, build: (p: Policy) => void) => {
      const p = new Policy(m.clusterName, m.aws.partition);
      build(p);
      roles.push({ namespace: 'kube-system', name, policy: p.toJSON() });
    };
    const zone = m.aws.dnsZone;
    const dns = zone && (m.dnsType === 'public' || m.dnsType === 'private');
    addon('aws-cloud-controller-manager', (p) => addCloudControllerManagerPermissions(p, false));
    if (m.spec.cloudConfig?.awsEBSCSIDriver?.managed !== false) {
      addon('ebs-csi-controller-sa', (p) => {
        addEbsCsiDriverPermissions(p, !!m.spec.snapshotController?.enabled);
        addKmsStatements(p, m.aws.region);
      });
    }
    const externalDns = externalDnsProvider(m.spec);
    if (dns && externalDns === 'dns-controller') addon('dns-controller', (p) => addDnsControllerPermissions(p, zone.id));
    if (dns && externalDns === 'external-dns') addon('external-dns', (p) => addExternalDnsPermissions(p, zone.id));
    const nth = m.spec.nodeTerminationHandler;
    if (nth && nth.enabled !== false) addon('aws-node-termination-handler', addNodeTerminationHandlerPermissions);
    const lbc = m.spec.awsLoadBalancerController;
    if (lbc?.enabled) addon('aws-load-balancer-controller', (p) => addLoadBalancerControllerPermissions(p, lbc));
    if (m.spec.clusterAutoscaler?.enabled) addon('cluster-autoscaler', addClusterAutoscalerPermissions);
    if (certManagerNeedsRole(m.spec)) addon('cert-manager', (p) => addCertManagerPermissions(p, m.spec.certManager?.hostedZoneIDs ?? []));
    if (m.spec.networking?.kuberouter) addon('kube-router', (p) => p.clusterTagged.add('ec2:ModifyInstanceAttribute'));
    if (m.spec.karpenter?.enabled) addon('karpenter', (p) => addKarpenterPermissions(p, m.aws.region, m.iamName('node'), karpenterGroups(m)));
  }
  for (const sa of m.spec.iam?.serviceAccountExternalPermissions ?? []) {
    roles.push({
      namespace: sa.namespace,
      name: sa.name,
      policy: sa.aws?.inlinePolicy ? inlinePolicyDocument(sa.aws.inlinePolicy) : undefined,
      policyArns: sa.aws?.policyARNs,
    });
  }
  return roles;
}

/** What Karpenter's role must allow for the groups it launches (pkg/model/components/addonmanifests/karpenter/iam.go). */
function karpenterGroups(m: ModelContext): KarpenterGroups {
  const groups = m.instanceGroups.filter((ig) => ig.spec.manager === 'Karpenter');
  return {
    customInstanceProfiles: groups.some((ig) => ig.spec.iam?.profile !== undefined),
    customerManagedKeys: groups.some((ig) => ig.spec.rootVolumeEncryption === true && !!ig.spec.rootVolumeEncryptionKey),
  };
}

function serviceAccountRole(m: ModelContext, issuer: string, sa: ServiceAccountRole): Task[] {
  const namespace = sa.namespace.replace(/\*/g, 'wildcard');
  const roleName = serviceAccountRoleName(sa.name, namespace, m.clusterName);
  const wildcard = sa.namespace.includes('*') || sa.name.includes('*');
  const assumeRolePolicy = JSON.stringify(
    {
      Statement: [
        {
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { [wildcard ? 'StringLike' : 'StringEquals']: { [`${issuer}:sub`]: `system:serviceaccount:${sa.namespace}:${sa.name}` } },
          Effect: 'Allow',
          Principal: { Federated: `arn:${m.aws.partition}:iam::${m.aws.accountId}:oidc-provider/${issuer}` },
        },
      ],
      Version: '2012-10-17',
    },
    null,
    2,
  );
  const role = IamRole.task(roleName, {
    name: roleName,
    assumeRolePolicy,
    permissionsBoundary: m.spec.iam?.permissionsBoundary,
    tags: { ...m.cloudTags(roleName), 'service-account.kops.k8s.io/name': sa.name, 'service-account.kops.k8s.io/namespace': namespace },
  });
  role.exports = [
    { name: `${namespace}-${sa.name}_role_arn`, value: ref(role, 'arn') },
    { name: `${namespace}-${sa.name}_role_name`, value: ref(role, 'name') },
  ];
  const tasks: Task[] = [role];
  if (sa.policy) tasks.push(IamRolePolicy.task(roleName, { name: roleName, role: ref(role, 'name'), policy: sa.policy }));
  for (const arn of sa.policyArns ?? []) {
    tasks.push(IamRolePolicyAttachment.task(`external-${roleName}-${fnv32a(arn)}`, { role: ref(role, 'name'), policyArn: arn }));
  }
  return tasks;
}
