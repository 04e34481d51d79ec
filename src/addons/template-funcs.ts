import { toGoYaml } from '../apis/go/yaml.js';
import type { TemplateFunc } from './gotemplate.js';
import { containerdSELinuxEnabled, indent, isIPv6Only, sortedEntries } from './template-helpers.js';
import type { AddonCluster } from './types.js';

/** kops's ProxyEnv: the egress proxy as the environment variables components are given. */
export function proxyEnv(cluster: AddonCluster): Record<string, string> {
  const proxy = cluster.spec.egressProxy;
  const env: Record<string, string> = {};
  if (!proxy) return env;
  const host = proxy.httpProxy?.host;
  if (host) {
    const url = `http://${host}${proxy.httpProxy?.port ? `:${proxy.httpProxy.port}` : ''}`;
    env.http_proxy = url;
    env.https_proxy = url;
  }
  if (proxy.excludes) {
    env.no_proxy = proxy.excludes;
    env.NO_PROXY = proxy.excludes;
  }
  return Object.fromEntries(sortedEntries(env));
}

/** kops's CloudLabels: `KubernetesCluster=<name>` and spec.cloudLabels as `k=v`, sorted, comma-separated. */
export function cloudLabels(cluster: AddonCluster): string {
  const labels = [`KubernetesCluster=${cluster.metadata.name}`, ...Object.entries((cluster.spec.cloudLabels ?? {}) as Record<string, string>).map(([k, v]) => `${k}=${v}`)];
  return labels.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(',');
}

/** The template functions every kops add-on template may call (template_functions.go, sprig's subset). */
export function commonTemplateFuncs(cluster: AddonCluster): Record<string, TemplateFunc> {
  return {
    APIInternalName: () => `api.internal.${cluster.metadata.name}`,
    ClusterName: () => cluster.metadata.name,
    ClusterDNSDomain: () => cluster.metadata.name,
    IsControlPlaneMode: () => cluster.spec.karpenter?.enabled === true,
    PublishesDNSRecords: () => cluster.spec.topology?.dns?.type !== 'None',
    CloudLabels: () => cloudLabels(cluster),
    ContainerdSELinuxEnabled: () => containerdSELinuxEnabled(cluster),
    GetCloudProvider: () => cluster.spec.cloudProvider,
    IsIPv6Only: () => isIPv6Only(cluster),
    ProxyEnv: () => proxyEnv(cluster),
    ToYAML: (v) => toGoYaml(v),
    WithDefaultBool: (v, dflt) => (typeof v === 'boolean' ? v : dflt),
    contains: (needle, haystack) => String(haystack).includes(String(needle)),
    replace: (text, from, to) => String(text).replaceAll(String(from), String(to)),
    join: (sep, list) => (Array.isArray(list) ? list.map(String).join(String(sep)) : ''),
    indent: (width, text) => indent(Number(width), String(text)),
    nindent: (width, text) => `\n${indent(Number(width), String(text))}`,
  };
}
