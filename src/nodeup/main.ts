import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Command, Option } from 'commander';
import { UserError, formatUserError } from '../errors.js';
import { applyTasks, type ApplyReport } from './apply.js';
import { DISCOVERY_CA } from './builders/discovery.js';
import { sendDiscoveryRegistration } from './discovery-client.js';
import { buildTasks } from './build.js';
import { nodeNameOf, readHostIdentity, withHostIdentity } from './host-identity.js';
import { autoScalingHookClient, completeWarmPoolLifecycleAction, WARM_POOL_HOOK } from './lifecycle-hook.js';
import { awsLocalIPv4, metadataFor } from './metadata.js';
import { usesSecondaryIP } from './networking.js';
import { ENCRYPTION_CONFIG_SECRET, systemdUnitDir, type BuildContext, type HostFacts } from './builders/context.js';
import { DISTRIBUTIONS, distributionFromOsRelease, type Distribution } from './distributions.js';
import { packageManagerOf, type QueryResult } from './packages.js';
import { assetIndex, staticManifestSources } from './builders/host.js';
import { parseNodeupConfig, roleOf, type NodeupConfig } from './config.js';
import { kopsControllerSigner } from './kops-controller.js';
import { localSigner } from './local-signer.js';
import { configBaseOf, fetchAll, instanceGroupOf, normaliseLocation, readKeypairs, readLocation, readSecret } from './source.js';

const execFileAsync = promisify(execFile);

/** Keysets control planes read from the keystore: the CAs they sign their own certificates with, and the token key. */
const KEYSTORE_KEYPAIRS = ['kubernetes-ca', 'apiserver-aggregator-ca', 'etcd-clients-ca', 'service-account'];

interface Options {
  conf: string;
  root: string;
  dryRun?: boolean;
  kopsController?: string;
  caCertificates?: string;
  distribution?: Distribution;
  arch?: 'amd64' | 'arm64';
  cloudProvider: string;
  instanceGroup?: string;
}

async function run(opts: Options): Promise<number> {
  const root = resolve(opts.root);
  const confUrl = normaliseLocation(opts.conf);
  const givenConfig = parseNodeupConfig(await readLocation(opts.conf), opts.conf);
  const role = roleOf(givenConfig);
  // Only the instance being configured can say what it is called; a render elsewhere keeps the config's values.
  const metadata = metadataFor(opts.cloudProvider);
  const identity = root === '/' && metadata ? await readHostIdentity(givenConfig, role, opts.cloudProvider, metadata) : undefined;
  const config = identity ? withHostIdentity(givenConfig, identity) : givenConfig;
  const host: HostFacts = {
    distribution: opts.distribution ?? (await detectDistribution(root)),
    architecture: opts.arch ?? hostArchitecture(),
    nodeName: nodeNameOf(identity, hostname()),
    warming: identity?.warming,
    localIP: usesSecondaryIP(config) && opts.cloudProvider === 'aws' ? await awsLocalIPv4() : undefined,
  };
  const configBase = configBaseOf(confUrl, config.channelsManifest);
  const remoteUrls = [...staticManifestSources(config, configBase).map((s) => s.url), ...(role === 'ControlPlane' && config.channelsManifest ? [config.channelsManifest] : [])];
  const { fetched, failed } = await fetchAll(remoteUrls);
  const keysets = config.discoveryServiceWithUniverse && role === 'ControlPlane' ? [...KEYSTORE_KEYPAIRS, DISCOVERY_CA] : KEYSTORE_KEYPAIRS;
  const keystore = role !== 'Node' && config.configStore?.keypairs ? await readKeypairs(config.configStore.keypairs, keysets) : undefined;
  failed.push(...(keystore?.failed ?? []));
  const secrets = await readNeededSecrets(config);
  const caBundle = opts.caCertificates ? await readFile(opts.caCertificates, 'utf8') : config.CAs?.['kubernetes-ca'];
  const ctx: BuildContext = { config, role, host, assets: assetIndex(config, host.architecture), remote: fetched, keypairs: keystore?.keypairs, trustedCertificates: keystore?.trusted, secrets, caBundle, configBase, cloudProvider: opts.cloudProvider };
  const tasks = buildTasks(ctx);

  const kopsControllerUrl = opts.kopsController ?? `https://kops-controller.internal.${config.ClusterName}:3988`;
  const report = await applyTasks(tasks, {
    root,
    dryRun: Boolean(opts.dryRun),
    unitDir: systemdUnitDir(host),
    signer: role === 'Node' ? kopsControllerSigner(kopsControllerUrl, caBundle) : keystore?.keypairs.size ? localSigner(keystore.keypairs) : undefined,
    caBundle,
    download: downloadAsset,
    runCommand: root === '/' ? runHostCommand : undefined,
    query: root === '/' ? queryHost : undefined,
    packageManager: packageManagerOf(host.distribution),
    registerDiscovery: root === '/' ? sendDiscoveryRegistration : undefined,
  });

  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`nodeup: ${tasks.length} tasks for a ${role} of ${config.ClusterName}${opts.dryRun ? ' (dry run: nothing written)' : ''} into ${root}`);
  if (identity) out(`node name ${host.nodeName}${identity.warming ? ', warming in the warm pool (kubelet left stopped)' : ''}`);
  else if (metadata) out(`node name and warm-pool state not read from the ${opts.cloudProvider} metadata service (rendering into ${root})`);
  printReport(report, Boolean(opts.dryRun), root, out);
  for (const f of failed) out(`not fetched from the state store: ${f.url} (${f.reason})`);

  const incomplete = report.missingCertificates !== undefined || report.deferred.length > 0 || failed.length > 0;
  if (incomplete && root === '/' && !opts.dryRun) {
    throw new UserError('the host is not fully configured: see the lines above', 'make kops-controller and the state store reachable, then run nodeup again');
  }
  if (config.EnableLifecycleHook && identity?.instanceId && identity.region && !opts.dryRun) {
    const group = opts.instanceGroup ?? instanceGroupOf(confUrl);
    if (!group) throw new UserError('the warm pool waits on a lifecycle hook, but the instance group is not known', 'pass --instance-group, or --conf in the kops layout (<base>/igconfig/<role>/<group>/nodeupconfig.yaml)');
    const completed = await completeWarmPoolLifecycleAction(autoScalingHookClient(identity.region), group, config.ClusterName, identity.instanceId);
    out(completed ? `completed the ${WARM_POOL_HOOK} lifecycle action of ${group}.${config.ClusterName}` : `no ${WARM_POOL_HOOK} lifecycle hook on ${group}.${config.ClusterName}`);
  }
  return 0;
}

