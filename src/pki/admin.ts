import { UserError } from '../errors.js';
import { issueCertificate, parseCertificate, type IssueEnv } from './certificates.js';
import { generateRsaKey, parsePrivateKey } from './keys.js';
import { primaryItem, trustedCertificateBundle } from './keyset.js';
import type { Keystore } from './keystore.js';

/** The Go kops default lifetime of `--admin` credentials. */
export const DEFAULT_ADMIN_LIFETIME_MILLIS = 18 * 3600 * 1000;

export interface AdminCredentials {
  caBundlePem: string;
  certificatePem: string;
  privateKeyPem: string;
}

/** A client certificate in group system:masters, signed by the cluster's kubernetes-ca primary keypair. */
export async function issueAdminCredentials(keystore: Keystore, user: string, validityMillis: number, env: IssueEnv): Promise<AdminCredentials> {
  const ca = await keystore.find('kubernetes-ca');
  if (!ca) throw new UserError('the cluster has no kubernetes-ca keyset yet', 'run `kops update cluster --yes` first; it creates the cluster CAs');
  const primary = primaryItem(ca);
  if (!primary.privateKeyPem) throw new UserError('keyset kubernetes-ca: the primary keypair has no private key, so it cannot sign credentials');
  const key = await generateRsaKey();
  const issued = await issueCertificate(
    { type: 'client', commonName: `kubecfg-${user}`, organization: ['system:masters'], validityMillis },
    key,
    { certificate: parseCertificate(primary.certificatePem), key: parsePrivateKey(primary.privateKeyPem) },
    env,
  );
  return { caBundlePem: trustedCertificateBundle(ca), certificatePem: issued.pem, privateKeyPem: key.pem };
}
