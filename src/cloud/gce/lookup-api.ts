/** GceLookup answered by Compute Engine through the official client (or the endpoint KOPS_GCE_ENDPOINT names). */
import { computeClientOptions, configuredProject } from './clients.js';
import type { HostedZoneInfo } from '../lookup.js';
import { GceCompute } from './compute.js';
import type { GceLookup } from './lookup.js';

function isNotFound(err: unknown): boolean {
  const e = err as { code?: unknown; status?: unknown };
  return e?.code === 404 || e?.code === 5 || e?.status === 404;
}

export function apiGceLookup(): GceLookup {
  return {
    defaultProject: async () => configuredProject(),
    async usedRanges(project, networkName) {
      const compute = await import('@google-cloud/compute');
      const options = computeClientOptions();
      const networks = new compute.NetworksClient(options);
      let network;
      try {
        [network] = await networks.get({ project, network: networkName });
      } catch (err) {
        if (isNotFound(err)) return [];
        throw err;
      }
      const links = new Set(network.subnetworks ?? []);
      if (!links.size) return [];
      const regions = new Set([...links].map((link) => /\/regions\/([^/]+)\//.exec(link)?.[1]).filter((r): r is string => !!r));
      const subnetworks = new compute.SubnetworksClient(options);
      const ranges: string[] = [];
      for (const region of regions) {
        for await (const subnet of subnetworks.listAsync({ project, region }, { autoPaginate: false })) {
          if (!subnet.selfLink || !links.has(subnet.selfLink)) continue;
          if (subnet.ipCidrRange) ranges.push(subnet.ipCidrRange);
          for (const secondary of subnet.secondaryIpRanges ?? []) if (secondary.ipCidrRange) ranges.push(secondary.ipCidrRange);
        }
      }
      return ranges;
    },
    async dnsZones(project) {
      const zones = await new GceCompute(project, '').dns.zones();
      return zones.map((z): HostedZoneInfo => ({ id: z.id, name: z.dnsName.replace(/\.$/, ''), private: z.private }));
    },
  };
}
