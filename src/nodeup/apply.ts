import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { toGoYaml } from '../apis/go/yaml.js';
import { UserError } from '../errors.js';
import { assetCachePath } from './builders/host.js';
import { CachedAssets } from './asset-cache.js';
import { discoveryRegistration, type DiscoveryRegistration } from './discovery-client.js';
import type { CertificateSigner, IssuedCredential } from './kops-controller.js';
import { packageInstallCommands, type HostQuery, type PackageManager } from './packages.js';
import { sortTasks, taskKey, type AssetDirectoryTask, type AssetTask, type DiscoveryRegisterTask, type FileTask, type IssueCertTask, type KubeConfigTask, type ServiceTask, type Task, type UpdateEtcHostsTask, type UserTask, type VolumeMountTask } from './tasks.js';

export interface ApplyOptions {
  /** The directory standing for the host's `/`. */
  root: string;
  dryRun: boolean;
  /** Where systemd units go (distribution-specific). */
  unitDir: string;
  /** Signs this node's certificates; undefined when nothing can sign them here (control planes issue from the keystore). */
  signer?: CertificateSigner;
  /** The cluster CA bundle, embedded in the kubeconfigs nodeup writes. */
  caBundle?: string;
  /** Fetches an asset; only used when configuring the real host (root `/`). */
  download?: (url: string) => Promise<Buffer>;
  /** Runs a host command (systemctl, sysctl, apt-get); given only when configuring the real host. */
  runCommand?: (argv: string[]) => Promise<void>;
  /** Runs a command that only inspects the host (is a package installed?); given when nodeup runs on the host. */
  query?: HostQuery;
  /** How the host installs OS packages; undefined on systems nodeup installs none on. */
  packageManager?: PackageManager;
  /** Sends a registration to the discovery service; given only when configuring the real host. */
  registerDiscovery?: (registration: DiscoveryRegistration) => Promise<void>;
}

export interface Change {
  key: string;
  action: 'create' | 'update';
}

export interface ApplyReport {
  changes: Change[];
  unchanged: number;
  /** Certificates nobody signed, and why. */
  missingCertificates: { names: string[]; reason: string } | undefined;
  /** Assets not in the cache (not downloaded when rendering into another root). */
  pendingAssets: string[];
  /** Tasks left undone because what they need (a certificate, an asset) is missing. */
  deferred: string[];
  /** OS packages the host should have (installed first, when the host lacks them). */
  packages: string[];
  /** Host commands run after writing (units reloaded and started, settings applied). */
  commands: string[][];
  /** Discovery-service registrations: sent, or (rendering elsewhere, dry run) only prepared. */
  registrations: Array<{ url: string; sent: boolean }>;
}

const CREDENTIAL_DIR = '/srv/kubernetes';

/** Carries out the tasks under `root`: writes only what differs, so a second run reports no changes. */
export async function applyTasks(tasks: Task[], options: ApplyOptions): Promise<ApplyReport> {
  const report: ApplyReport = { changes: [], unchanged: 0, missingCertificates: undefined, pendingAssets: [], deferred: [], packages: [], commands: [], registrations: [] };
  const writer = new RootWriter(options, report);
  const sorted = sortTasks(tasks);
  const cachedAssets = new CachedAssets(writer);
  for (const task of sorted.filter((t): t is AssetTask => t.kind === 'Asset')) {
    if (await ensureAsset(task, options, writer)) cachedAssets.add(task);
    else report.pendingAssets.push(task.name);
  }
  const credentials = await obtainCredentials(sorted.filter((t): t is IssueCertTask => t.kind === 'IssueCert'), options, writer);
  // Packages go in before any file is written, so that a package never meets (or replaces) a file nodeup owns.
  report.packages = sorted.filter((t) => t.kind === 'Package').map((t) => t.name);
  const installs = report.packages.length && options.packageManager ? await packageInstallCommands(report.packages, options.packageManager, options.query) : [];
  await runHostCommands(installs, options);
  const afterChanges: string[][] = [];
  const mounts: string[][] = [];
  const services: Array<{ task: ServiceTask; changed: boolean }> = [];
  for (const task of sorted) {
    switch (task.kind) {
      case 'File':
        if ((await applyFile(task, options, writer, credentials, cachedAssets)) && task.onChangeExecute) afterChanges.push(...task.onChangeExecute);
        break;
      case 'Service':
        services.push({ task, changed: task.definition !== undefined && (await writer.ensure(taskKey(task), join(options.unitDir, task.name), task.definition, '0644')) });
        break;
      case 'UserTask':
        await ensureUser(task, writer);
        break;
      case 'UpdateEtcHostsTask':
        await ensureHosts(task, writer);
        break;
      case 'VolumeMount':
        mounts.push(...(await volumeMountCommands(task, writer)));
        break;
      case 'AssetDirectory':
        await installEveryAsset(task, writer, cachedAssets, report);
        break;
      default:
        break;
    }
  }
  // Devices are mounted before anything else runs, as the Go nodeup mounts them while it plans; images are pulled
  // once containerd runs with its new configuration.
  const pulls = sorted.filter((t) => t.kind === 'PullImage').map((t) => ['ctr', '--namespace', 'k8s.io', 'images', 'pull', t.name]);
  const later = [...mounts, ...hostCommands(afterChanges, services), ...pulls];
  await runHostCommands(later, options);
  report.commands = [...installs, ...later];
  await registerWithDiscovery(sorted.filter((t): t is DiscoveryRegisterTask => t.kind === 'DiscoveryRegister'), credentials, options, report);
  return report;
}

