/** Reads one value of the instance's metadata service; undefined when the service has no such entry (HTTP 404). */
export type MetadataReader = (path: string) => Promise<string | undefined>;

const AWS_ENDPOINT = () => process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT ?? 'http://169.254.169.254';

/** The EC2 instance metadata service (IMDSv2: a session token, then the value), paths under `latest/meta-data/`. */
export function awsMetadata(endpoint = AWS_ENDPOINT()): MetadataReader {
  const base = endpoint.replace(/\/+$/, '');
  let token: Promise<string> | undefined;
  const session = () =>
    (token ??= fetch(`${base}/latest/api/token`, { method: 'PUT', headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '60' } }).then(async (res) => {
      if (!res.ok) throw new Error(`token: HTTP ${res.status}`);
      return res.text();
    }));
  return async (path) => {
    try {
      return await readValue(`${base}/latest/meta-data/${path}`, { 'X-aws-ec2-metadata-token': await session() });
    } catch (err) {
      throw new Error(`failed to get ${path} from ec2 metadata: ${(err as Error).message}`);
    }
  };
}

/** The GCE metadata server, paths under `computeMetadata/v1/`. */
export function gceMetadata(endpoint = process.env.GCE_METADATA_HOST ? `http://${process.env.GCE_METADATA_HOST}` : 'http://metadata.google.internal'): MetadataReader {
  const base = endpoint.replace(/\/+$/, '');
  return async (path) => {
    try {
      return await readValue(`${base}/computeMetadata/v1/${path}`, { 'Metadata-Flavor': 'Google' });
    } catch (err) {
      throw new Error(`failed to get ${path} from gce metadata: ${(err as Error).message}`);
    }
  };
}

/** The DigitalOcean droplet metadata service, paths under `metadata/v1/`. */
export function digitalOceanMetadata(endpoint = 'http://169.254.169.254'): MetadataReader {
  const base = endpoint.replace(/\/+$/, '');
  return async (path) => {
    try {
      return await readValue(`${base}/metadata/v1/${path}`, {});
    } catch (err) {
      throw new Error(`failed to get ${path} from digitalocean metadata: ${(err as Error).message}`);
    }
  };
}

/** The metadata service of the cloud the host runs on, for the clouds nodeup reads one on. */
export function metadataFor(cloudProvider: string): MetadataReader | undefined {
  if (cloudProvider === 'aws') return awsMetadata();
  if (cloudProvider === 'gce') return gceMetadata();
  if (cloudProvider === 'digitalocean') return digitalOceanMetadata();
  return undefined;
}

async function readValue(url: string, headers: Record<string, string>): Promise<string | undefined> {
  const response = await fetch(url, { headers });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.text()).trim();
}

/** The instance's private IPv4 address from the EC2 instance metadata service. */
export async function awsLocalIPv4(endpoint = AWS_ENDPOINT()): Promise<string> {
  const address = await awsMetadata(endpoint)('local-ipv4');
  if (address === undefined) throw new Error('failed to get local-ipv4 address from ec2 metadata: not found');
  return address;
}
