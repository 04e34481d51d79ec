/**
 * A running cluster for the operating commands: kops creates it on moto (`create cluster` + `update cluster --yes`),
 * an in-process HTTPS Kubernetes API serves it with a certificate from the cluster's CA, and a kubelet stand-in
 * registers a Node for each instance moto launches (and drops the nodes of terminated ones).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeInstancesCommand, EC2Client, type Instance } from '@aws-sdk/client-ec2';
import { Keystore } from '../../src/pki/keystore.js';
import { issueCertificate, parseCertificate, systemIssueEnv } from '../../src/pki/certificates.js';
import { generateRsaKey, parsePrivateKey } from '../../src/pki/keys.js';
import { primaryItem } from '../../src/pki/keyset.js';
import { openVfs } from '../../src/statestore/index.js';
import { kops, type RunResult } from './cli.js';
import { startMotoForKops } from './kops-on-moto.js';
import { startAutoscalingProxy, type AutoscalingProxy } from './autoscaling-proxy.js';
import { KubeApiServer, nodePath } from './kube-apiserver.js';
import type { MotoServer } from './moto.js';

export interface OperatedCluster {
  name: string;
  dir: string;
  moto: MotoServer;
  env: Record<string, string>;
  api: KubeApiServer;
  /** The Auto Scaling proxy kops talks to after the cluster is created (moto's gaps answered there). */
  proxy: AutoscalingProxy;
  ec2: EC2Client;
  /** Runs the built kops with this cluster's environment. */
  run(...args: string[]): Promise<RunResult>;
  /** Instances (by id) whose kubelet never reports Ready. */
  neverReady: Set<string>;
  /** When set, every instance launched from now on never becomes Ready. */
  newInstancesNeverReady: boolean;
  /** One pass of the kubelet stand-in (it also runs every 250 ms). */
  syncNodes(): Promise<void>;
  runningInstances(): Promise<Instance[]>;
  stop(): Promise<void>;
}

export function ok(r: RunResult): RunResult {
  if (r.code !== 0) throw new Error(`kops exited ${r.code}\nstderr:\n${r.stderr}\nstdout:\n${r.stdout}`);
  return r;
}

/** Creates and applies a cluster on a fresh moto (one control-plane instance, `nodes` worker instances). */
export async function startOperatedCluster(options: { name?: string; nodes?: number } = {}): Promise<OperatedCluster> {
  const name = options.name ?? 'op.k8s.local';
  const dir = mkdtempSync(join(tmpdir(), 'kops-operate-'));
  const world = await startMotoForKops(dir);
  const env: Record<string, string> = { ...world.env, KOPS_CLUSTER_NAME: name };
  const run = (...args: string[]) => kops(args, { env });
  ok(await run('create', 'cluster', '--name', name, '--zones', 'us-east-1a', '--node-count', String(options.nodes ?? 2), '--ssh-public-key', world.sshPublicKey));
  ok(await run('update', 'cluster', name, '--yes', '--admin'));

  const proxy = await startAutoscalingProxy(world.moto.endpoint);
  env.AWS_ENDPOINT_URL = proxy.endpoint;
  const tls = await servingCertificate(env.KOPS_STATE_STORE, name);
  const api = new KubeApiServer({ tls });
  await api.start();
  const ec2 = new EC2Client({ region: 'us-east-1', endpoint: world.moto.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

  const runningInstances = async (): Promise<Instance[]> => {
    const out = await ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'tag:KubernetesCluster', Values: [name] }, { Name: 'instance-state-name', Values: ['pending', 'running'] }] }),
    );
    return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  };
  const cluster: OperatedCluster = {
    name,
    dir,
    moto: world.moto,
    env,
    api,
    proxy,
    ec2,
    run,
    neverReady: new Set(),
    newInstancesNeverReady: false,
    runningInstances,
    syncNodes: async () => {
      const instances = await runningInstances();
      const live = new Set(instances.map((i) => i.InstanceId!));
      for (const node of api.list('/api/v1/nodes')) {
        const id = (node.spec as { providerID: string }).providerID.split('/').pop()!;
        if (!live.has(id)) {
          api.objects.delete(nodePath(node.metadata.name));
          for (const pod of api.podsOn(node.metadata.name)) api.objects.delete(pod);
        }
      }
      for (const instance of instances) {
        const id = instance.InstanceId!;
        if (api.objects.has(nodePath(id))) continue;
        if (cluster.newInstancesNeverReady && !known.has(id)) cluster.neverReady.add(id);
        const tags = Object.fromEntries((instance.Tags ?? []).map((t) => [t.Key, t.Value]));
        const controlPlane = 'k8s.io/role/control-plane' in tags;
        api.registerNode(id, { instanceId: id, zone: instance.Placement?.AvailabilityZone ?? 'us-east-1a', ready: !cluster.neverReady.has(id), controlPlane, instanceGroup: tags['kops.k8s.io/instancegroup'] });
        if (controlPlane) {
          for (const app of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
            api.addPod('kube-system', `${app}-${id}`, { node: id, app, priorityClassName: 'system-cluster-critical' });
          }
        }
      }
      for (const id of live) known.add(id);
    },
    stop: async () => {
      clearInterval(timer);
      // A pass under way still calls moto: let it finish before moto goes.
      await syncing;
      await api.stop();
      await proxy.stop();
      await world.moto.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const known = new Set<string>();
  await cluster.syncNodes();
  let syncing: Promise<void> | undefined;
  const timer = setInterval(() => {
    syncing ??= cluster.syncNodes().finally(() => (syncing = undefined));
  }, 250);
  return cluster;
}

/** A serving certificate for 127.0.0.1, issued from the cluster's kubernetes-ca in the state store. */
export async function servingCertificate(storeUrl: string, clusterName: string): Promise<{ cert: string; key: string }> {
  const keystore = new Keystore(openVfs(`${storeUrl}/${clusterName}/pki`), systemIssueEnv);
  const ca = await keystore.find('kubernetes-ca');
  if (!ca) throw new Error('the cluster has no kubernetes-ca');
  const primary = primaryItem(ca);
  const key = await generateRsaKey();
  const issued = await issueCertificate(
    { type: 'server', commonName: 'kubernetes', alternateNames: ['127.0.0.1', 'localhost'] },
    key,
    { certificate: parseCertificate(primary.certificatePem), key: parsePrivateKey(primary.privateKeyPem!) },
    systemIssueEnv,
  );
  return { cert: issued.pem, key: key.pem };
}
