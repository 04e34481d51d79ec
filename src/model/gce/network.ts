/** The network (custom mode, unless shared), one subnetwork per region, and Cloud NAT for private subnets. */
import { GceNetwork, GceRouter, GceRouterNat, GceSubnetwork, type GceSecondaryRange } from '../../cloud/gce/resources/index.js';
import { ref, type Task } from '../../engine/task.js';
import { UserError } from '../../errors.js';
import type { GceModel } from './context.js';

export function buildGceNetwork(m: GceModel): Task[] {
  const tasks: Task[] = [];
  const network = m.network;
  tasks.push(
    GceNetwork.task(network.name, { name: network.name, project: network.project, autoCreateSubnetworks: network.shared ? undefined : false }, { shared: network.shared }),
  );
  for (const subnet of m.spec.subnets ?? []) {
    const name = m.subnetName(subnet);
    const secondaryIpRanges: GceSecondaryRange[] = [];
    if (m.usesIpAliases()) {
      secondaryIpRanges.push({ rangeName: m.suffixedName('pods'), ipCidrRange: m.spec.podCIDR ?? '' });
      secondaryIpRanges.push({ rangeName: m.suffixedName('services'), ipCidrRange: m.spec.serviceClusterIPRange ?? '' });
    }
    const ipv6 = m.isIpv6Only();
    tasks.push(
      GceSubnetwork.task(
        name,
        {
          name,
          network: m.networkLink(),
          region: m.region,
          ipCidrRange: subnet.cidr || undefined,
          secondaryIpRanges,
          stackType: ipv6 ? 'IPV4_IPV6' : 'IPV4_ONLY',
          ipv6AccessType: ipv6 ? 'EXTERNAL' : undefined,
        },
        { shared: !!subnet.id },
      ),
    );
  }
  tasks.push(...buildCloudNat(m));
  return tasks;
}

/** Private subnets the cluster makes get their outbound traffic through a Cloud NAT, unless egress is `External` (`nat` or empty: the NAT). */
function buildCloudNat(m: GceModel): Task[] {
  const natted = (m.spec.subnets ?? []).filter((s, i) => {
    if ((s.type !== 'Private' && s.type !== 'DualStack') || s.id) return false;
    if (s.egress === 'External') return false;
    if (s.egress && s.egress !== 'nat') throw new UserError(`spec.subnets[${i}].egress: "${s.egress}" is not supported on GCE`, 'leave it empty (or "nat") for a Cloud NAT, or set External when the network already routes outbound traffic');
    return true;
  });
  if (!natted.length) return [];
  const name = m.suffixedName('nat');
  const router = GceRouter.task(name, { name, network: m.networkLink(), region: m.region });
  const nat = GceRouterNat.task(name, {
    name,
    region: m.region,
    router: ref(router, 'name'),
    natIpAllocateOption: 'AUTO_ONLY',
    sourceSubnetworkIpRangesToNat: 'LIST_OF_SUBNETWORKS',
    subnetworks: natted.map((s) => ({ name: m.subnetLink(s), sourceIpRangesToNat: ['ALL_IP_RANGES'] })),
  });
  return [router, nat];
}