/** Registrations go out on every run (the service keeps the latest), once their client certificate is issued. */
async function registerWithDiscovery(tasks: DiscoveryRegisterTask[], credentials: Map<string, IssuedCredential>, options: ApplyOptions, report: ApplyReport): Promise<void> {
  for (const task of tasks) {
    const { url, ready } = discoveryRegistration(task, credentials.get(task.clientCert.name));
    if (options.dryRun) {
      report.registrations.push({ url, sent: false });
    } else if (!ready) {
      report.deferred.push(taskKey(task));
    } else {
      if (options.registerDiscovery) await options.registerDiscovery(ready);
      report.registrations.push({ url, sent: options.registerDiscovery !== undefined });
    }
  }
}

async function runHostCommands(commands: string[][], options: ApplyOptions): Promise<void> {
  if (options.runCommand && !options.dryRun) for (const argv of commands) await options.runCommand(argv);
}

/**
 * The mount point is created; a device not yet mounted there is formatted when it holds no filesystem (the check and
 * mkfs options of Kubernetes' mount-utils), then mounted with the group's options.
 */
async function volumeMountCommands(task: VolumeMountTask, writer: RootWriter): Promise<string[][]> {
  await writer.ensureDirectory(taskKey(task), task.name, '0755');
  const mounted = String((await writer.read('/proc/mounts')) ?? '')
    .split('\n')
    .some((line) => {
      const [device, path] = line.split(' ');
      return device === task.device && path === task.name;
    });
  if (mounted) return [];
  const fs = task.filesystem;
  const force = fs === 'ext3' || fs === 'ext4' ? ['-F', '-m0'] : fs === 'xfs' ? ['-f'] : [];
  const format = [`mkfs.${fs}`, ...force, task.device].map(shellQuote).join(' ');
  return [
    ['sh', '-c', `blkid -p ${shellQuote(task.device)} >/dev/null 2>&1 || ${format}`],
    ['mount', '-t', fs, ...(task.mountOptions.length ? ['-o', task.mountOptions.join(',')] : []), task.device, task.name],
  ];
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}

/**
 * What the host must do about the changes: commands files ask for, then systemd reloaded once if a unit changed,
 * managed units enabled, and started (restarted when their unit changed).
 */
function hostCommands(afterChanges: string[][], services: Array<{ task: ServiceTask; changed: boolean }>): string[][] {
  // A trailing `&` in kops' commands means "do not wait"; systemctl returns at once anyway.
  const commands = afterChanges.map((argv) => argv.filter((a) => a !== '&'));
  if (services.some((s) => s.changed)) commands.push(['systemctl', 'daemon-reload']);
  for (const { task, changed } of services) {
    if (!task.manageState) continue;
    if (task.enabled) commands.push(['systemctl', 'enable', task.name]);
    if (task.running) commands.push(['systemctl', changed && task.smartRestart ? 'restart' : 'start', task.name]);
  }
  return dedupeCommands(commands);
}

function dedupeCommands(commands: string[][]): string[][] {
  const seen = new Set<string>();
  return commands.filter((c) => !seen.has(c.join(' ')) && (seen.add(c.join(' ')), true));
}

class RootWriter {
  /** In a dry run, the certificates a real run would request (their kubeconfigs would be written too). */
  wouldIssue = new Set<string>();

  constructor(
    readonly options: ApplyOptions,
    readonly report: ApplyReport,
  ) {}

  path(hostPath: string): string {
    return join(this.options.root, hostPath);
  }

  async read(hostPath: string): Promise<Buffer | undefined> {
    return readFile(this.path(hostPath)).catch(() => undefined);
  }

