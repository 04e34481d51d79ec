import { defineResource } from './declare.js';

export interface KeyPairSpec {
  /** Set for an existing key pair given by name in `spec.sshKeyName`. */
  id?: string;
  keyName: string;
  publicKey: string;
  tags?: Record<string, string>;
}

export const KeyPair = defineResource<KeyPairSpec>({
  type: 'aws_key_pair',
  kopsKind: 'SSHKey',
  fields: {
    keyName: { tf: 'key_name', immutable: true },
    publicKey: { tf: 'public_key', kind: 'file', immutable: true },
    tags: { tf: 'tags', kind: 'map' },
  },
});
