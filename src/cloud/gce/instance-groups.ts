/**
 * The cluster's instance groups as GCE runs them, found as the Go kops finds them (gce.GetCloudGroups): the cluster's
 * instance templates (by their `cluster-name` metadata), the region's managed instance groups running one of them, each
 * matched to the kops instance group whose name it carries (`<zone letter>-<group>-<cluster>`), and their instances.
 * An instance is up to date when it was made from the template its group makes new instances from.
 */
import { UserError } from '../../errors.js';
import type { CloudInstance, CloudInstanceGroup, CloudInstanceGroups, ClusterNetwork } from '../types.js';
import { truncateName } from '../../apis/go/truncate.js';
import { gceStatus, lastComponent, parseLink, relativeLink, type GceCompute, type GceLocation, type Json } from './compute.js';
import { safeClusterName } from './lookup.js';
import { GCE_LABEL_ROLE_PREFIX, instanceGroupManagerName } from './names.js';
import { inRegion, interfaces, metadataValue, namedAfterCluster } from './resources/discovery.js';
import { templateOf } from './resources/instance-group-manager.js';

export function gceInstanceGroups(api: GceCompute): CloudInstanceGroups {
  return {
    async list(clusterName, instanceGroups) {
      const managers = await clusterManagers(api, await clusterTemplates(api, clusterName));
      const groups: CloudInstanceGroup[] = [];
      const instancesByZone = new Map<string, Promise<Map<string, Json>>>();
      const instancesOf = (zone: string) => {
        let found = instancesByZone.get(zone);
        if (!found) {
          found = api.list('instances', zone).then((all) => new Map(all.map((i) => [String(i.name), i])));
          instancesByZone.set(zone, found);
        }
        return found;
      };
      for (const { where: zone, item: manager } of managers) {
        const instanceGroup = matchInstanceGroup(clusterName, String(manager.name), zone, instanceGroups);
        if (!instanceGroup) continue;
        const at: GceLocation = { collection: 'instanceGroupManagers', where: zone, name: String(manager.name) };
        const current = managerTemplate(manager);
        const size = Number(manager.targetSize ?? 0);
        const instances: CloudInstance[] = [];
        const running = await instancesOf(zone);
        for (const managed of await api.managedInstances(at)) {
          // An instance the group has not made yet is not listed (as the Go kops skips it).
          const instance = running.get(lastComponent(String(managed.instance ?? '')));
          if (!instance) continue;
          const version = (managed.version as Json | undefined)?.instanceTemplate;
          instances.push(cloudInstance(instance, zone, version === undefined ? undefined : relativeLink(String(version)), current, api.project));
        }
        groups.push({
          instanceGroup,
          cloudName: String(manager.name),
          zone,
          minSize: size,
          maxSize: size,
          desiredCapacity: size,
          currentVersion: current || undefined,
          launchTemplateId: current || undefined,
          instances: instances.sort((a, b) => a.id.localeCompare(b.id)),
        });
      }
      return groups.sort((a, b) => a.instanceGroup.localeCompare(b.instanceGroup) || a.cloudName.localeCompare(b.cloudName));
    },
    detach() {
      // Managed instance groups cannot let an instance go while keeping it counted: no surge on GCE.
      return Promise.reject(new UserError('gce cloud provider does not support surging', 'replace instances without surging (--surge=false for delete instance; maxSurge 0 in spec.rollingUpdate)'));
    },
    async terminate(instanceId, group) {
      const instance = parseInstance(instanceId);
      const manager = group?.instances.some((i) => i.id === instanceId) ? group : undefined;
      try {
        if (manager) {
          // The group makes the instance again from its current template, under the same name.
          await api.call({ collection: 'instanceGroupManagers', where: instance.where, name: manager.cloudName }, 'recreateInstances', {
            instanceGroupManagersRecreateInstancesRequestResource: { instances: [relativeLink(instanceId)] },
          });
        } else await api.delete(instance);
      } catch (err) {
        if (gceStatus(err) !== 404) throw err;
      }
    },
    async setDesiredCapacity(group, desired) {
      await api.call(groupLocation(group), 'resize', { size: desired });
    },
    async deleteGroup(group) {
      const at = groupLocation(group);
      await ignoringNotFound(() => api.call(at, 'resize', { size: 0 }));
      await waitForNoInstances(api, at);
      await ignoringNotFound(() => api.delete(at));
      const template = group.launchTemplateId ? parseLink(group.launchTemplateId) : undefined;
      if (template) await ignoringNotFound(() => api.delete(template));
    },
  };
}

