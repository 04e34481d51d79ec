/**
 * One writer per cluster: a lock object `.kops-locks/<cluster>.json` at the state store's root, made with the
 * store's create-if-absent (S3 conditional PUT, an exclusive link on file://, the same rule on memfs://). It lives
 * outside the cluster's folder: the Go kops lists clusters by their `config` files and refuses to delete a cluster
 * folder holding a file it does not know.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../errors.js';
import type { VfsPath } from './vfs.js';

export const LOCKS_FOLDER = '.kops-locks';

/** Who holds a lock, as written in the lock object. */
export interface LockHolder {
  holder: string;
  host: string;
  pid: number;
  command: string;
  /** When it was taken (RFC 3339). */
  time: string;
  /** Tells this holder's lock from a later one of the same name, so a release never removes another's. */
  id: string;
}

export interface LockRequest {
  holder: string;
  host: string;
  pid: number;
  command: string;
  /** How long to wait for a held lock before failing (0: fail at once). */
  timeoutMs: number;
  clock?: () => Date;
  /** Pause between attempts while waiting. */
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface HeldLock {
  readonly holder: LockHolder;
  release(): Promise<void>;
}

export function lockPath(root: VfsPath, clusterName: string): VfsPath {
  return root.join(LOCKS_FOLDER, `${clusterName}.json`);
}

/** Takes the cluster's lock, waiting up to `timeoutMs` for a holder to let go; fails naming the holder. */
export async function acquireClusterLock(root: VfsPath, clusterName: string, request: LockRequest): Promise<HeldLock> {
  const clock = request.clock ?? (() => new Date());
  const sleep = request.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const path = lockPath(root, clusterName);
  const started = clock().getTime();
  for (;;) {
    const mine = newHolder({ ...request, clock });
    if (await path.createNew(JSON.stringify(mine, null, 2) + '\n')) {
      return { holder: mine, release: () => releaseIfMine(path, mine.id) };
    }
    const current = await readLock(root, clusterName);
    const waited = clock().getTime() - started;
    if (current && waited >= request.timeoutMs) throw lockedError(clusterName, current, request.timeoutMs);
    // A lock released between our create and our read: try again at once.
    if (current) await sleep(Math.min(request.pollMs ?? 1000, Math.max(1, request.timeoutMs - waited)));
  }
}

/**
 * Takes over `stale`, a lock whose holder is known to be gone, as one compare-and-swap: of several takers that read
 * the same stale lock, one gets it and the others get undefined (as does a taker whose lock changed since it read it).
 * The takers first race for a claim named after the stale lock's id, made with the store's create-if-absent; the
 * winner then swaps the lock object only if it still holds the stale lock (ETag or generation where the store has
 * them). A claim left by a taker that died half way stops takeovers of that lock until `kops toolbox unlock`.
 */
export async function takeOverClusterLock(root: VfsPath, clusterName: string, stale: LockHolder, request: LockRequest): Promise<HeldLock | undefined> {
  if (!stale.id) return undefined;
  const path = lockPath(root, clusterName);
  const mine = newHolder(request);
  const text = JSON.stringify(mine, null, 2) + '\n';
  const claim = claimPath(root, clusterName, stale.id);
  if (!(await claim.createNew(text))) return undefined;
  try {
    const current = await path.readIfExists();
    if (!current || holderOf(current)?.id !== stale.id) return undefined;
    if (!(await path.replaceIfUnchanged(text, current))) return undefined;
    return { holder: mine, release: () => releaseIfMine(path, mine.id) };
  } finally {
    await claim.remove();
  }
}

/** The holder of a cluster's lock, or undefined when nobody holds it. */
export async function readLock(root: VfsPath, clusterName: string): Promise<LockHolder | undefined> {
  const data = await lockPath(root, clusterName).readIfExists();
  if (!data) return undefined;
  return holderOf(data) ?? { holder: 'unknown', host: 'unknown', pid: 0, command: 'unknown (unreadable lock object)', time: '', id: '' };
}

/** Removes a cluster's lock whoever holds it (`kops toolbox unlock`), and a takeover claim on it; returns its holder. */
export async function breakClusterLock(root: VfsPath, clusterName: string): Promise<LockHolder | undefined> {
  const current = await readLock(root, clusterName);
  if (current) await lockPath(root, clusterName).remove();
  if (current?.id) await claimPath(root, clusterName, current.id).remove();
  return current;
}

function newHolder(request: Pick<LockRequest, 'holder' | 'host' | 'pid' | 'command' | 'clock'>): LockHolder {
  const time = (request.clock ?? (() => new Date()))().toISOString();
  return { holder: request.holder, host: request.host, pid: request.pid, command: request.command, time, id: randomUUID() };
}

function claimPath(root: VfsPath, clusterName: string, staleId: string): VfsPath {
  return root.join(LOCKS_FOLDER, `${clusterName}.json.takeover-${staleId}`);
}

function holderOf(data: Buffer): LockHolder | undefined {
  try {
    return JSON.parse(data.toString('utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

async function releaseIfMine(path: VfsPath, id: string): Promise<void> {
  const data = await path.readIfExists();
  if (data && holderOf(data)?.id === id) await path.remove();
}

export function describeHolder(h: LockHolder): string {
  return `${h.holder}@${h.host} (pid ${h.pid}, "${h.command}", since ${h.time || 'an unknown time'})`;
}

function lockedError(clusterName: string, holder: LockHolder, timeoutMs: number): UserError {
  const waited = timeoutMs > 0 ? ` after waiting ${Math.round(timeoutMs / 1000)}s` : '';
  return new UserError(
    `cluster "${clusterName}" is locked by ${describeHolder(holder)}${waited}`,
    `wait for that command to finish (or pass --lock-timeout to wait); if it is no longer running: kops toolbox unlock --name ${clusterName} --yes`,
  );
}
