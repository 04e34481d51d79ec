/**
 * Managed instance groups in the Compute Engine REST fake, as Compute Engine runs them: a zonal instance group manager
 * keeps `targetSize` instances made from its instance template (named `<baseInstanceName>-<4 characters>`, running at
 * once), lists them with the template each was made from, resizes, recreates named instances from its current
 * template, deletes or abandons them (the target size shrinks), and takes its instances with it when deleted. Its
 * single version and `instanceTemplate` are kept in step, as the API reports both.
 */
type Json = Record<string, unknown>;

/** What the group behaviour needs from the fake it runs in. */
export interface GroupHost {
  resources: Map<string, Json>;
  /** `http://127.0.0.1:port`. */
  base(): string;
  nextId(): number;
  /** A finished operation on `target` (a path), stored and returned. */
  operation(target: string, type: string): Json;
  fail(status: number, reason: string, message: string): never;
  /** The description of a message, to check the instances it makes. */
  check(value: unknown, type: string, at: string): void;
}

const MANAGER = /^(\/compute\/v1\/projects\/([^/]+)\/zones\/([^/]+))\/instanceGroupManagers\/([^/]+)$/;

export interface ManagedGroups {
  isManager(path: string): boolean;
  /** A manager's body names templates that exist (404 otherwise), checked before it is stored. */
  checkTemplates(body: Json): void;
  /** After the manager was inserted or changed: versions in step, instances made or removed to the target size. */
  settle(manager: string): void;
  /** Before the manager is deleted: its instances go. */
  removeInstances(manager: string): void;
  /** The custom methods of instance group managers the fake serves, or undefined for another. */
  custom(method: string, manager: string, query: URLSearchParams, body: Json): Json | undefined;
}

