/**
 * Where a service-account issuer discovery store (`spec.serviceAccountIssuerDiscovery.discoveryStore`) is served over
 * HTTPS, as the Go kops's S3Path/GSPath GetHTTPsUrl answer it: S3 by the SDK's endpoint rules (virtual-hosted for a
 * bucket name that is a plain DNS label, path style otherwise), Cloud Storage on storage.googleapis.com.
 */
import { UserError } from '../errors.js';

const FIELD = 'spec.serviceAccountIssuerDiscovery.discoveryStore';

export interface DiscoveryStoreLocation {
  scheme: string;
  bucket: string;
  /** The path inside the bucket, without leading or trailing slashes ('' for the bucket's root). */
  key: string;
}

/** A discovery store URL split into scheme, bucket and key; a value that is no store URL is refused naming the field. */
export function parseDiscoveryStore(store: string): DiscoveryStoreLocation {
  const match = /^([a-z0-9]+):\/\/([^/]+)\/?(.*?)\/*$/.exec(store);
  if (!match) throw new UserError(`${FIELD}: ${JSON.stringify(store)} is not a store URL`, 'use s3://bucket/path');
  const [, scheme, bucket, key] = match;
  return { scheme, bucket, key };
}

export interface HttpsUrlFacts {
  /** The region of an S3 bucket (a cloud look-up made beforehand); undefined when it cannot be told. */
  s3Region: (bucket: string) => string | undefined;
  /** The cluster is IPv6-only: S3 is reached on its dual-stack endpoint. */
  dualstack: boolean;
}

export function discoveryStoreHttpsUrl(store: string, facts: HttpsUrlFacts): string {
  const { scheme, bucket, key } = parseDiscoveryStore(store);
  const path = key ? `/${key}` : '';
  switch (scheme) {
    case 's3': {
      const region = facts.s3Region(bucket);
      if (!region) throw new UserError(`${FIELD}: cannot find the region of bucket ${bucket}`, 'check the bucket exists and is readable');
      const host = `s3.${facts.dualstack ? 'dualstack.' : ''}${region}.${s3DnsSuffix(region)}`;
      return virtualHostable(bucket) ? `https://${bucket}.${host}${path}` : `https://${host}/${bucket}${path}`;
    }
    case 'gs':
      return `https://storage.googleapis.com/${bucket}${path}`;
    case 'memfs':
      return `https://${bucket}${path}`;
    default:
      throw new UserError(`${FIELD}: ${scheme}:// stores cannot be served publicly`, 'use an s3:// location');
  }
}

/** The DNS suffix of the AWS partition a region belongs to. */
function s3DnsSuffix(region: string): string {
  if (region.startsWith('cn-')) return 'amazonaws.com.cn';
  if (region.startsWith('us-isob-')) return 'sc2s.sgov.gov';
  if (region.startsWith('us-iso-')) return 'c2s.ic.gov';
  return 'amazonaws.com';
}

/** A bucket name S3 serves as a host name label over TLS: 3 to 63 lowercase letters, digits and inner hyphens, no dots. */
function virtualHostable(bucket: string): boolean {
  return /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket);
}
