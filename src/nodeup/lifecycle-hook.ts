import { AutoScalingClient, CompleteLifecycleActionCommand, DescribeLifecycleHooksCommand } from '@aws-sdk/client-auto-scaling';
import { UserError } from '../errors.js';

/** The hook kops puts on a warm-pool group's launches when `warmPool.enableLifecycleHook` is set. */
export const WARM_POOL_HOOK = 'kops-warmpool';

/** The two Auto Scaling calls the completion makes (an AutoScalingClient, or a fake in tests). */
export interface LifecycleHookClient {
  hookExists(asgName: string, hookName: string): Promise<boolean>;
  complete(asgName: string, hookName: string, instanceId: string): Promise<void>;
}

/**
 * Once the host is configured, tells its auto scaling group to go on with the launch (command.go's
 * completeWarmingLifecycleAction): the group `<instance group>.<cluster>` holds the instance until then, or until the
 * hook times out. A group without the hook needs nothing. Returns whether an action was completed.
 */
export async function completeWarmPoolLifecycleAction(client: LifecycleHookClient, instanceGroup: string, clusterName: string, instanceId: string): Promise<boolean> {
  const asgName = `${instanceGroup}.${clusterName}`;
  if (!(await client.hookExists(asgName, WARM_POOL_HOOK))) return false;
  await client.complete(asgName, WARM_POOL_HOOK, instanceId);
  return true;
}

export function autoScalingHookClient(region: string): LifecycleHookClient {
  const client = new AutoScalingClient({ region });
  return {
    async hookExists(asgName, hookName) {
      const out = await client.send(new DescribeLifecycleHooksCommand({ AutoScalingGroupName: asgName, LifecycleHookNames: [hookName] })).catch((err: Error) => {
        throw new UserError(`failed to find lifecycle hook ${hookName} of ${asgName}: ${err.message}`);
      });
      return (out.LifecycleHooks ?? []).length > 0;
    },
    async complete(asgName, hookName, instanceId) {
      await client.send(new CompleteLifecycleActionCommand({ AutoScalingGroupName: asgName, LifecycleHookName: hookName, InstanceId: instanceId, LifecycleActionResult: 'CONTINUE' })).catch((err: Error) => {
        throw new UserError(`failed to complete lifecycle hook ${hookName} for ${instanceId}: ${err.message}`);
      });
    },
  };
}
