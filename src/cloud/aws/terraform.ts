import { filesProviderBlocks, requiredProviders } from '../terraform.js';
import type { TerraformCloud } from '../types.js';

/** Terraform of an AWS cluster: the `aws` provider of its region (and the files alias). */
export const awsTerraform: TerraformCloud = {
  providerBlocks: (options) => [{ name: 'aws', attributes: { region: options.region, ...options.providerExtraConfig } }, ...filesProviderBlocks(options)],
  requiredProviders: ({ filesProviders }) => requiredProviders('aws', filesProviders),
  outputs: {},
};
