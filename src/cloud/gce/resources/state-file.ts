import type { ResourceOps } from '../../../engine/ops.js';
import type { ManagedFileSpec } from '../../../engine/resource.js';
import { openVfs } from '../../../statestore/index.js';
import { ManagedFile } from '../../aws/resources/managed-file.js';
import type { GceCompute } from '../compute.js';
import { gcsStoreObjectAcl } from '../storage-acl.js';

/**
 * State-store files of a GCE cluster: written as on any cloud, and in a gs:// bucket with the access list kops gives
 * objects there (storage-acl.ts), asked once per bucket for the run.
 */
export function gceStateFileOps(): ResourceOps<GceCompute> {
  const base = ManagedFile.ops as unknown as ResourceOps<GceCompute>;
  const acls = new Map<string, Promise<string[] | undefined>>();
  const aclFor = (api: GceCompute, location: string): Promise<string[] | undefined> => {
    const bucket = /^gs:\/\/([^/]+)\//.exec(location)?.[1];
    if (!bucket) return Promise.resolve(undefined);
    let acl = acls.get(bucket);
    if (!acl) {
      acl = gcsStoreObjectAcl(api, bucket);
      acls.set(bucket, acl);
      // A failed look-up is asked again by the next write.
      acl.catch(() => acls.delete(bucket));
    }
    return acl;
  };
  const write = async (api: GceCompute, spec: Record<string, unknown>): Promise<string> => {
    const { location, contents, publicRead } = spec as unknown as ManagedFileSpec;
    await openVfs(location).write(contents, { publicRead, objectAcl: await aclFor(api, location) });
    return location;
  };
  return {
    ...base,
    create: async (api, spec) => ({ id: await write(api, spec) }),
    update: async (api, _actual, spec) => {
      await write(api, spec);
    },
  };
}
