/** The kubelet's --node-ip (nodeup/pkg/model/kubelet.go): the metadata address when pods take secondary IPs, :: on IPv6. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { buildTasks } from '../../src/nodeup/build.js';
import type { BuildContext } from '../../src/nodeup/builders/context.js';
import { parseNodeupConfig } from '../../src/nodeup/config.js';
import { awsLocalIPv4 } from '../../src/nodeup/metadata.js';
import type { FileTask } from '../../src/nodeup/tasks.js';

function sysconfig(networking: Record<string, unknown>, localIP?: string): string {
  const config = parseNodeupConfig(JSON.stringify({ ClusterName: 'c.example.com', KubernetesVersion: '1.34.0', KubeletConfig: {}, Assets: { amd64: [] }, KubeProxy: null, Networking: networking }), 'test');
  const ctx: BuildContext = { config, role: 'Node', host: { distribution: 'ubuntu', architecture: 'amd64', localIP }, assets: {}, remote: new Map() };
  return String(buildTasks(ctx).find((t): t is FileTask => t.kind === 'File' && t.path === '/etc/sysconfig/kubelet')?.contents);
}

describe('kubelet --node-ip', () => {
  test('the instance address when the CNI hands out secondary addresses (cni.usesSecondaryIP, amazon-vpc, Cilium ENI IPAM)', () => {
    for (const networking of [{ cni: { usesSecondaryIP: true } }, { amazonVPC: {} }, { cilium: { ipam: 'eni' } }]) {
      expect(sysconfig({ nonMasqueradeCIDR: '100.64.0.0/10', ...networking }, '172.20.33.7')).toContain(' --node-ip=172.20.33.7 --config=');
    }
    expect(sysconfig({ nonMasqueradeCIDR: '100.64.0.0/10', cilium: {} }, '172.20.33.7')).not.toContain('--node-ip');
  });

  test(':: on IPv6-only clusters', () => {
    expect(sysconfig({ nonMasqueradeCIDR: '::/0', cilium: {} })).toContain(' --node-ip=:: --config=');
  });

  test('the address is read from the instance metadata service with a session token', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (req.method === 'PUT' && req.url === '/latest/api/token' && req.headers['x-aws-ec2-metadata-token-ttl-seconds']) return res.end('tok');
      if (req.url === '/latest/meta-data/local-ipv4' && req.headers['x-aws-ec2-metadata-token'] === 'tok') return res.end('10.1.2.3');
      res.statusCode = 401;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect(await awsLocalIPv4(endpoint)).toBe('10.1.2.3');
      expect(seen).toEqual(['PUT /latest/api/token', 'GET /latest/meta-data/local-ipv4']);
    } finally {
      server.close();
    }
  });
});
