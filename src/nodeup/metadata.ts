/** The instance's private IPv4 address from the EC2 instance metadata service (IMDSv2: a session token, then the value). */
export async function awsLocalIPv4(endpoint = process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT ?? 'http://169.254.169.254'): Promise<string> {
  const base = endpoint.replace(/\/+$/, '');
  try {
    const tokenResponse = await fetch(`${base}/latest/api/token`, { method: 'PUT', headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '60' } });
    if (!tokenResponse.ok) throw new Error(`token: HTTP ${tokenResponse.status}`);
    const token = await tokenResponse.text();
    const response = await fetch(`${base}/latest/meta-data/local-ipv4`, { headers: { 'X-aws-ec2-metadata-token': token } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.text()).trim();
  } catch (err) {
    throw new Error(`failed to get local-ipv4 address from ec2 metadata: ${(err as Error).message}`);
  }
}
