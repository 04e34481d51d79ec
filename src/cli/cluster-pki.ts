import { Keystore } from '../pki/keystore.js';
import { SecretStore } from '../pki/secrets.js';
import { SshKeyStore } from '../pki/sshkeys.js';
import { systemIssueEnv } from '../pki/certificates.js';
import type { Cluster } from '../apis/types.js';
import type { ClusterPaths } from '../statestore/layout.js';
import type { CliContext } from './context.js';
import { openClusterStore } from './store.js';

export interface ClusterPki {
  clusterName: string;
  cluster: Cluster;
  paths: ClusterPaths;
  keystore: Keystore;
  secrets: SecretStore;
  sshKeys: SshKeyStore;
}

/** The keystore, secrets and SSH keys of an existing cluster (a UserError when the cluster is not in the store). */
export async function openClusterPki(ctx: CliContext, positional?: string): Promise<ClusterPki> {
  const store = await openClusterStore(ctx);
  const clusterName = await ctx.clusterName(positional);
  const cluster = await store.requireCluster(clusterName);
  const paths = store.paths(clusterName);
  const env = { now: ctx.clock, random32: systemIssueEnv.random32 };
  return {
    clusterName,
    cluster,
    paths,
    keystore: new Keystore(paths.pki, env),
    secrets: new SecretStore(paths.secrets),
    sshKeys: new SshKeyStore(paths.pki),
  };
}
