/** A moto_server ready for the real `kops` CLI: the channel image seeded, and the environment kops needs. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startMoto, type MotoServer } from './moto.js';

/** The stable channel's image for amd64, seeded into moto under Canonical's owner id so the look-up stays strict. */
export const CHANNEL_IMAGE = 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260714';
export const CHANNEL_AMI = 'ami-0c0ffee0000000001';

export interface KopsOnMoto {
  moto: MotoServer;
  /** Environment for the built `kops`: moto, a file:// state store, HOME/KUBECONFIG and nodeup hashes in `dir`. */
  env: Record<string, string>;
  /** An RSA public key (moto fingerprints RSA keys correctly, not ed25519). */
  sshPublicKey: string;
}

/** A moto_server that knows the channel image, and what `kops create/update cluster` needs to run against it. */
export async function startMotoForKops(dir: string): Promise<KopsOnMoto> {
  const amis = join(dir, 'amis.json');
  writeFileSync(
    amis,
    JSON.stringify([
      { ami_id: CHANNEL_AMI, name: CHANNEL_IMAGE, owner_id: '099720109477', architecture: 'x86_64', state: 'available', root_device_name: '/dev/sda1', root_device_type: 'ebs', virtualization_type: 'hvm', hypervisor: 'xen', public: true, creation_date: '2026-07-14T00:00:00.000Z', description: 'test image' },
    ]),
  );
  const moto = await startMoto({ MOTO_AMIS_PATH: amis });
  execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-f', join(dir, 'id_rsa')]);
  const env = {
    ...moto.env,
    KOPS_STATE_STORE: pathToFileURL(join(dir, 'store')).href,
    KOPS_AWS_EMULATOR: 'moto',
    HOME: dir,
    KUBECONFIG: join(dir, 'kubeconfig'),
    NODEUP_HASH_AMD64: 'a'.repeat(64),
    NODEUP_HASH_ARM64: 'b'.repeat(64),
  };
  return { moto, env, sshPublicKey: join(dir, 'id_rsa.pub') };
}
