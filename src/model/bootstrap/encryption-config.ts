import { createHash } from 'node:crypto';
import { UserError } from '../../errors.js';
import type { Cluster } from '../../apis/types.js';

/** The secret `kops create secret encryptionconfig` stores: the API server's EncryptionConfiguration. */
export const ENCRYPTION_CONFIG_SECRET = 'encryptionconfig';

/**
 * The hash of the encryptionconfig secret that control-plane nodeup configs carry when spec.encryptionConfig is on
 * (sha256, base64 with the URL alphabet and padding, as kops writes it): a new secret changes the config, so nodes
 * roll. Undefined when encryption at rest is off; an error when it is on and there is no secret.
 */
export function encryptionConfigSecretHash(cluster: Cluster, secret: Buffer | undefined): string | undefined {
  if (cluster.spec.encryptionConfig !== true) return undefined;
  if (secret === undefined) {
    throw new UserError(
      'spec.encryptionConfig is enabled, but the cluster has no encryptionconfig secret',
      'create it with `kops create secret encryptionconfig -f config.yaml` (see https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/)',
    );
  }
  return createHash('sha256').update(secret).digest('base64').replace(/\+/g, '-').replace(/\//g, '_');
}
