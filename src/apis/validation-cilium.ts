/**
 * Cilium rules of kops's cluster validation (validateNetworkingCilium in pkg/apis/kops/validation), with its words,
 * applied as kops applies them to the spec a user writes: a setting left unset (enableL7Proxy, hubble.enabled,
 * kubeProxy) is not yet given its default.
 */
import type { Cluster } from './types.js';

type Add = (path: string, message: string, hint?: string) => void;

const PATH = 'spec.networking.cilium';

function oneOf(add: Add, field: string, value: unknown, valid: readonly string[]): void {
  if (typeof value !== 'string' || value === '' || valid.includes(value)) return;
  add(`${PATH}.${field}`, `Unsupported value: ${JSON.stringify(value)}: supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}`);
}

function validateVersion(add: Add, version: unknown): void {
  if (typeof version !== 'string' || version === '') return;
  const field = `${PATH}.version`;
  if (!version.startsWith('v')) return add(field, `Invalid value: ${JSON.stringify(version)}: Cilium version must be prefixed with 'v'`);
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(version.slice(1));
  if (!m) add(field, `Invalid value: ${JSON.stringify(version)}: Could not parse as semantic version`);
  if (!m || m[2] !== '18') add(field, `Invalid value: ${JSON.stringify(version)}: Only version 1.18 is supported`, 'use a Cilium 1.18 version, or leave version unset for the default');
}

export function validateCilium(cluster: Cluster, add: Add): void {
  const spec = cluster.spec ?? {};
  const c = spec.networking?.cilium;
  if (!c) return;
  const ipv6 = (spec.nonMasqueradeCIDR ?? '').includes(':');

  validateVersion(add, c.version);
  if (c.hubble?.enabled === true && spec.certManager?.enabled !== true) {
    add(`${PATH}.hubble.enabled`, 'Forbidden: Hubble requires that cert manager is enabled', 'set spec.certManager.enabled: true, or turn Hubble off');
  }
  if (c.enableNodePort === true && spec.kubeProxy !== undefined && spec.kubeProxy.enabled !== false) {
    add('spec.kubeProxy.enabled', 'Forbidden: When Cilium NodePort is enabled, kubeProxy must be disabled', 'set spec.kubeProxy.enabled: false');
  }
  oneOf(add, 'enablePolicy', c.enablePolicy, ['default', 'always', 'never']);
  oneOf(add, 'tunnel', c.tunnel, ['vxlan', 'geneve', 'disabled']);
  oneOf(add, 'monitorAggregation', c.monitorAggregation, ['low', 'medium', 'maximum']);
  oneOf(add, 'identityAllocationMode', c.identityAllocationMode, ['crd', 'kvstore']);
  if (c.identityAllocationMode === 'kvstore' && c.etcdManaged !== true) {
    add(`${PATH}.identityAllocationMode`, 'Forbidden: Cilium requires managed etcd to allocate identities on kvstore mode', 'set etcdManaged: true (with an etcd cluster named cilium), or use crd');
  }
  oneOf(add, 'bpfLBAlgorithm', c.bpfLBAlgorithm, ['random', 'maglev']);
  if (c.bpfLBSock !== true && c.bpfLBSockHostNSOnly === true) {
    add(`${PATH}.bpfLBSockHostNSOnly`, 'Forbidden: bpfLBSockHostNSOnly requires bpfLBSock to be enabled', 'set bpfLBSock: true');
  }
  if (c.enableEncryption === true && ipv6) add(`${PATH}.enableEncryption`, 'Forbidden: encryption is not supported on IPv6 clusters');
  if (typeof c.encryptionType === 'string' && c.encryptionType !== '') {
    if (c.enableEncryption !== true) add(`${PATH}.encryptionType`, 'Forbidden: encryptionType requires enableEncryption', 'set enableEncryption: true');
    oneOf(add, 'encryptionType', c.encryptionType, ['ipsec', 'wireguard']);
  }
  // v1alpha2 states installIptablesRules negatively.
  if (c.enableL7Proxy === true && c.IPTablesRulesNoinstall === true) {
    add(`${PATH}.enableL7Proxy`, 'Forbidden: Cilium L7 Proxy requires installIptablesRules.', 'set enableL7Proxy: false, or remove IPTablesRulesNoinstall');
  }
  oneOf(add, 'ipam', c.ipam, ['hostscope', 'kubernetes', 'crd', 'eni']);
  if (c.ipam === 'eni') {
    if (spec.cloudProvider !== 'aws') add(`${PATH}.ipam`, 'Forbidden: Cilum ENI IPAM is supported only in AWS');
    if (ipv6) add(`${PATH}.ipam`, 'Forbidden: Cilium ENI IPAM does not support IPv6');
  }
  if (c.etcdManaged === true && !(spec.etcdClusters ?? []).some((e) => e.name === 'cilium')) {
    add('spec.etcdClusters', 'Required value: Cilium with managed etcd requires a dedicated etcd cluster', 'add an etcd cluster named cilium');
  }
  if (c.ingress?.enabled === true) oneOf(add, 'ingress.defaultLoadBalancerMode', c.ingress?.defaultLoadBalancerMode, ['shared', 'dedicated']);
}
