import type { DeleteRules } from '../../cloud/types.js';

type Tags = Readonly<Record<string, string>>;

/**
 * The rules that decide what `delete cluster` deletes for cluster NAME. An object is the cluster's when tagged
 * `kubernetes.io/cluster/NAME=owned` (or only with the legacy `KubernetesCluster=NAME`): it is deleted. Tagged
 * `kubernetes.io/cluster/NAME` with any other value it is shared: it only loses the cluster's tags, never deleted.
 * Types kops did not always tag are the cluster's by kops's name for them when they carry no cluster tag at all.
 */
export function deleteRules(clusterName: string): DeleteRules {
  const ownKey = `kubernetes.io/cluster/${clusterName}`;
  const thenAgain = "then run 'kops delete cluster --yes' again";
  const rules: DeleteRules = {
    clusterName,
    ownership(tags) {
      const value = tags[ownKey];
      if (value === 'owned') return 'owned';
      if (value !== undefined) return 'shared';
      return tags.KubernetesCluster === clusterName ? 'owned' : undefined;
    },
    ownershipOrName(tags, named) {
      return rules.ownership(tags) ?? (named && !rules.taggedForOther(tags) ? 'owned' : undefined);
    },
    taggedForOther(tags) {
      if (tags.KubernetesCluster !== undefined && tags.KubernetesCluster !== clusterName) return true;
      return Object.keys(tags).some((k) => k.startsWith('kubernetes.io/cluster/') && k !== ownKey);
    },
    clusterTagKeys(tags) {
      const keys = [ownKey].filter((k) => k in tags);
      if (tags.KubernetesCluster === clusterName) keys.push('KubernetesCluster');
      return keys;
    },
    label: (kind, id, name) => (name ? `${kind} ${id} (${name})` : `${kind} ${id}`),
    foreign: (kind, id, tags) => `${kind} ${id} (${describeTags(tags)})`,
    hint: (todo) => `${todo}, ${thenAgain}`,
    notOurs: (todo) => `it is not part of cluster ${clusterName}: ${todo}, ${thenAgain}`,
  };
  return rules;
}

/** `Name=web,team=x` for messages; at most a few tags, AWS's own left out. */
function describeTags(tags: Tags): string {
  const entries = Object.entries(tags).filter(([k]) => !k.startsWith('aws:'));
  if (entries.length === 0) return 'no tags';
  const shown = entries
    .sort(([a], [b]) => (a === 'Name' ? -1 : b === 'Name' ? 1 : a.localeCompare(b)))
    .slice(0, 4)
    .map(([k, v]) => `${k}=${v}`);
  return shown.join(',') + (entries.length > shown.length ? ',...' : '');
}
