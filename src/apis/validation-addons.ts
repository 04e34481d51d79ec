/** Add-on rules of kops's cluster validation (pkg/apis/kops/validation), with its words. */
import { isIP } from 'node:net';
import type { Cluster } from './types.js';

type Add = (path: string, message: string, hint?: string) => void;

const IRSA_HINT = 'set spec.iam.useServiceAccountExternalPermissions: true (with spec.serviceAccountIssuerDiscovery)';

export function validateAddons(cluster: Cluster, add: Add): void {
  const spec = cluster.spec ?? {};
  const irsa = spec.iam?.useServiceAccountExternalPermissions === true;
  if (spec.karpenter?.enabled === true && !irsa) {
    add('spec.karpenter.enabled', 'is forbidden: Karpenter requires that service accounts use external permissions', IRSA_HINT);
  }
  if (spec.certManager?.enabled === true && (spec.certManager.hostedZoneIDs?.length ?? 0) > 0 && !irsa) {
    add('spec.certManager', 'is forbidden: Cert Manager requires that service accounts use external permissions in order to do dns-01 validation', IRSA_HINT);
  }
  validateKubeDns(cluster, add);
  const discovery = spec.serviceAccountIssuerDiscovery;
  if (discovery?.discoveryStore && discovery.discoveryService) {
    add('spec.serviceAccountIssuerDiscovery.discoveryStore', 'is forbidden: Only one of discoveryStore or discoveryService may be specified', 'keep the one that serves the issuer');
  }
  if (spec.cloudProvider === 'aws' && spec.cloudConfig?.awsEBSCSIDriver?.enabled === false) {
    add('spec.cloudConfig.awsEBSCSIDriver.enabled', 'is forbidden: must not be disabled', 'remove it; set managed: false to install the driver yourself');
  }
}

/** The node-local cache forwards to CoreDNS only, and stub domains name DNS servers by address. */
function validateKubeDns(cluster: Cluster, add: Add): void {
  const dns = cluster.spec?.kubeDNS;
  if (!dns) return;
  if (dns.nodeLocalDNS?.enabled === true && dns.provider !== undefined && dns.provider !== '' && dns.provider !== 'CoreDNS') {
    add('spec.kubeDNS.provider', 'is forbidden: KubeDNS provider must be set to CoreDNS if NodeLocalDNS addon is enabled', 'set provider: CoreDNS, or disable nodeLocalDNS');
  }
  for (const [domain, servers] of Object.entries(dns.stubDomains ?? {})) {
    if (servers.length === 0) add(`spec.kubeDNS.stubDomains[${domain}]`, `${JSON.stringify(domain)}: No nameservers specified for the stub domain`);
    servers.forEach((server, i) => {
      if (isIP(server) === 0) add(`spec.kubeDNS.stubDomains[${domain}][${i}]`, `${JSON.stringify(server)}: Invalid nameserver given, should be a valid ip address`);
    });
  }
}
