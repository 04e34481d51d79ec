import { UserError } from '../errors.js';
import type { CloudLookup } from './lookup.js';
import type { Cloud } from './types.js';
import { awsCloud } from './aws/cloud.js';
import { regionOfZone as awsRegionOfZone } from './aws/lookup.js';
import { sdkLookup } from './aws/lookup-sdk.js';
import { gceCloud } from './gce/cloud.js';
import { gceZoneToRegion } from './gce/lookup.js';

export interface OpenCloudOptions {
  region: string;
  /** Environment to read endpoints and credentials from (default: the process's, with the SDKs' full chains). */
  env?: Record<string, string | undefined>;
  /** Look-ups to use instead of the cloud's own (tests, the conformance fixture world). */
  lookup?: CloudLookup;
  /** The GCE project (`spec.project`). */
  project?: string;
}

/** The cloud a cluster runs on, by its `spec.cloudProvider`. */
export function openCloud(provider: string, options: OpenCloudOptions): Cloud {
  if (provider === 'aws') return awsCloud(options);
  if (provider === 'gce') {
    if (!options.project) throw new UserError('a GCE cluster needs spec.project', 'set spec.project to the project the cluster lives in');
    return gceCloud({ project: options.project, region: options.region, env: options.env });
  }
  throw new UserError(`cloud provider "${provider}" is not supported here yet`, 'use spec.cloudProvider: aws');
}

/** The look-ups of a cloud's region, without credentials checks (inference and defaults). */
export function openLookup(provider: string, region: string): CloudLookup {
  if (provider === 'aws') return sdkLookup(region);
  throw new UserError(`cloud provider "${provider}" is not supported here yet`, 'use spec.cloudProvider: aws');
}

/** The region a zone belongs to. */
export function regionOfZone(provider: string, zone: string): string {
  if (provider === 'aws') return awsRegionOfZone(zone);
  if (provider === 'gce') {
    const region = gceZoneToRegion(zone);
    if (!region) throw new UserError(`"${zone}" is not a GCE zone name`, 'GCE zones look like europe-west4-a');
    return region;
  }
  throw new UserError(`cloud provider "${provider}" is not supported here yet`, 'use spec.cloudProvider: aws');
}
