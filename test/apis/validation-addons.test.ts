import { describe, expect, test } from 'vitest';
import { formatFieldError, validateCluster } from '../../src/apis/validation.js';
import type { Cluster } from '../../src/apis/types.js';

function cluster(spec: Partial<Cluster['spec']>): Cluster {
  return {
    apiVersion: 'kops.k8s.io/v1alpha2',
    kind: 'Cluster',
    metadata: { name: 'addons.example.com' },
    spec: { cloudProvider: 'aws', kubernetesVersion: 'v1.34.0', networkCIDR: '172.20.0.0/16', ...spec },
  };
}

const problems = (spec: Partial<Cluster['spec']>) => validateCluster(cluster(spec), []).map(formatFieldError);
const IRSA = { iam: { useServiceAccountExternalPermissions: true, legacy: false } };

describe('add-on rules of kops validation', () => {
  test('Karpenter needs service accounts with their own IAM roles', () => {
    expect(problems({ karpenter: { enabled: true } })).toEqual([
      'Cluster "addons.example.com": spec.karpenter.enabled: is forbidden: Karpenter requires that service accounts use external permissions',
    ]);
    expect(problems({ karpenter: { enabled: true }, ...IRSA })).toEqual([]);
  });

  test('cert-manager answers dns-01 challenges in hosted zones only with its own IAM role', () => {
    const certManager = { enabled: true, hostedZoneIDs: ['Z1'] };
    expect(problems({ certManager })).toEqual([
      'Cluster "addons.example.com": spec.certManager: is forbidden: Cert Manager requires that service accounts use external permissions in order to do dns-01 validation',
    ]);
    expect(problems({ certManager, ...IRSA })).toEqual([]);
    expect(problems({ certManager: { enabled: true } })).toEqual([]);
  });

  test('the EBS CSI driver cannot be disabled, only left to the user', () => {
    expect(problems({ cloudConfig: { awsEBSCSIDriver: { enabled: false } } })).toEqual(['Cluster "addons.example.com": spec.cloudConfig.awsEBSCSIDriver.enabled: is forbidden: must not be disabled']);
    expect(problems({ cloudConfig: { awsEBSCSIDriver: { enabled: true, managed: false } } })).toEqual([]);
  });

  test('the node-local DNS cache needs CoreDNS, and stub domains name their servers by address', () => {
    expect(problems({ kubeDNS: { provider: 'KubeDNS', nodeLocalDNS: { enabled: true } } })).toEqual([
      'Cluster "addons.example.com": spec.kubeDNS.provider: is forbidden: KubeDNS provider must be set to CoreDNS if NodeLocalDNS addon is enabled',
    ]);
    expect(problems({ kubeDNS: { provider: 'KubeDNS', stubDomains: { 'corp.example': ['10.0.0.2', 'dns.corp.example'], 'empty.example': [] } } })).toEqual([
      'Cluster "addons.example.com": spec.kubeDNS.stubDomains[corp.example][1]: "dns.corp.example": Invalid nameserver given, should be a valid ip address',
      'Cluster "addons.example.com": spec.kubeDNS.stubDomains[empty.example]: "empty.example": No nameservers specified for the stub domain',
    ]);
  });

  test('the service-account issuer is served by a discovery store or a discovery service, not both', () => {
    const discoveryService = { url: 'https://discovery.example.com/u1' };
    expect(problems({ serviceAccountIssuerDiscovery: { discoveryStore: 's3://bucket/oidc', discoveryService } })).toEqual([
      'Cluster "addons.example.com": spec.serviceAccountIssuerDiscovery.discoveryStore: is forbidden: Only one of discoveryStore or discoveryService may be specified',
    ]);
    expect(problems({ serviceAccountIssuerDiscovery: { discoveryService } })).toEqual([]);
  });
});
