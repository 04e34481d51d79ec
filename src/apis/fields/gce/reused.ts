/**
 * The AWS registry's entries that hold on GCE as they are: kops's validation refusals and its legacy fields do not
 * depend on the cloud, and an effect whose fragments are in files every cloud's build writes (the nodeupconfig, the
 * files nodeup renders from it, etcd-manager's manifests, cloud-neutral add-ons, the rolling-update settings) is the
 * same effect on a GCE cluster. Entries of an AWS block, or whose fragments are AWS resources, are not taken: the
 * GCE registry classes those leaves itself.
 */
import { cloudOfLeaf } from '../clouds.js';
import { entryPatterns, type EffectEntry, type Fragment, type RegistryEntry } from '../registry.js';

/** The control-plane instance group of each cloud's baseline (the golden cases minimal-aws and minimal_gce). */
const AWS_MASTER = 'master-us-test-1a';
const GCE_MASTER = 'master-us-test1-a';

/** Output files the GCE build writes as the AWS build does (by the part of the name a fragment gives). */
const NEUTRAL_FILES = /^(nodeupconfig-(nodes|master)|kubelet\.conf-|kube-apiserver\.manifest-|etcdmanager-|etcd-cluster-spec-|manifests-channels|rolling-update-|addons-)/;
/** Add-ons only an AWS cluster has. */
const AWS_FILES = /aws|node-termination-handler|karpenter|eks-pod-identity|amazon-vpc/;

const onGceFile = (f: Fragment) => NEUTRAL_FILES.test(f.in) && !AWS_FILES.test(f.in);

const renamed = (text: string) => text.replaceAll(AWS_MASTER, GCE_MASTER);

function gceEffect(e: EffectEntry): EffectEntry {
  const settings = e.settings?.map(([path, value]) => [path, path.startsWith('ig:') ? withoutAwsLeaves('InstanceGroup', path.slice(3), value) : withoutAwsLeaves('Cluster', path, value)] as const);
  return {
    ...e,
    ...(settings ? { settings } : {}),
    fragments: e.fragments.map((f) => ({ ...f, in: renamed(f.in) })),
    ...(e.ig ? { ig: renamed(e.ig) } : {}),
  };
}

/** A setting's value without the leaves a GCE cluster refuses (AWS-only fields, such as an API load balancer's class). */
function withoutAwsLeaves(kind: 'Cluster' | 'InstanceGroup', path: string, value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => cloudOfLeaf(kind, `${path}.${k}`) !== 'aws')
      .map(([k, v]) => [k, withoutAwsLeaves(kind, `${path}.${k}`, v)]),
  );
}

/** The AWS entries that hold on GCE, with the control-plane group renamed to the GCE baseline's. */
export function reusedOnGce(aws: readonly RegistryEntry[], excluded: ReadonlySet<string>): RegistryEntry[] {
  const out: RegistryEntry[] = [];
  for (const e of aws) {
    const patterns = entryPatterns(e);
    if (patterns.some((p) => excluded.has(`${e.kind} ${p}`))) continue;
    if (patterns.some((p) => cloudOfLeaf(e.kind, p.replace(/\.\*$/, '')) === 'aws')) continue;
    if (e.class !== 'effect') {
      out.push(e);
      continue;
    }
    if (e.fragments.every(onGceFile)) out.push(gceEffect(e));
  }
  return out;
}
