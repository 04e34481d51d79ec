import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { sharedDir } from '../helpers/cli.js';
import { startFakeKopsController, type FakeKopsController } from './kops-controller-fake.js';
import { nodeup } from './run-nodeup.js';

const goldenData = join(sharedDir, 'kops-reference/conformance/update_cluster/minimal-aws/data');
const nodeConfig = join(goldenData, 'aws_s3_object_nodeupconfig-nodes_content');
const controlPlaneConfig = join(goldenData, 'aws_s3_object_nodeupconfig-master-us-test-1a_content');

const scratch = mkdtempSync(join(tmpdir(), 'nodeup-test-'));
let rootCount = 0;
const freshRoot = () => {
  const root = join(scratch, `root-${rootCount++}`);
  mkdirSync(root);
  return root;
};
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
const mode = (root: string, path: string) => (statSync(join(root, path)).mode & 0o777).toString(8);

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('rendering a golden worker-node config into a root', () => {
  let root: string;
  let first: Awaited<ReturnType<typeof nodeup>>;
  let unreachable: string;
  const config = parse(readFileSync(nodeConfig, 'utf8'));

  beforeAll(async () => {
    root = freshRoot();
    unreachable = `https://127.0.0.1:${await closedPort()}`;
    first = await nodeup(['--conf', nodeConfig, '--root', root, '--distribution', 'ubuntu', '--arch', 'amd64', '--kops-controller', unreachable]);
  });

  test('exits 0 and lists the certificates kops-controller could not sign', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`certificates not obtained \\(kops-controller at ${unreachable} unreachable.*\\): kube-proxy, kubelet, kubelet-server`));
  });

  test('writes the kubelet config, its flags and its unit', () => {
    const kubeletConf = parse(read(root, 'var/lib/kubelet/kubelet.conf'));
    expect(kubeletConf).toMatchObject({ kind: 'KubeletConfiguration', staticPodPath: '/etc/kubernetes/manifests', clusterDNS: [config.KubeletConfig.clusterDNS] });
    expect(kubeletConf.evictionHard['memory.available']).toBe('100Mi');
    expect(read(root, 'etc/sysconfig/kubelet')).toContain('--cloud-provider=external --kubeconfig=/var/lib/kubelet/kubeconfig');
    expect(read(root, 'lib/systemd/system/kubelet.service')).toContain('EnvironmentFile=/etc/sysconfig/kubelet');
    expect(statSync(join(root, 'etc/kubernetes/manifests')).isDirectory()).toBe(true);
  });

  test('writes containerd with the sandbox image from the config, and its unit', () => {
    expect(read(root, 'etc/containerd/config.toml')).toContain(`sandbox = "${config.containerdConfig.sandboxImage}"`);
    expect(read(root, 'lib/systemd/system/containerd.service')).toContain('ExecStart=/usr/bin/containerd -c /etc/containerd/config.toml');
  });

  test('writes kube-proxy as a static pod with the image the config names', () => {
    const pod = parse(read(root, 'etc/kubernetes/manifests/kube-proxy.manifest'));
    expect(pod.spec.containers[0].image).toBe(config.KubeProxy.image);
    expect(pod.spec.containers[0].args).toContain(`--cluster-cidr=${config.KubeProxy.clusterCIDR}`);
  });

  test('writes sysctls and records the assets without downloading them', () => {
    expect(read(root, 'etc/sysctl.d/99-k8s-general.conf')).toContain('net.ipv4.ip_forward = 1');
    const recorded = parse(read(root, 'var/cache/nodeup/assets.yaml')) as Array<{ url: string; sha256: string }>;
    expect(recorded.map((a) => `${a.sha256}@${a.url}`)).toEqual(config.Assets.amd64);
    expect(first.stdout).toMatch(/assets not downloaded \(rendering into .*\): .*kubelet/);
    expect(existsSync(join(root, 'usr/local/bin/kubelet'))).toBe(false);
  });

  test('lists the OS packages and chrony, and the commands that would install and start them on the host', () => {
    expect(first.stdout).toContain('OS packages: chrony, iptables, libapparmor1, libseccomp2, unattended-upgrades, util-linux\n');
    expect(first.stdout).toMatch(/host commands \(not run when rendering into .*\): env DEBIAN_FRONTEND=noninteractive apt-get update; .*apt-get install --yes --no-install-recommends chrony; .*systemctl enable chrony; systemctl start chrony;/);
    expect(read(root, 'etc/chrony/chrony.conf')).toContain('pool 169.254.169.123 prefer iburst\n');
  });

  test('a second run changes nothing', async () => {
    const before = statSync(join(root, 'var/lib/kubelet/kubelet.conf')).mtimeMs;
    const second = await nodeup(['--conf', nodeConfig, '--root', root, '--distribution', 'ubuntu', '--arch', 'amd64', '--kops-controller', unreachable]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('no changes');
    expect(second.stdout).not.toMatch(/^(create|update) /m);
    expect(statSync(join(root, 'var/lib/kubelet/kubelet.conf')).mtimeMs).toBe(before);
  });
});

