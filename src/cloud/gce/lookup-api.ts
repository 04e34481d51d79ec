/** GceLookup answered by Compute Engine through the official client (or the endpoint KOPS_GCE_ENDPOINT names). */
import { computeClientOptions, configuredProject } from './clients.js';
import type { HostedZoneInfo } from '../lookup.js';
import type { GceLookup } from './lookup.js';

/** The fields kops reads of a Cloud DNS managed zone. */
interface ManagedZone {
  id?: string | number;
  dnsName?: string;
  visibility?: string;
}

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
      const compute = await import('@google-cloud/compute');
      const options = computeClientOptions();
      const client = await new compute.NetworksClient(options).auth.getClient();
      const base = options.apiEndpoint ? `${options.protocol}://${options.apiEndpoint}:${options.port}` : 'https://dns.googleapis.com';
      const zones: HostedZoneInfo[] = [];
      let pageToken: string | undefined;
      do {
        const url = `${base}/dns/v1/projects/${encodeURIComponent(project)}/managedZones${pageToken ? `?pageToken=${encodeURIComponent(pageToken)}` : ''}`;
        const res = await client.request<{ managedZones?: ManagedZone[]; nextPageToken?: string }>({ url });
        for (const z of res.data.managedZones ?? []) zones.push({ id: String(z.id ?? ''), name: (z.dnsName ?? '').replace(/\.$/, ''), private: z.visibility === 'private' });
        pageToken = res.data.nextPageToken;
      } while (pageToken);
      return zones;
    },
  };
}
