import { truncateName } from '../apis/go/truncate.js';
import type { AddonCluster, AddonContext } from './types.js';

type Data = Record<string, unknown>;

/** Whether pods get AWS credentials through their service account (IRSA) rather than the node's role. */
export function usesServiceAccountPermissions(cluster: AddonCluster): boolean {
  return cluster.spec.iam?.useServiceAccountExternalPermissions === true;
}

/** IAM role name of a service account: `<sa>.<namespace>.sa.<cluster>`, shortened with a hash to 64 characters. */
export function serviceAccountRoleName(serviceAccount: string, namespace: string, clusterName: string): string {
  return truncateName(`${serviceAccount}.${namespace}.sa.${clusterName}`, 64, false);
}

/** cert-manager gets an IAM role (for dns-01 challenges) when kops installs it and hosted zones are given. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function certManagerNeedsRole(spec: Record<string, any>): boolean {
  const cm = spec.certManager;
  return cm?.enabled === true && cm.managed !== false && (cm.hostedZoneIDs?.length ?? 0) > 0;
}

export function serviceAccountRoleArn(ctx: AddonContext, roleName: string): string {
  const aws = ctx.aws ?? { partition: 'aws', accountId: '' };
  return `arn:${aws.partition}:iam::${aws.accountId}:role/${roleName}`;
}

/**
 * Gives the pods of workloads running as `serviceAccount` a projected web-identity token and the role to assume,
 * as kops does for IRSA. The pod spec is rewritten the way a typed re-encode leaves it (null fields dropped).
 */
export function addServiceAccountRole(objects: Data[], serviceAccount: string, roleArn: string): void {
  for (const obj of objects) {
    const podSpec = ((obj.spec as Data | undefined)?.template as Data | undefined)?.spec as Data | undefined;
    if (!podSpec || (podSpec.serviceAccountName ?? podSpec.serviceAccount) !== serviceAccount) continue;
    dropNulls(podSpec);
    for (const container of (podSpec.containers as Data[] | undefined) ?? []) {
      dropNulls(container);
      container.env = [
        ...((container.env as Data[] | undefined) ?? []),
        { name: 'AWS_ROLE_ARN', value: roleArn },
        { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/amazonaws.com/token' },
      ];
      container.volumeMounts = [
        ...((container.volumeMounts as Data[] | undefined) ?? []),
        { mountPath: '/var/run/secrets/amazonaws.com/', name: 'token-amazonaws-com', readOnly: true },
      ];
    }
    podSpec.securityContext = { fsGroup: 10001, ...((podSpec.securityContext as Data | undefined) ?? {}) };
    podSpec.volumes = [
      ...((podSpec.volumes as Data[] | undefined) ?? []),
      {
        name: 'token-amazonaws-com',
        projected: {
          defaultMode: 420,
          sources: [{ serviceAccountToken: { audience: 'amazonaws.com', expirationSeconds: 86400, path: 'token' } }],
        },
      },
    ];
  }
}

function dropNulls(obj: Data): void {
  for (const [k, v] of Object.entries(obj)) if (v === null) delete obj[k];
}
