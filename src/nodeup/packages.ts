import { UserError } from '../errors.js';
import { isDebianFamily, isRHELFamily, type Distribution } from './distributions.js';

export type PackageManager = 'apt' | 'dnf';

/** What a read-only host command printed (stdout and stderr together) and how it exited. */
export interface QueryResult {
  status: number;
  output: string;
}

/** Runs a command that only inspects the host (dpkg-query, rpm -q); it may run in a dry run. */
export type HostQuery = (argv: string[]) => Promise<QueryResult>;

export function packageManagerOf(d: Distribution): PackageManager | undefined {
  if (isDebianFamily(d)) return 'apt';
  if (isRHELFamily(d)) return 'dnf';
  return undefined;
}

type PackageState = 'installed' | 'broken' | 'missing';

/**
 * The commands that install the packages the host lacks, in order: apt's package lists refreshed once, then one
 * install per package (a failure names its package); an interrupted dpkg run is repaired first. Without a way to
 * inspect the host, every package counts as missing.
 */
export async function packageInstallCommands(names: string[], manager: PackageManager, query: HostQuery | undefined): Promise<string[][]> {
  const states = new Map<string, PackageState>();
  for (const name of names) states.set(name, query ? await packageState(name, manager, query) : 'missing');
  const missing = names.filter((n) => states.get(n) === 'missing');
  const commands: string[][] = [];
  if (manager === 'apt') {
    const noninteractive = ['env', 'DEBIAN_FRONTEND=noninteractive'];
    if (names.some((n) => states.get(n) === 'broken')) commands.push(['dpkg', '--configure', '-a']);
    if (missing.length) commands.push([...noninteractive, 'apt-get', 'update']);
    for (const name of missing) commands.push([...noninteractive, 'apt-get', 'install', '--yes', '--no-install-recommends', name]);
  } else {
    for (const name of missing) commands.push(['/usr/bin/dnf', 'install', '-y', '--setopt=install_weak_deps=False', name]);
  }
  return commands;
}

async function packageState(name: string, manager: PackageManager, query: HostQuery): Promise<PackageState> {
  return manager === 'apt' ? dpkgState(name, query) : rpmState(name, query);
}

/** dpkg's two-letter status: `ii` installed, `iF`/`iU` half-configured, `rc`/`un`/`n` absent. */
async function dpkgState(name: string, query: HostQuery): Promise<PackageState> {
  const argv = ['dpkg-query', '-f', '${db:Status-Abbrev}\\t${Version}\\n', '-W', name];
  const { status, output } = await query(argv);
  if (status !== 0) {
    if (output.includes('no packages found')) return 'missing';
    throw new UserError(`package ${name}: \`${argv.join(' ')}\` failed: ${firstLine(output)}`);
  }
  let state: PackageState = 'missing';
  for (const line of output.split('\n').filter((l) => l !== '')) {
    const abbrev = line.split('\t')[0].trim();
    if (abbrev === 'ii') state = 'installed';
    else if (abbrev === 'iF' || abbrev === 'iU') state = 'broken';
    else if (abbrev === 'rc' || abbrev === 'un' || abbrev === 'n') state = 'missing';
    else throw new UserError(`package ${name}: dpkg reports the unknown state ${JSON.stringify(abbrev)}`, 'repair the package database with `dpkg --configure -a`, then run nodeup again');
  }
  return state;
}

async function rpmState(name: string, query: HostQuery): Promise<PackageState> {
  const argv = ['/usr/bin/rpm', '-q', name, '--queryformat', '%{NAME} %{VERSION}'];
  const { status, output } = await query(argv);
  if (status === 0) return 'installed';
  if (output.includes('is not installed')) return 'missing';
  throw new UserError(`package ${name}: \`${argv.join(' ')}\` failed: ${firstLine(output)}`);
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0] ?? '';
}
