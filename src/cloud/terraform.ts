import type { FilesProvider, TerraformProviderBlock, TerraformProviderOptions, TerraformRequiredProvider } from './types.js';

/** The alias of the provider writing state-store objects (`aws.files`, `google.files`). */
export function filesProviderAlias(provider: FilesProvider): string {
  return `${provider}.files`;
}

/** The provider blocks of the state-store files, sorted by provider: S3 in the bucket's region, Cloud Storage as is. */
export function filesProviderBlocks(options: TerraformProviderOptions): TerraformProviderBlock[] {
  return [...new Set(options.filesProviders)].sort().map((name) => ({
    name,
    attributes: { alias: 'files', ...(name === 'aws' ? { region: options.filesRegion ?? options.region } : {}), ...options.filesProviderExtraConfig },
  }));
}

const PROVIDER_SOURCES: Record<FilesProvider, { source: string; version: string }> = {
  aws: { source: 'hashicorp/aws', version: '>= 5.0.0' },
  google: { source: 'hashicorp/google', version: '>= 5.11.0' },
};

/** The requirements of the cluster's provider and of the files' ones, sorted by name; a files provider declares its alias. */
export function requiredProviders(cloudProvider: FilesProvider, filesProviders: readonly FilesProvider[]): TerraformRequiredProvider[] {
  return [...new Set([cloudProvider, ...filesProviders])].sort().map((name) => ({
    name,
    ...PROVIDER_SOURCES[name],
    ...(filesProviders.includes(name) ? { configurationAliases: [filesProviderAlias(name)] } : {}),
  }));
}
