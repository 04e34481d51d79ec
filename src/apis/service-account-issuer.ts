/** The hosted discovery service a cluster registers its service-account issuer with (kops's DiscoveryService). */

interface DiscoverySpec {
  serviceAccountIssuerDiscovery?: { discoveryService?: { url?: string } };
}

/** The discovery service's base URL, when one is configured with a URL. */
export function discoveryServiceUrl(spec: DiscoverySpec): string | undefined {
  return spec.serviceAccountIssuerDiscovery?.discoveryService?.url || undefined;
}

/** The CA whose certificates control-plane nodes register with the discovery service under. */
export const DISCOVERY_CA = 'discovery-ca';
