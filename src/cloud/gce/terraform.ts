import { filesProviderBlocks, requiredProviders } from '../terraform.js';
import type { TerraformCloud } from '../types.js';

/** Terraform of a GCE cluster: the `google` provider of its project and region, and the state-store files' provider. */
export function gceTerraform(project: string, storeObjectAcl?: TerraformCloud['storeObjectAcl']): TerraformCloud {
  return {
    providerBlocks: (options) => [{ name: 'google', attributes: { project, region: options.region, ...options.providerExtraConfig } }, ...filesProviderBlocks(options)],
    requiredProviders: ({ filesProviders }) => requiredProviders('google', filesProviders),
    outputs: { project },
    ...(storeObjectAcl ? { storeObjectAcl } : {}),
  };
}
