import type { Task } from '../tasks.js';
import type { BuildContext } from './context.js';

export const CLOUD_CONFIG = '/etc/kubernetes/cloud.config';

/**
 * /etc/kubernetes/cloud.config, which the cloud-controller-manager reads: on AWS the settings kops hands the nodes
 * that run an API server. Worker nodes whose kubelet uses the external cloud provider get none.
 */
export function cloudConfigTasks(ctx: BuildContext): Task[] {
  if (ctx.cloudProvider === 'azure') return [];
  if (ctx.role === 'Node' && ctx.config.KubeletConfig.cloudProvider === 'external') return [];
  const lines: string[] = [];
  if (ctx.cloudProvider === 'aws') {
    const c = ctx.config;
    if (c.disableSecurityGroupIngress != null) lines.push(`DisableSecurityGroupIngress = ${String(c.disableSecurityGroupIngress)}`);
    if (c.elbSecurityGroup != null) lines.push(`ElbSecurityGroup = ${String(c.elbSecurityGroup)}`);
    if (c.nlbSecurityGroupMode != null) lines.push(`NLBSecurityGroupMode = ${String(c.nlbSecurityGroupMode)}`);
    for (const family of (c.nodeIPFamilies as string[] | undefined) ?? []) lines.push(`NodeIPFamilies = ${family}`);
  }
  return [{ kind: 'File', path: CLOUD_CONFIG, type: 'file', contents: `[global]\n${lines.join('\n')}\n` }];
}
