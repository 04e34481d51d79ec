import { ec2Tagging } from '../tagging.js';
import { DeleteKeyPairCommand, DescribeKeyPairsCommand, ImportKeyPairCommand } from '@aws-sdk/client-ec2';
import { fromAwsTags, tagSpecifications } from '../tags.js';
import { awsResource, orUndefined } from './common.js';
import { discovery, type Found } from './discovery.js';

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
  discover: discovery({
    kind: 'keypair',
    by: 'naming',
    after: ['instance', 'autoscaling-group'],
    list: async (aws) => (await aws.ec2.send(new DescribeKeyPairsCommand({}))).KeyPairs ?? [],
    claim(keys, ctx) {
      // kops names the cluster's key `kubernetes.NAME-<fingerprint>`; tagged ones are the cluster's too.
      const prefix = `kubernetes.${ctx.rules.clusterName}`;
      return keys
        .filter((k) => k.KeyName === prefix || k.KeyName?.startsWith(`${prefix}-`) || ctx.rules.ownership(fromAwsTags(k.Tags)) === 'owned')
        .map((k): Found => ({ id: k.KeyPairId ?? k.KeyName!, name: k.KeyName!, action: 'delete', actual: { id: k.KeyName!, attrs: { key_pair_id: k.KeyPairId }, fields: {} } }));
    },
  }),
});
