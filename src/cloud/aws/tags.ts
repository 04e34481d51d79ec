import type { Filter, TagSpecification, ResourceType } from '@aws-sdk/client-ec2';

export type Tags = Record<string, string>;

/** The tags kops puts on every object it owns: cluster name (legacy and current key) and the object's Name. */
export function ownedTags(clusterName: string, name: string, ownership: 'owned' | 'shared' = 'owned'): Tags {
  return { KubernetesCluster: clusterName, Name: name, [`kubernetes.io/cluster/${clusterName}`]: ownership };
}

export function toAwsTags(tags: Tags | undefined): { Key: string; Value: string }[] {
  return Object.keys(tags ?? {})
    .sort()
    .map((Key) => ({ Key, Value: tags![Key] }));
}

/** Tags as a map; AWS's own (`aws:` prefixed) tags are left out, they are not ours to diff. */
export function fromAwsTags(tags: readonly { Key?: string; Value?: string }[] | undefined): Tags {
  const out: Tags = {};
  for (const t of tags ?? []) if (t.Key !== undefined && !t.Key.startsWith('aws:')) out[t.Key] = t.Value ?? '';
  return out;
}

export function tagSpecifications(resourceType: ResourceType, tags: Tags | undefined): TagSpecification[] | undefined {
  return tags && Object.keys(tags).length > 0 ? [{ ResourceType: resourceType, Tags: toAwsTags(tags) }] : undefined;
}

/**
 * Filters that find the object kops created for a task: by its Name tag and its cluster tag (objects of two
 * clusters may share a Name). Undefined when the tags cannot identify it.
 */
export function ownerFilters(tags: Tags | undefined): Filter[] | undefined {
  if (!tags?.Name) return undefined;
  const filters: Filter[] = [{ Name: 'tag:Name', Values: [tags.Name] }];
  const clusterKey = Object.keys(tags).find((k) => k.startsWith('kubernetes.io/cluster/'));
  if (tags.KubernetesCluster !== undefined) filters.push({ Name: 'tag:KubernetesCluster', Values: [tags.KubernetesCluster] });
  else if (clusterKey) filters.push({ Name: 'tag-key', Values: [clusterKey] });
  return filters;
}

/** Keys whose value is missing or different in `actual`: the tags to (re)write. */
export function tagsToWrite(desired: Tags | undefined, actual: Tags | undefined): Tags {
  const out: Tags = {};
  for (const [k, v] of Object.entries(desired ?? {})) if (actual?.[k] !== v) out[k] = v;
  return out;
}
