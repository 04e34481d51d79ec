import type { Cluster } from '../../apis/types.js';
import { UserError } from '../../errors.js';

/** The secret holding Cilium's IPsec keys, as `kops create secret ciliumpassword` stores it. */
export const CILIUM_SECRET = 'ciliumpassword';

/**
 * The `ciliumpassword` secret a Cilium cluster's manifest embeds (absent when there is none), as Go's template
 * functions read it; a cluster with IPsec encryption cannot be built without it (apply_cluster.go).
 */
export async function loadCiliumSecret(completed: Cluster, secrets: { find(name: string): Promise<Buffer | undefined> } | undefined): Promise<string | undefined> {
  const cilium = completed.spec.networking?.cilium;
  if (!cilium) return undefined;
  const secret = (await secrets?.find(CILIUM_SECRET))?.toString('utf8');
  if (secret === undefined && cilium.enableEncryption === true && cilium.encryptionType === 'ipsec') {
    throw new UserError(
      `spec.networking.cilium.enableEncryption: IPsec encryption is on, and the cluster has no ${CILIUM_SECRET} secret`,
      `create it with \`kops create secret ${CILIUM_SECRET} -f <keys.yaml>\`, then retry`,
    );
  }
  return secret;
}
