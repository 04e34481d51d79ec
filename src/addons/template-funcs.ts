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

/** Go's json.Marshal of plain data: map keys sorted, and <, > and & escaped as Go escapes them for HTML. */
export function goJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v === null || typeof v !== 'object') return v;
    const obj = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, sortKeys(obj[k])]),
    );
  };
  return (JSON.stringify(sortKeys(value)) ?? 'null').replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
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
    ToJSON: (v) => goJson(v),
    ToYAML: (v) => toGoYaml(v),
    WithDefaultBool: (v, dflt) => (typeof v === 'boolean' ? v : dflt),
    contains: (needle, haystack) => String(haystack).includes(String(needle)),
    replace: (text, from, to) => String(text).replaceAll(String(from), String(to)),
    join: (sep, list) => (Array.isArray(list) ? list.map(String).join(String(sep)) : ''),
    indent: (width, text) => indent(Number(width), String(text)),
    nindent: (width, text) => `\n${indent(Number(width), String(text))}`,
  };
}