function printReport(report: ApplyReport, dryRun: boolean, root: string, out: (line: string) => void): void {
  for (const change of report.changes) out(`${dryRun ? 'would ' : ''}${change.action} ${change.key}`);
  out(report.changes.length === 0 ? 'no changes' : `${report.changes.length} change(s), ${report.unchanged} unchanged`);
  if (report.missingCertificates) out(`certificates not obtained (${report.missingCertificates.reason}): ${report.missingCertificates.names.join(', ')}`);
  if (report.pendingAssets.length) out(`assets not downloaded${root === '/' ? '' : ` (rendering into ${root})`}: ${report.pendingAssets.join(', ')}`);
  if (report.deferred.length) out(`not written (they need a certificate or asset above): ${report.deferred.join(', ')}`);
  if (report.packages.length) out(`OS packages: ${report.packages.join(', ')}`);
  for (const r of report.registrations) out(`${r.sent ? 'registered with' : 'not sent (rendering or dry run) to'} the discovery service: ${r.url}`);
  if (report.commands.length) {
    const label = root === '/' && !dryRun ? 'ran' : `host commands (not run when rendering into ${root})`;
    out(`${label}: ${report.commands.map((c) => c.join(' ')).join('; ')}`);
  }
}

async function runHostCommand(argv: string[]): Promise<void> {
  await execFileAsync(argv[0], argv.slice(1)).catch((err: Error) => {
    throw new UserError(`\`${argv.join(' ')}\` failed: ${err.message.split('\n')[0]}`);
  });
}

/** Runs an inspecting command; its exit status is an answer, not a failure. */
async function queryHost(argv: string[]): Promise<QueryResult> {
  return execFileAsync(argv[0], argv.slice(1)).then(
    ({ stdout, stderr }) => ({ status: 0, output: `${stdout}${stderr}` }),
    (err: Error & { code?: number | string; stdout?: string; stderr?: string }) => {
      if (typeof err.code !== 'number') throw new UserError(`\`${argv.join(' ')}\` could not run: ${err.message.split('\n')[0]}`);
      return { status: err.code, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
    },
  );
}

async function detectDistribution(root: string): Promise<Distribution> {
  return distributionFromOsRelease(await readFile(resolve(root, 'etc/os-release'), 'utf8').catch(() => ''));
}

function hostArchitecture(): 'amd64' | 'arm64' {
  return process.arch === 'arm64' ? 'arm64' : 'amd64';
}

async function downloadAsset(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (!res.ok) throw new UserError(`asset ${url}: download failed with HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

const program = new Command('nodeup')
  .description('Configures a host from its kops nodeup configuration: files, systemd units, static pods, certificates')
  .requiredOption('--conf <location>', 'the nodeup configuration: a path, or a file://, s3:// or memfs:// URL')
  .option('--root <dir>', 'directory standing for the host root (render elsewhere than / to inspect the result)', '/')
  .option('--dry-run', 'print the plan of files and units; write nothing')
  .option('--kops-controller <url>', 'kops-controller bootstrap URL (default https://kops-controller.internal.<cluster>:3988)')
  .option('--ca-certificates <file>', 'the cluster CA bundle from the boot config (trusted for kops-controller, installed as /srv/kubernetes/ca.crt)')
  .addOption(new Option('--distribution <name>', 'host distribution (default: from <root>/etc/os-release)').choices([...DISTRIBUTIONS]))
  .option('--instance-group <name>', 'the instance group of this host (default: from the --conf path in the kops layout)')
  .option('--cloud-provider <name>', "the cloud the host runs on, as the boot config's CloudProvider", 'aws')
  .addOption(new Option('--arch <arch>', 'host architecture (default: this machine)').choices(['amd64', 'arm64']))
  .action(async (opts: Options) => {
    process.exitCode = await run(opts);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof UserError) {
    process.stderr.write(`${formatUserError(err)}\n`);
    process.exitCode = err.exitCode;
    return;
  }
  process.stderr.write(`error: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});

/** The cluster secrets the config needs on this host: the API server's encryption config when it has one. */
async function readNeededSecrets(config: NodeupConfig): Promise<Map<string, string>> {
  const secrets = new Map<string, string>();
  const base = config.configStore?.secrets;
  if (!config.APIServerConfig?.EncryptionConfigSecretHash || !base) return secrets;
  const value = await readSecret(base, ENCRYPTION_CONFIG_SECRET);
  if (value !== undefined) secrets.set(ENCRYPTION_CONFIG_SECRET, value);
  return secrets;
}