  /** Makes the file hold exactly `contents` with `mode`, recording a change only when something differed. */
  async ensure(key: string, hostPath: string, contents: string | Buffer, mode = '0644'): Promise<boolean> {
    const target = this.path(hostPath);
    const bytes = Buffer.isBuffer(contents) ? contents : Buffer.from(contents);
    const existing = await readFile(target).catch(() => undefined);
    const currentMode = existing ? ((await stat(target)).mode & 0o777).toString(8).padStart(4, '0') : undefined;
    if (existing?.equals(bytes) && currentMode === mode) {
      this.report.unchanged++;
      return false;
    }
    this.report.changes.push({ key, action: existing ? 'update' : 'create' });
    if (this.options.dryRun) return true;
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.nodeup-tmp`;
    await writeFile(temp, bytes, { mode: Number.parseInt(mode, 8) });
    await chmod(temp, Number.parseInt(mode, 8));
    await rename(temp, target);
    return true;
  }

  async ensureDirectory(key: string, hostPath: string, mode: string): Promise<boolean> {
    const target = this.path(hostPath);
    const current = await stat(target).catch(() => undefined);
    if (current?.isDirectory() && (current.mode & 0o777) === Number.parseInt(mode, 8)) {
      this.report.unchanged++;
      return false;
    }
    this.report.changes.push({ key, action: current ? 'update' : 'create' });
    if (this.options.dryRun) return true;
    await mkdir(target, { recursive: true });
    await chmod(target, Number.parseInt(mode, 8));
    return true;
  }
}

/** Every asset file into one directory; each is awaited (deferred) while any asset is not cached yet. */
async function installEveryAsset(task: AssetDirectoryTask, writer: RootWriter, cachedAssets: CachedAssets, report: ApplyReport): Promise<void> {
  if (report.pendingAssets.length) {
    report.deferred.push(taskKey(task));
    return;
  }
  for (const [name, bytes] of await cachedAssets.everyFile()) await writer.ensure(`File/${join(task.name, name)}`, join(task.name, name), bytes, task.mode);
}

/** True when the asset is in the cache (verified); a cached file with another hash is refused. */
async function ensureAsset(asset: AssetTask, options: ApplyOptions, writer: RootWriter): Promise<boolean> {
  const cachePath = assetCachePath(asset);
  const existing = await writer.read(cachePath);
  if (existing) {
    const actual = sha256(existing);
    if (actual !== asset.sha256) {
      throw new UserError(
        `asset ${asset.name}: ${writer.path(cachePath)} has sha256 ${actual}, the config expects ${asset.sha256} (${asset.url})`,
        'remove the file so nodeup fetches it again, or regenerate the config with `kops update cluster`',
      );
    }
    return true;
  }
  if (options.root !== '/' || options.dryRun || !options.download) return false;
  const data = await options.download(asset.url);
  if (sha256(data) !== asset.sha256) throw new UserError(`asset ${asset.name}: ${asset.url} has sha256 ${sha256(data)}, the config expects ${asset.sha256}`);
  await writer.ensure(`Asset/${asset.name}`, cachePath, data, '0644');
  return true;
}

/** Certificates already on disk are kept; the others are asked of the signer once, together. */
async function obtainCredentials(requests: IssueCertTask[], options: ApplyOptions, writer: RootWriter): Promise<Map<string, IssuedCredential>> {
  const credentials = new Map<string, IssuedCredential>();
  const missing: IssueCertTask[] = [];
  for (const request of requests) {
    const certificate = await writer.read(`${CREDENTIAL_DIR}/${request.name}.crt`);
    const privateKey = await writer.read(`${CREDENTIAL_DIR}/${request.name}.key`);
    if (certificate && privateKey) credentials.set(request.name, { certificate: certificate.toString(), privateKey: privateKey.toString() });
    else missing.push(request);
  }
  if (missing.length === 0) return credentials;
  const names = missing.map((r) => r.name);
  if (!options.signer) {
    writer.report.missingCertificates = { names, reason: 'nothing can sign them: the keystore could not be read' };
    return credentials;
  }
  if (options.dryRun) {
    for (const name of names) writer.report.changes.push({ key: `IssueCert/${name}`, action: 'create' });
    writer.wouldIssue = new Set(names);
    return credentials;
  }
  let issued: Map<string, IssuedCredential>;
  try {
    issued = await options.signer.sign(missing);
  } catch (err) {
    writer.report.missingCertificates = { names, reason: `${options.signer.description} unreachable: ${(err as Error).message}` };
    return credentials;
  }
  for (const [name, credential] of issued) {
    await writer.ensure(`IssueCert/${name}`, `${CREDENTIAL_DIR}/${name}.key`, credential.privateKey, '0600');
    await writer.ensure(`IssueCert/${name}`, `${CREDENTIAL_DIR}/${name}.crt`, credential.certificate, '0644');
    credentials.set(name, credential);
  }
  const refused = names.filter((n) => !issued.has(n));
  if (refused.length) writer.report.missingCertificates = { names: refused, reason: `${options.signer.description} did not sign them` };
  return credentials;
}

async function applyFile(task: FileTask, options: ApplyOptions, writer: RootWriter, credentials: Map<string, IssuedCredential>, cachedAssets: CachedAssets): Promise<boolean> {
  const key = taskKey(task);
  if (task.type === 'directory') return writer.ensureDirectory(key, task.path, task.mode ?? '0755');
  if (task.ifNotExists && (await writer.read(task.path)) !== undefined) {
    writer.report.unchanged++;
    return false;
  }
  const contents = task.contents ?? '';
  let bytes: string | Buffer;
  if (typeof contents === 'string') {
    bytes = contents;
  } else if ('asset' in contents) {
    const source = contents.asset.path;
    const cached = await cachedAssets.read(source);
    // Builders name the binaries a release usually holds; one this release lacks is simply not installed.
    if (cached === 'absent') return false;
    if (!cached) {
      writer.report.deferred.push(key);
      return false;
    }
    bytes = cached;
  } else if ('certificate' in contents) {
    const credential = credentials.get(contents.certificate.name);
    if (!credential) {
      if (writer.wouldIssue.has(contents.certificate.name)) writer.report.changes.push({ key, action: 'create' });
      else writer.report.deferred.push(key);
      return false;
    }
    bytes = contents.part === 'cert' ? credential.certificate : credential.privateKey;
  } else {
    const credential = credentials.get(contents.kubeconfig.cert.name);
    if (!credential && writer.wouldIssue.has(contents.kubeconfig.cert.name)) {
      writer.report.changes.push({ key, action: 'create' });
      return false;
    }
    if (!credential) {
      writer.report.deferred.push(key);
      return false;
    }
    bytes = renderKubeconfig(contents.kubeconfig, credential, options.caBundle ?? '');
  }
  return writer.ensure(key, task.path, bytes, task.mode ?? '0644');
}

export function renderKubeconfig(task: KubeConfigTask, credential: IssuedCredential, caBundle: string): string {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return toGoYaml({
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': b64(caBundle), server: task.serverURL }, name: 'local' }],
    contexts: [{ context: { cluster: 'local', user: task.name }, name: 'service-account-context' }],
    'current-context': 'service-account-context',
    kind: 'Config',
    users: [{ name: task.name, user: { 'client-certificate-data': b64(credential.certificate), 'client-key-data': b64(credential.privateKey) } }],
  });
}

async function ensureUser(task: UserTask, writer: RootWriter): Promise<void> {
  const passwd = (await writer.read('/etc/passwd'))?.toString() ?? '';
  const lines = passwd.split('\n').filter((l) => l !== '');
  if (lines.some((l) => l.split(':')[0] === task.name)) {
    writer.report.unchanged++;
    return;
  }
  lines.push(`${task.name}:x:${task.uid}:${task.uid}::${task.home}:${task.shell}`);
  await writer.ensure(taskKey(task), '/etc/passwd', lines.join('\n') + '\n', '0644');
}

const HOSTS_BEGIN = '# Begin host entries managed by kops - do not edit';
const HOSTS_END = '# End host entries managed by kops';

/** Replaces nodeup's block in /etc/hosts, leaving every other line as it was. */
async function ensureHosts(task: UpdateEtcHostsTask, writer: RootWriter): Promise<void> {
  const current = (await writer.read('/etc/hosts'))?.toString() ?? '';
  const kept: string[] = [];
  let inBlock = false;
  for (const line of current.split('\n')) {
    if (line === HOSTS_BEGIN) inBlock = true;
    else if (line === HOSTS_END) inBlock = false;
    else if (!inBlock) kept.push(line);
  }
  while (kept.length && kept[kept.length - 1] === '') kept.pop();
  const block = task.records.flatMap((r) => r.addresses.map((a) => `${a}\t${r.hostname}`));
  const next = [...kept, ...(kept.length ? [''] : []), HOSTS_BEGIN, ...block, HOSTS_END, ''].join('\n');
  await writer.ensure(taskKey(task), '/etc/hosts', next, '0644');
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
