/**
 * The host operating systems nodeup tells apart, at the grain its rules need: Debian-family systems by project (no
 * rule depends on their release), RPM-family systems by project and major release (which iptables package they get
 * and which package manager they have depends on it), and the immutable ones. Mirrors kops' distributions package.
 */
export type Distribution =
  | 'ubuntu'
  | 'debian'
  | 'rhel8'
  | 'rhel9'
  | 'rhel10'
  | 'centos9'
  | 'centos10'
  | 'rocky8'
  | 'rocky9'
  | 'rocky10'
  | 'fedora'
  | 'amazonlinux2023'
  | 'flatcar'
  | 'containeros'
  | 'unknown';

export const DISTRIBUTIONS: readonly Distribution[] = ['ubuntu', 'debian', 'rhel8', 'rhel9', 'rhel10', 'centos9', 'centos10', 'rocky8', 'rocky9', 'rocky10', 'fedora', 'amazonlinux2023', 'flatcar', 'containeros', 'unknown'];

/** Systems installing .deb packages with apt. */
export function isDebianFamily(d: Distribution): boolean {
  return d === 'ubuntu' || d === 'debian';
}

/** Systems installing .rpm packages with dnf (every RPM system kops supports has dnf). */
export function isRHELFamily(d: Distribution): boolean {
  return ['rhel8', 'rhel9', 'rhel10', 'centos9', 'centos10', 'rocky8', 'rocky9', 'rocky10', 'fedora', 'amazonlinux2023'].includes(d);
}

/** Where the distribution keeps systemd units nodeup installs (Flatcar's and COS's /lib and /usr are read-only). */
export function systemdUnitDirOf(d: Distribution): string {
  if (isRHELFamily(d)) return '/usr/lib/systemd/system';
  if (d === 'flatcar' || d === 'containeros') return '/etc/systemd/system';
  return '/lib/systemd/system';
}

/**
 * The distribution named by an /etc/os-release: `ID` and `VERSION_ID`, for the releases kops supports. Releases it
 * does not support are `unknown` (nodeup then installs no packages and sets up no time service).
 */
export function distributionFromOsRelease(osRelease: string): Distribution {
  const field = (name: string) => {
    const line = osRelease.split('\n').map((l) => l.trim()).find((l) => l.startsWith(`${name}=`));
    return line === undefined ? '' : line.slice(name.length + 1).replace(/^"+|"+$/g, '');
  };
  const id = `${field('ID')}-${field('VERSION_ID')}`;
  const exact: Record<string, Distribution> = {
    'amzn-2023': 'amazonlinux2023',
    'debian-11': 'debian',
    'debian-12': 'debian',
    'debian-13': 'debian',
    'fedora-41': 'fedora',
    'fedora-42': 'fedora',
    'fedora-43': 'fedora',
    'fedora-44': 'fedora',
    'ubuntu-22.04': 'ubuntu',
    'ubuntu-24.04': 'ubuntu',
    'ubuntu-25.10': 'ubuntu',
    'ubuntu-26.04': 'ubuntu',
  };
  if (exact[id]) return exact[id];
  const byPrefix: Array<[string, Distribution]> = [
    ['cos-', 'containeros'],
    ['flatcar-', 'flatcar'],
    ['centos-9.', 'centos9'],
    ['centos-10.', 'centos10'],
    ['rhel-8.', 'rhel8'],
    ['rhel-9.', 'rhel9'],
    ['rhel-10.', 'rhel10'],
    ['rocky-8.', 'rocky8'],
    ['rocky-9.', 'rocky9'],
    ['rocky-10.', 'rocky10'],
  ];
  return byPrefix.find(([prefix]) => id.startsWith(prefix))?.[1] ?? 'unknown';
}