export function managedGroups(host: GroupHost): ManagedGroups {
  /** Instance path → the manager that made it and the template it was made from. */
  const members = new Map<string, { manager: string; template: string }>();
  const addressesUsed = new Map<string, number>();

  const at = (manager: string) => {
    const m = MANAGER.exec(manager);
    if (!m) host.fail(400, 'invalid', `${manager} is not a zonal instance group manager`);
    return { zonePath: m[1], project: m[2], zone: m[3], name: m[4] };
  };
  const memberPaths = (manager: string) => [...members].filter(([, m]) => m.manager === manager).map(([p]) => p).sort();
  const pathOf = (link: string) => link.replace(host.base(), '').replace(/^(?!\/)/, '/compute/v1/');

  function syncVersions(igm: Json): void {
    const versions = (igm.versions as Json[] | undefined) ?? [];
    if (versions.length === 1 && versions[0].instanceTemplate) igm.instanceTemplate = versions[0].instanceTemplate;
    else if (versions.length === 0 && igm.instanceTemplate) igm.versions = [{ instanceTemplate: igm.instanceTemplate }];
  }

  function nextAddress(subnetworkLink: unknown): string {
    const subnet = typeof subnetworkLink === 'string' ? host.resources.get(pathOf(subnetworkLink)) : undefined;
    const cidr = String(subnet?.ipCidrRange ?? '10.128.0.0/20');
    const used = (addressesUsed.get(cidr) ?? 1) + 1;
    addressesUsed.set(cidr, used);
    const [a, b, c, d] = cidr.split('/')[0].split('.').map(Number);
    const n = ((a << 24) | (b << 16) | (c << 8) | d) + used;
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  }

  /** An instance of the group, made from the template's properties. */
  function makeInstance(manager: string, name: string, templateLink: string): void {
    const { zonePath, project, zone } = at(manager);
    const template = host.resources.get(pathOf(templateLink));
    if (!template) host.fail(400, 'invalid', `instance template ${templateLink} of ${manager} does not exist`);
    const p = (template.properties as Json | undefined) ?? {};
    const path = `${zonePath}/instances/${name}`;
    const id = host.nextId();
    const metadataItems = [...((((p.metadata as Json | undefined)?.items as Json[] | undefined) ?? []) as Json[])];
    metadataItems.push({ key: 'created-by', value: `projects/${project}/zones/${zone}/instanceGroupManagers/${at(manager).name}` });
    metadataItems.push({ key: 'instance-template', value: templateLink.replace(/^.*\/(projects\/)/, '$1') });
    const instance: Json = {
      kind: 'compute#instance',
      id: String(id),
      name,
      creationTimestamp: new Date(0).toISOString(),
      selfLink: host.base() + path,
      zone: `${host.base()}${zonePath}`,
      status: 'RUNNING',
      machineType: `${host.base()}${zonePath}/machineTypes/${String(p.machineType ?? 'e2-medium')}`,
      canIpForward: Boolean(p.canIpForward),
      labels: p.labels ?? {},
      tags: p.tags ?? {},
      metadata: { items: metadataItems },
      serviceAccounts: p.serviceAccounts ?? [],
      scheduling: p.scheduling ?? {},
      networkInterfaces: ((p.networkInterfaces as Json[] | undefined) ?? []).map((n, i) => ({
        ...n,
        name: `nic${i}`,
        networkIP: nextAddress(n.subnetwork),
        accessConfigs: ((n.accessConfigs as Json[] | undefined) ?? []).map((a) => ({ ...a, natIP: a.natIP ?? `203.0.113.${id % 250}` })),
      })),
    };
    host.check(instance, 'Instance', name);
    host.resources.set(path, instance);
    members.set(path, { manager, template: templateLink });
  }

  function newName(igm: Json, taken: Set<string>): string {
    for (let n = host.nextId(); ; n = host.nextId()) {
      const name = `${String(igm.baseInstanceName)}-${n.toString(36).slice(-4).padStart(4, '0')}`;
      if (!taken.has(name)) return name;
    }
  }

  function settle(manager: string): void {
    const igm = host.resources.get(manager)!;
    syncVersions(igm);
    if (!igm.instanceGroup) igm.instanceGroup = host.base() + manager.replace('/instanceGroupManagers/', '/instanceGroups/');
    igm.status = { isStable: true };
    const target = Number(igm.targetSize ?? 0);
    const current = memberPaths(manager);
    const taken = new Set(current.map((p) => p.slice(p.lastIndexOf('/') + 1)));
    for (let i = current.length; i < target; i++) {
      const name = newName(igm, taken);
      taken.add(name);
      makeInstance(manager, name, String(igm.instanceTemplate));
    }
    // Scaling in removes the newest instances first.
    for (const path of current.slice(target).reverse()) {
      host.resources.delete(path);
      members.delete(path);
    }
    igm.currentActions = { none: target, creating: 0, deleting: 0, recreating: 0, abandoning: 0 };
  }

  /** The named instances of a request, each a member of the group (404 for one that does not exist). */
  function named(manager: string, body: Json): string[] {
    const links = (body.instances as string[] | undefined) ?? [];
    return links.map((link) => {
      const path = pathOf(link.startsWith('zones/') ? `projects/${at(manager).project}/${link}` : link);
      if (!host.resources.has(path)) host.fail(404, 'notFound', `The resource '${link}' was not found`);
      if (members.get(path)?.manager !== manager) host.fail(400, 'invalid', `Instance '${link}' is not a member of ${at(manager).name}`);
      return path;
    });
  }

  function custom(method: string, manager: string, query: URLSearchParams, body: Json): Json | undefined {
    const igm = () => {
      const found = host.resources.get(manager);
      if (!found) host.fail(404, 'notFound', `The resource '${manager.replace(/^\/compute\/v1\//, '')}' was not found`);
      return found;
    };
    switch (method) {
      case 'Resize': {
        const size = Number(query.get('size'));
        if (!query.has('size') || !Number.isInteger(size) || size < 0) host.fail(400, 'invalid', `Invalid value for field 'size': '${query.get('size')}'`);
        igm().targetSize = size;
        settle(manager);
        return host.operation(manager, 'compute.instanceGroupManagers.resize');
      }
      case 'RecreateInstances': {
        const group = igm();
        for (const path of named(manager, body)) {
          const name = path.slice(path.lastIndexOf('/') + 1);
          host.resources.delete(path);
          members.delete(path);
          makeInstance(manager, name, String(group.instanceTemplate));
        }
        return host.operation(manager, 'compute.instanceGroupManagers.recreateInstances');
      }
      case 'DeleteInstances':
      case 'AbandonInstances': {
        const group = igm();
        const paths = named(manager, body);
        for (const path of paths) {
          if (method === 'DeleteInstances') host.resources.delete(path);
          members.delete(path);
        }
        group.targetSize = Math.max(0, Number(group.targetSize ?? 0) - paths.length);
        settle(manager);
        return host.operation(manager, `compute.instanceGroupManagers.${method === 'DeleteInstances' ? 'deleteInstances' : 'abandonInstances'}`);
      }
      case 'ListManagedInstances': {
        igm();
        const all = memberPaths(manager).map((path) => {
          const instance = host.resources.get(path)!;
          return {
            instance: instance.selfLink,
            id: instance.id,
            name: instance.name,
            instanceStatus: instance.status,
            currentAction: 'NONE',
            version: { instanceTemplate: members.get(path)!.template },
          };
        });
        const max = Math.min(Number(query.get('maxResults') || 500), 500);
        const start = query.get('pageToken') ? Number(Buffer.from(query.get('pageToken')!, 'base64url').toString()) : 0;
        const out: Json = { managedInstances: all.slice(start, start + max) };
        if (start + max < all.length) out.nextPageToken = Buffer.from(String(start + max)).toString('base64url');
        return out;
      }
      default:
        return undefined;
    }
  }

  return {
    isManager: (path) => MANAGER.test(path),
    checkTemplates(body) {
      const links = [...((body.versions as Json[] | undefined) ?? []).map((v) => v.instanceTemplate), body.instanceTemplate].filter((l): l is string => typeof l === 'string');
      for (const link of links) if (!host.resources.has(pathOf(link))) host.fail(404, 'notFound', `The resource '${link.replace(/^.*\/(projects\/)/, '$1')}' was not found`);
    },
    settle,
    removeInstances(manager) {
      for (const path of memberPaths(manager)) {
        host.resources.delete(path);
        members.delete(path);
      }
    },
    custom,
  };
}
