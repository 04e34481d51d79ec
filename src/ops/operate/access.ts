import type { Cluster } from '../../apis/types.js';
import { UserError } from '../../errors.js';
import { createAwsClients, environmentError, type AwsClients } from '../../cloud/aws/clients.js';
import { awsInstanceGroups } from '../../cloud/aws/instance-groups.js';
import { regionOfZone } from '../../cloud/aws/lookup.js';
import type { CloudInstanceGroups } from '../../cloud/types.js';
import { DEFAULT_ADMIN_LIFETIME_MILLIS, issueAdminCredentials } from '../../pki/admin.js';
import { systemIssueEnv, type IssueEnv } from '../../pki/certificates.js';
import type { Keystore } from '../../pki/keystore.js';
import { apiServerUrl } from '../api-endpoint.js';
import { kubeApi, kubeConfigFor, kubeConfigFromFile, type KubeApi } from '../kube.js';

/** The cloud side of an existing cluster: its instance groups as the cloud runs them. */
export interface ClusterCloud {
  clusterName: string;
  groups: CloudInstanceGroups;
  /** The AWS clients behind it (for dumps of other resources). */
  aws: AwsClients;
}

export function clusterCloud(cluster: Cluster, options: { onCall?: (call: { service: string; command: string }) => void } = {}): ClusterCloud {
  const name = cluster.metadata.name ?? '';
  const provider = cluster.spec?.cloudProvider;
  if (provider && provider !== 'aws') {
    throw new UserError(`cluster ${name} spec.cloudProvider: ${provider} is not supported for operating instances`, 'only AWS clusters can be rolled and validated');
  }
  const zone = (cluster.spec?.subnets ?? []).map((s) => s.zone).find((z): z is string => !!z);
  if (!zone) throw new UserError(`cluster ${name} spec.subnets: no subnet has a zone`, 'set spec.subnets[].zone so that the region is known');
  const aws = createAwsClients({ region: regionOfZone(zone), onCall: options.onCall });
  return { clusterName: name, aws, groups: reportingEnvironmentErrors(awsInstanceGroups(aws), aws) };
}

/** The same cloud, with "no credentials" and "endpoint unreachable" turned into one clear line. */
function reportingEnvironmentErrors(inner: CloudInstanceGroups, aws: AwsClients): CloudInstanceGroups {
  const wrap =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await f(...args);
      } catch (err) {
        throw environmentError(err, aws) ?? err;
      }
    };
  return {
    list: wrap(inner.list),
    detach: wrap(inner.detach),
    terminate: wrap(inner.terminate),
    setDesiredCapacity: wrap(inner.setDesiredCapacity),
    failedScaling: inner.failedScaling && wrap(inner.failedScaling),
    deleteGroup: inner.deleteGroup && wrap(inner.deleteGroup),
  };
}

export interface KubeAccess {
  /** --api-server: the API server to reach instead of the cluster's own name. */
  apiServer?: string;
  /** --use-kubeconfig: take the server and credentials from the kubeconfig's context of the cluster. */
  useKubeconfig?: boolean;
  /** --kubeconfig: the file to read with useKubeconfig (default $KUBECONFIG, ~/.kube/config). */
  kubeconfig?: string;
  /** --admin: lifetime of the client certificate issued for the session (default 18h). */
  adminMillis?: number;
}

/**
 * The Kubernetes API of a cluster, as the Go kops reaches it: by default a client certificate in system:masters is
 * issued from the cluster's CA for this session and the server is the cluster's API name (or --api-server); with
 * --use-kubeconfig the exported kubeconfig is used instead.
 */
export async function clusterKubeApi(cluster: Cluster, keystore: Keystore, access: KubeAccess, env: IssueEnv = systemIssueEnv): Promise<KubeApi> {
  const clusterName = cluster.metadata.name ?? '';
  const apiServer = access.apiServer && (/^https?:\/\//.test(access.apiServer) ? access.apiServer : `https://${access.apiServer}`);
  if (access.useKubeconfig) return kubeApi(kubeConfigFromFile(access.kubeconfig, clusterName, apiServer));
  const server = await apiServerUrl(cluster, {
    apiServer,
    findLoadBalancerDns: async (name) => (await import('../../cloud/aws/api-load-balancer.js')).findApiLoadBalancerDns(name),
  });
  const credentials = await issueAdminCredentials(keystore, 'kops', access.adminMillis || DEFAULT_ADMIN_LIFETIME_MILLIS, env);
  return kubeApi(kubeConfigFor({ clusterName, server, ...credentials }));
}
