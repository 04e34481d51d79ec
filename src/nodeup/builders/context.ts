import type { NodeRole, NodeupConfig } from '../config.js';
import type { Task } from '../tasks.js';

export type Distribution = 'ubuntu' | 'flatcar' | 'unknown';

/** What nodeup knows about the host it configures, beyond its config. */
export interface HostFacts {
  distribution: Distribution;
  architecture: 'amd64' | 'arm64';
  /** A warm-pool instance is configured but its kubelet stays stopped until it joins. */
  warming?: boolean;
}

export interface BuildContext {
  config: NodeupConfig;
  role: NodeRole;
  host: HostFacts;
}

export type Builder = (ctx: BuildContext) => Task[];

/** The systemd unit directory of the distribution (Flatcar's /lib is read-only). */
export function systemdUnitDir(host: HostFacts): string {
  return host.distribution === 'flatcar' ? '/etc/systemd/system' : '/lib/systemd/system';
}

export const KUBERNETES_CA_BUNDLE = '/srv/kubernetes/ca.crt';
