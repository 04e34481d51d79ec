import type { Task } from '../tasks.js';
import type { BuildContext } from './context.js';

export const CNI_BIN_DIR = '/opt/cni/bin';

/**
 * With CNI assets in the config (networking/common.go), every file of the asset store goes into the CNI binary
 * directory: the plugins from the CNI release archive, and, as in Go, the other assets and archive files alongside.
 */
export function cniAssetTasks(ctx: BuildContext): Task[] {
  return ctx.config.InstallCNIAssets ? [{ kind: 'AssetDirectory', name: CNI_BIN_DIR, mode: '0755' }] : [];
}
