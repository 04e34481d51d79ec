import { ec2Tagging } from '../tagging.js';
import { DeleteKeyPairCommand, DescribeKeyPairsCommand, ImportKeyPairCommand } from '@aws-sdk/client-ec2';
import { fromAwsTags, tagSpecifications } from '../tags.js';
import { awsResource, orUndefined } from './common.js';

export interface KeyPairSpec {
  /** Set for an existing key pair given by name in `spec.sshKeyName`. */
  id?: string;
  keyName: string;
  publicKey: string;
  tags?: Record<string, string>;
}

export const KeyPair = awsResource<KeyPairSpec>({
  type: 'aws_key_pair',
  kopsKind: 'SSHKey',
  tagging: ec2Tagging((a) => a.attrs?.key_pair_id as string),
  fields: {
    keyName: { tf: 'key_name', immutable: true },
    publicKey: { tf: 'public_key', kind: 'file', immutable: true },
    tags: { tf: 'tags', kind: 'tags' },
  },

  // AWS keeps a fingerprint, not the key; the key name carries kops's fingerprint, so a new key is a new name.
  writeOnly: ['publicKey'],
  async find(aws, spec) {
    const out = await orUndefined(aws.ec2.send(new DescribeKeyPairsCommand({ KeyNames: [spec.keyName] })));
    const key = out?.KeyPairs?.[0];
    if (!key?.KeyName) return undefined;
    return { id: key.KeyName, attrs: { key_pair_id: key.KeyPairId, fingerprint: key.KeyFingerprint }, fields: { keyName: key.KeyName, tags: fromAwsTags(key.Tags) } };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(
      new ImportKeyPairCommand({ KeyName: spec.keyName, PublicKeyMaterial: Buffer.from(spec.publicKey), TagSpecifications: tagSpecifications('key-pair', spec.tags) }),
    );
    return { id: spec.keyName, attrs: { key_pair_id: out.KeyPairId, fingerprint: out.KeyFingerprint } };
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteKeyPairCommand({ KeyName: actual.id }));
  },
});
