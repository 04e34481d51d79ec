import { hostname, userInfo } from 'node:os';
import { acquireClusterLock, breakClusterLock, describeHolder, readLock, takeOverClusterLock, type LockHolder } from '../statestore/lock.js';
import type { VfsPath } from '../statestore/vfs.js';

export interface ClusterLockOptions {
  /** The state store's root (where `.kops-locks/` lives). */
  root: VfsPath;
  clusterName: string;
  /** The command line that takes the lock, shown to whoever finds it held. */
  command: string;
  /** How long to wait for another writer (0: fail at once). */
  timeoutMs: number;
  warn?: (message: string) => void;
}

/** The locks this process holds (state store root and cluster). */
const heldHere = new Set<string>();

/**
 * Runs `work` as the only writer of a cluster: takes `.kops-locks/<cluster>.json`, and releases it when `work`
 * ends, however it ends. A lock left by a process of this host that is no longer running is taken over.
 */
export async function withClusterLock<T>(options: ClusterLockOptions, work: () => Promise<T>): Promise<T> {
  const { root, clusterName } = options;
  const key = `${root.url}\n${clusterName}`;
  // A flow that runs another (create cluster --yes runs update) already holds the lock.
  if (heldHere.has(key)) return work();
  const request = { holder: currentUser(), host: hostname(), pid: process.pid, command: options.command, timeoutMs: options.timeoutMs };
  const stale = await readLock(root, clusterName);
  // Of several commands that find the same lock left behind, one takes it over; the others wait for it as for any holder.
  const taken = stale && isDeadLocalHolder(stale) ? await takeOverClusterLock(root, clusterName, stale, request) : undefined;
  if (taken) options.warn?.(`taking over the lock of cluster "${clusterName}" left by ${describeHolder(stale!)}, which is no longer running`);
  const lock = taken ?? (await acquireClusterLock(root, clusterName, request));
  heldHere.add(key);
  const releaseOnSignal = () => {
    void lock.release().finally(() => process.exit(130));
  };
  process.once('SIGINT', releaseOnSignal);
  process.once('SIGTERM', releaseOnSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', releaseOnSignal);
    process.off('SIGTERM', releaseOnSignal);
    heldHere.delete(key);
    await lock.release();
  }
}

export { breakClusterLock, readLock, describeHolder, type LockHolder };

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

function isDeadLocalHolder(holder: LockHolder): boolean {
  if (holder.host !== hostname() || !Number.isInteger(holder.pid) || holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
