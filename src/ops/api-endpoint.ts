import type { Cluster } from '../apis/types.js';

export interface ApiEndpointOptions {
  /** --api-server: used as given. */
  apiServer?: string;
  /** --internal: the name only reachable inside the cluster's network. */
  internal?: boolean;
  /** Asks the cloud where the cluster's API load balancer is reached (for clusters without DNS records). */
  findLoadBalancerAddress?: (clusterName: string, cluster: Cluster) => Promise<string | undefined>;
}

/** Whether clients reach the API through the load balancer's own DNS name (gossip `.k8s.local` or DNS type None). */
export function usesLoadBalancerName(cluster: Cluster): boolean {
  const spec = cluster.spec as Record<string, any>;
  return (cluster.metadata.name ?? '').endsWith('.k8s.local') || spec.topology?.dns?.type === 'None';
}

/** The https URL a kubeconfig should point at, following the Go kops's choices. */
export async function apiServerUrl(cluster: Cluster, options: ApiEndpointOptions): Promise<string> {
  if (options.apiServer) return /^https?:\/\//.test(options.apiServer) ? options.apiServer : `https://${options.apiServer}`;
  const name = cluster.metadata.name ?? '';
  const spec = cluster.spec as Record<string, any>;
  if (options.internal) return `https://${spec.masterInternalName ?? `api.internal.${name}`}`;
  if (usesLoadBalancerName(cluster) && options.findLoadBalancerAddress) {
    const dns = await options.findLoadBalancerAddress(name, cluster);
    if (dns) return `https://${dns}`;
  }
  return `https://${spec.api?.publicName ?? spec.masterPublicName ?? `api.${name}`}`;
}