describe('rendering a golden control-plane config', () => {
  test('installs the CA bundle and keeps existing /etc/hosts lines around its own block', async () => {
    const root = freshRoot();
    mkdirSync(join(root, 'etc'));
    writeFileSync(join(root, 'etc/hosts'), '127.0.0.1 localhost\n');
    const config = parse(readFileSync(controlPlaneConfig, 'utf8'));
    const result = await nodeup(['--conf', `file://${controlPlaneConfig}`, '--root', root, '--distribution', 'ubuntu', '--arch', 'amd64']);
    expect(result.code).toBe(0);
    expect(read(root, 'srv/kubernetes/ca.crt')).toBe(config.CAs['kubernetes-ca']);
    expect(mode(root, 'srv/kubernetes/ca.crt')).toBe('600');
    expect(read(root, 'var/lib/kube-scheduler/config.yaml')).toContain('kubeconfig: /var/lib/kube-scheduler/kubeconfig');
    const hosts = read(root, 'etc/hosts');
    expect(hosts.startsWith('127.0.0.1 localhost\n')).toBe(true);
    expect(hosts).toContain('127.0.0.1\tapi.internal.minimal-aws.example.com');
    expect(result.stdout).toMatch(/not fetched from the state store: memfs:\/\/.*etcd\/main-master-us-test-1a\.yaml/);

    const again = await nodeup(['--conf', `file://${controlPlaneConfig}`, '--root', root, '--distribution', 'ubuntu', '--arch', 'amd64']);
    expect(again.stdout).toContain('no changes');
    expect(read(root, 'etc/hosts')).toBe(hosts);
  });
});

describe('--dry-run', () => {
  test('prints the plan of files and units and writes nothing', async () => {
    const root = freshRoot();
    const result = await nodeup(['--conf', nodeConfig, '--root', root, '--dry-run', '--distribution', 'ubuntu', '--arch', 'amd64']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('would create File//var/lib/kubelet/kubelet.conf');
    expect(result.stdout).toContain('would create Service/kubelet.service');
    expect(result.stdout).toContain('would create IssueCert/kubelet');
    expect(result.stdout).toContain('would create File//var/lib/kubelet/kubeconfig');
    expect(existsSync(join(root, 'var'))).toBe(false);
    expect(existsSync(join(root, 'etc'))).toBe(false);
  });
});

describe('refusing bad input', () => {
  test('a config without a required field is refused, naming the field', async () => {
    const config = parse(readFileSync(nodeConfig, 'utf8'));
    delete config.KubernetesVersion;
    const file = join(scratch, 'no-version.yaml');
    writeFileSync(file, stringify(config));
    const root = freshRoot();
    const result = await nodeup(['--conf', file, '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('required field KubernetesVersion is missing');
    expect(existsSync(join(root, 'etc'))).toBe(false);
  });

  test('a cached asset whose hash is wrong is refused, naming it; the right bytes are installed', async () => {
    const content = Buffer.from('a kubelet binary');
    const sha = createHash('sha256').update(content).digest('hex');
    const config = parse(readFileSync(nodeConfig, 'utf8'));
    config.Assets = { amd64: [`${sha}@https://dl.k8s.io/release/v1.34.0/bin/linux/amd64/kubelet`] };
    const file = join(scratch, 'one-asset.yaml');
    writeFileSync(file, stringify(config));
    const root = freshRoot();
    const cached = join(root, `var/cache/nodeup/sha256:${sha}_kubelet`);
    mkdirSync(join(root, 'var/cache/nodeup'), { recursive: true });

    writeFileSync(cached, 'tampered');
    const refused = await nodeup(['--conf', file, '--root', root, '--arch', 'amd64', '--kops-controller', `https://127.0.0.1:${await closedPort()}`]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/asset kubelet: .* has sha256 [0-9a-f]{64}, the config expects /);

    writeFileSync(cached, content);
    const accepted = await nodeup(['--conf', file, '--root', root, '--arch', 'amd64', '--kops-controller', `https://127.0.0.1:${await closedPort()}`]);
    expect(accepted.code).toBe(0);
    expect(readFileSync(join(root, 'usr/local/bin/kubelet'))).toEqual(content);
    expect(mode(root, 'usr/local/bin/kubelet')).toBe('755');
  });
});

describe('certificates from kops-controller', () => {
  let controller: FakeKopsController;
  beforeAll(async () => {
    controller = await startFakeKopsController();
  });
  afterAll(() => controller.close());

  test('a node gets its certificates signed and writes kubeconfigs with them; a second run asks nothing', async () => {
    const root = freshRoot();
    const caFile = join(scratch, 'ca.pem');
    writeFileSync(caFile, controller.caPem);
    const args = ['--conf', nodeConfig, '--root', root, '--arch', 'amd64', '--kops-controller', controller.url, '--ca-certificates', caFile];
    const result = await nodeup(args);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('certificates not obtained');
    expect(controller.requests).toHaveLength(1);
    expect(Object.keys(controller.requests[0].certs).sort()).toEqual(['kube-proxy', 'kubelet', 'kubelet-server']);

    const cert = new X509Certificate(read(root, 'srv/kubernetes/kubelet.crt'));
    const key = createPublicKey(read(root, 'srv/kubernetes/kubelet.key'));
    expect(cert.publicKey.export({ type: 'spki', format: 'der' })).toEqual(key.export({ type: 'spki', format: 'der' }));
    expect(mode(root, 'srv/kubernetes/kubelet.key')).toBe('600');
    expect(read(root, 'srv/kubernetes/ca.crt')).toBe(controller.caPem);

    const kubeconfig = parse(read(root, 'var/lib/kubelet/kubeconfig'));
    expect(kubeconfig.clusters[0].cluster.server).toBe('https://api.internal.minimal-aws.example.com');
    expect(Buffer.from(kubeconfig.users[0].user['client-certificate-data'], 'base64').toString()).toBe(read(root, 'srv/kubernetes/kubelet.crt'));
    expect(Buffer.from(kubeconfig.clusters[0].cluster['certificate-authority-data'], 'base64').toString()).toBe(controller.caPem);
    expect(mode(root, 'var/lib/kubelet/kubeconfig')).toBe('400');
    expect(existsSync(join(root, 'var/lib/kube-proxy/kubeconfig'))).toBe(true);

    const again = await nodeup(args);
    expect(again.stdout).toContain('no changes');
    expect(controller.requests).toHaveLength(1);
  });
});
