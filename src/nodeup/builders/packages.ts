import { isDebianFamily, isRHELFamily } from '../distributions.js';
import type { PackageTask, Task } from '../tasks.js';
import type { BuildContext } from './context.js';

/**
 * The OS packages the kubelet and kube-proxy rely on, by distribution family, then the cluster's and instance
 * group's own `packages` (config field `packages`). Immutable and unknown systems get none.
 */
export function packageTasks(ctx: BuildContext): Task[] {
  const d = ctx.host.distribution;
  let names: string[];
  if (isDebianFamily(d)) {
    names = ['iptables', 'libapparmor1', 'libseccomp2', ...(kubeProxyUsesNftables(ctx) ? ['nftables'] : []), 'util-linux'];
  } else if (isRHELFamily(d)) {
    names = [...rpmFirewallPackages(d), 'libseccomp', ...(kubeProxyUsesNftables(ctx) ? ['nftables'] : []), 'util-linux', 'container-selinux'];
  } else {
    return [];
  }
  const extra = (ctx.config.packages ?? []).map(String);
  return [...new Set([...names, ...extra])].map((name) => ({ kind: 'Package', name }) satisfies PackageTask);
}

/**
 * Amazon Linux 2023 gets iptables on the nf_tables backend; RHEL 8/9 and Rocky 8 keep iptables; newer RPM systems
 * have no legacy iptables: nftables, and iptables-nft for CNI plugins that call the iptables command.
 */
function rpmFirewallPackages(d: BuildContext['host']['distribution']): string[] {
  if (d === 'amazonlinux2023') return ['iptables-nft'];
  if (d === 'rhel8' || d === 'rhel9' || d === 'rocky8') return ['iptables'];
  return ['nftables', 'iptables-nft'];
}

function kubeProxyUsesNftables(ctx: BuildContext): boolean {
  const proxy = ctx.config.KubeProxy;
  return proxy != null && proxy.enabled === true && proxy.proxyMode === 'nftables';
}