/** The cluster's network and subnetworks (those `delete cluster` would delete), by name, for `toolbox dump`. */
export async function gceClusterNetwork(api: GceCompute, clusterName: string): Promise<ClusterNetwork> {
  const { networks, subnetworks } = await clusterNetworks(api, clusterName, await clusterTemplates(api, clusterName));
  return {
    vpc: networks[0] ? { id: String(networks[0].name) } : undefined,
    subnets: subnetworks.map((s) => ({ id: String(s.name), zone: '' })).sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

/** The cluster's instance templates: those whose `cluster-name` metadata names it (as delete finds them). */
async function clusterTemplates(api: GceCompute, clusterName: string): Promise<Json[]> {
  return (await api.list('instanceTemplates', '')).filter((t) => metadataValue(t, 'cluster-name') === clusterName);
}

const managerTemplate = (manager: Json) => relativeLink(String(templateOf(manager)));

/** The region's managed instance groups that run one of the templates, with their zones. */
async function clusterManagers(api: GceCompute, templates: Json[]): Promise<{ where: string; item: Json }[]> {
  const links = new Set(templates.map((t) => relativeLink(String(t.selfLink))));
  return (await api.listAll('instanceGroupManagers')).filter(({ where, item }) => inRegion(api, where) && links.has(managerTemplate(item)));
}

/** The network and subnetworks delete would take as the cluster's: named after it and used by its templates. */
async function clusterNetworks(api: GceCompute, clusterName: string, templates: Json[]): Promise<{ networks: Json[]; subnetworks: Json[] }> {
  const used = new Set(templates.flatMap((t) => interfaces(t).flatMap((n) => [relativeLink(String(n.network ?? '')), relativeLink(String(n.subnetwork ?? ''))])));
  const networkName = truncateName(safeClusterName(clusterName), 63, false);
  const networks = (await api.list('networks', '')).filter((n) => n.name === networkName && used.has(relativeLink(String(n.selfLink))));
  const subnetworks = (await api.list('subnetworks', api.region)).filter((s) => namedAfterCluster(clusterName, String(s.name)) && used.has(relativeLink(String(s.selfLink))));
  return { networks, subnetworks };
}

/** The instance group whose managed instance group name in that zone is `name`; an error when two are. */
function matchInstanceGroup(clusterName: string, name: string, zone: string, instanceGroups: readonly string[]): string | undefined {
  const matches = instanceGroups.filter((ig) => instanceGroupManagerName(clusterName, ig, zone) === name);
  if (matches.length > 1) throw new Error(`instance groups ${matches.join(', ')} all match the managed instance group ${name}`);
  return matches[0];
}

function cloudInstance(instance: Json, zone: string, version: string | undefined, current: string, project: string): CloudInstance {
  const labels = (instance.labels as Record<string, string> | undefined) ?? {};
  const roleLabels = Object.keys(labels).filter((k) => k.startsWith(GCE_LABEL_ROLE_PREFIX));
  const roles = [...new Set(roleLabels.map((k) => k.slice(GCE_LABEL_ROLE_PREFIX.length)).map((r) => (r === 'master' ? 'control-plane' : r)))].sort();
  const nic = ((instance.networkInterfaces as Json[] | undefined) ?? [])[0];
  const access = (nic?.accessConfigs as Json[] | undefined) ?? [];
  // Addresses are read only from an instance kops labels with a role, as the Go kops reads them.
  const addresses = roleLabels.length > 0 && nic ? { privateIp: nic.networkIP as string | undefined, publicIp: access.length === 1 ? (access[0].natIP as string | undefined) : undefined } : {};
  return {
    id: String(instance.selfLink),
    providerId: `gce://${project}/${zone}/${String(instance.name)}`,
    name: String(instance.name),
    state: String(instance.status ?? ''),
    launchTemplateVersion: version,
    upToDate: version !== undefined && current !== '' && version === current,
    machineType: lastComponent(String(instance.machineType ?? '')),
    zone,
    ...addresses,
    ...(roles.length ? { roles } : {}),
  };
}

function groupLocation(group: CloudInstanceGroup): GceLocation {
  if (!group.zone) throw new Error(`managed instance group ${group.cloudName} was listed without its zone`);
  return { collection: 'instanceGroupManagers', where: group.zone, name: group.cloudName };
}

function parseInstance(id: string): GceLocation {
  const at = parseLink(id);
  if (!at || at.collection !== 'instances') throw new UserError(`${id} is not a GCE instance`, 'give the instance as kops get instances lists it (its URL)');
  return at;
}

const INSTANCES_GONE_POLL_MILLIS = 5_000;
const INSTANCES_GONE_TIMEOUT_MILLIS = 10 * 60_000;

/** After a resize to zero, waits (as the Go kops, up to ten minutes) until the group runs no instance. */
async function waitForNoInstances(api: GceCompute, at: GceLocation): Promise<void> {
  const deadline = Date.now() + INSTANCES_GONE_TIMEOUT_MILLIS;
  for (;;) {
    let left: number;
    try {
      left = (await api.managedInstances(at)).length;
    } catch (err) {
      if (gceStatus(err) === 404) return;
      throw err;
    }
    if (left === 0) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the ${left} instance(s) of managed instance group ${at.name} to terminate`);
    await new Promise((resolve) => setTimeout(resolve, INSTANCES_GONE_POLL_MILLIS));
  }
}

async function ignoringNotFound(call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (err) {
    if (gceStatus(err) !== 404) throw err;
  }
}
