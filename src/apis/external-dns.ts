/** Which DNS publisher a cluster runs, from spec.externalDns as the kops internal API reads it. */

interface ExternalDnsSpec {
  externalDns?: { disable?: boolean; provider?: string };
}

/**
 * `none` when the v1alpha2 `disable` is set (the conversion to the internal API turns it into provider none, whatever
 * provider says), else the provider given, `dns-controller` by default.
 */
export function externalDnsProvider(spec: ExternalDnsSpec): string {
  if (spec.externalDns?.disable === true) return 'none';
  return spec.externalDns?.provider || 'dns-controller';
}
