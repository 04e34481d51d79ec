import type { TerraformProviderBlock, TerraformProviderOptions, TerraformRequiredProvider } from './types.js';

/** State-store files are S3 objects whichever cloud runs the cluster: written through an aliased `aws` provider. */
export const FILES_PROVIDER_ALIAS = 'aws.files';

/** The provider block of the state-store files, when Terraform manages them. */
export function filesProviderBlocks(options: TerraformProviderOptions): TerraformProviderBlock[] {
  if (!options.managesFiles) return [];
  return [{ name: 'aws', attributes: { alias: 'files', region: options.filesRegion ?? options.region, ...options.filesProviderExtraConfig } }];
}

/** The `aws` requirement, with the files alias declared only when its provider block exists. */
export function awsRequiredProvider(managesFiles: boolean): TerraformRequiredProvider {
  return { name: 'aws', source: 'hashicorp/aws', version: '>= 5.0.0', ...(managesFiles ? { configurationAliases: [FILES_PROVIDER_ALIAS] } : {}) };
}
