import type { AddonCluster, AddonContext } from './types.js';

type Data = Record<string, unknown>;

/** Whether pods get AWS credentials through their service account (IRSA) rather than the node's role. */
export function usesServiceAccountPermissions(cluster: AddonCluster): boolean {
  return cluster.spec.iam?.useServiceAccountExternalPermissions === true;
}

/** IAM role name of a service account: `<sa>.<namespace>.sa.<cluster>`, shortened with a hash to 64 characters. */
export function serviceAccountRoleName(serviceAccount: string, namespace: string, clusterName: string): string {
  return truncateWithHash(`${serviceAccount}.${namespace}.sa.${clusterName}`, 64);
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

/** kops' truncate: keep it if short enough, else cut and append `-` + 6 chars of base32hex(fnv32a), lower-case. */
export function truncateWithHash(s: string, maxLength: number): string {
  if (s.length <= maxLength) return s;
  const hash = base32Hex(fnv32a(s)).toLowerCase().slice(0, 6);
  return `${s.slice(0, maxLength - hash.length - 1)}-${hash}`;
}

function fnv32a(s: string): Buffer {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const out = Buffer.alloc(4);
  out.writeUInt32BE(h);
  return out;
}

function base32Hex(bytes: Buffer): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUV';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}
