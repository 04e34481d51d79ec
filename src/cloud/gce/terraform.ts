import { awsRequiredProvider, filesProviderBlocks } from '../terraform.js';
import type { TerraformCloud } from '../types.js';

/** Terraform of a GCE cluster: the `google` provider of its project and region; `aws` only for state-store files. */
export function gceTerraform(project: string): TerraformCloud {
  return {
    providerBlocks: (options) => [{ name: 'google', attributes: { project, region: options.region, ...options.providerExtraConfig } }, ...filesProviderBlocks(options)],
    requiredProviders: ({ managesFiles }) => [...(managesFiles ? [awsRequiredProvider(true)] : []), { name: 'google', source: 'hashicorp/google', version: '>= 5.11.0' }],
    outputs: { project },
  };
}
