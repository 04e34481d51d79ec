import type { Keystore } from '../../pki/keystore.js';

/** What `all` means for keypair commands: every keyset of the cluster except service-account-style ones kops never rotates. */
export async function rotatableKeysets(keystore: Keystore): Promise<string[]> {
  return (await keystore.list()).filter((name) => name !== 'service-account');
}
