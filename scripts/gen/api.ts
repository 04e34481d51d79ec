/**
 * From the kops CRDs (../shared/kops-reference/crds/*.yaml), the API files:
 *   src/apis/schema.generated.ts   the v1alpha2 field tree (names and types only) the strict decoder walks;
 *   src/apis/types.generated.ts    the TypeScript interfaces, one per Go type (go-names.ts);
 *   schema/kops.k8s.io_v1alpha2.json  a JSON Schema for Cluster and InstanceGroup documents, for editors.
 * Go knowledge the CRDs do not carry (plain vs pointer fields, metav1.Duration fields, type names, enums) comes from
 * the GO_* tables; every entry must name a field of the CRDs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { FieldSchema, StructSchema } from '../../src/apis/schema.js';
import { jsonSchemaFile } from './json-schema.js';
import { GO_ENUMS, GO_REQUIRED, GO_TYPE_NAMES } from './go-names.js';
import { namedStructs, typesFile } from './ts-types.js';

const crdDir = resolve(import.meta.dirname, '../../../shared/kops-reference/crds');

const KINDS = [
  { kind: 'Cluster', file: 'kops.k8s.io_clusters.yaml' },
  { kind: 'InstanceGroup', file: 'kops.k8s.io_instancegroups.yaml' },
  { kind: 'Keyset', file: 'kops.k8s.io_keysets.yaml' },
  { kind: 'SSHCredential', file: 'kops.k8s.io_sshcredentials.yaml' },
];

/**
 * Go value-type fields with `omitempty` (so a zero value given in a file disappears on re-encode), by
 * `<Kind>.<path>` with `[]` for list items and `{}` for map values. Only fields known to be plain Go values
 * (`string`, `bool`, named string types) are listed; pointer fields keep a zero value that was given. The golden
 * files keep every zero value they give (all of those fields are pointers), so nothing here contradicts them.
 */
const GO_OMIT_ZERO: string[] = [
  ...[
    'channel', 'configBase', 'cloudProvider', 'containerRuntime', 'kubernetesVersion', 'project', 'masterPublicName',
    'masterInternalName', 'networkCIDR', 'networkID', 'secretStore', 'keyStore', 'configStore', 'dnsZone',
    'clusterDNSDomain', 'serviceClusterIPRange', 'podCIDR', 'nonMasqueradeCIDR', 'DisableSubnetTags',
  ].map((f) => `Cluster.spec.${f}`),
  ...['name', 'zone', 'region', 'cidr', 'ipv6CIDR', 'id', 'egress', 'type', 'publicIP'].map((f) => `Cluster.spec.subnets[].${f}`),
  ...['name', 'provider', 'version', 'image'].map((f) => `Cluster.spec.etcdClusters[].${f}`),
  'Cluster.spec.etcdClusters[].etcdMembers[].name',
  'Cluster.spec.addons[].manifest',
  ...['role', 'image', 'machineType', 'tenancy', 'manager'].map((f) => `InstanceGroup.spec.${f}`),
  ...['type', 'primaryId'].map((f) => `Keyset.spec.${f}`),
  ...['id', 'publicMaterial', 'privateMaterial'].map((f) => `Keyset.spec.keys[].${f}`),
  'SSHCredential.spec.publicKey',
];

/** Go pointers to maps (`*map[string]...`): an empty map given is kept. */
const GO_KEEP_EMPTY: string[] = ['Cluster.spec.additionalPolicies', 'Cluster.spec.externalPolicies'];

/** Go metav1.Duration fields (the CRDs call them strings), by the same path notation. */
const KUBELET_DURATIONS = [
  'nodeStatusUpdateFrequency', 'imagePullProgressDeadline', 'evictionPressureTransitionPeriod', 'runtimeRequestTimeout',
  'volumeStatsAggPeriod', 'streamingConnectionIdleTimeout', 'authenticationTokenWebhookCacheTtl', 'cpuCFSQuotaPeriod',
  'housekeepingInterval', 'shutdownGracePeriod', 'shutdownGracePeriodCriticalPods',
];
const GO_DURATIONS: string[] = [
  ...['Cluster.spec.kubelet', 'Cluster.spec.masterKubelet', 'InstanceGroup.spec.kubelet'].flatMap((k) => KUBELET_DURATIONS.map((f) => `${k}.${f}`)),
  ...['ipvsMinSyncPeriod', 'ipvsSyncPeriod'].map((f) => `Cluster.spec.kubeProxy.${f}`),
  ...[
    'auditWebhookBatchMaxWait', 'auditWebhookInitialBackoff', 'authenticationTokenWebhookCacheTtl',
    'authorizationWebhookCacheAuthorizedTtl', 'authorizationWebhookCacheUnauthorizedTtl', 'eventTTL',
  ].map((f) => `Cluster.spec.kubeAPIServer.${f}`),
  ...[
    'attachDetachReconcileSyncPeriod', 'nodeMonitorPeriod', 'nodeMonitorGracePeriod', 'podEvictionTimeout',
    'horizontalPodAutoscalerSyncPeriod', 'horizontalPodAutoscalerDownscaleDelay', 'horizontalPodAutoscalerDownscaleStabilization',
    'horizontalPodAutoscalerUpscaleDelay', 'experimentalClusterSigningDuration',
  ].map((f) => `Cluster.spec.kubeControllerManager.${f}`),
  ...['interval', 'timeout', 'tokenTTL'].map((f) => `Cluster.spec.nodeAuthorization.nodeAuthorizer.${f}`),
  'InstanceGroup.spec.maxInstanceLifetime',
];

/** metav1.ObjectMeta, which the CRDs leave as a bare `type: object`. */
const OBJECT_META: StructSchema = {
  fields: {
    name: 'string',
    generateName: 'string',
    namespace: 'string',
    selfLink: 'string',
    uid: 'string',
    resourceVersion: 'string',
    generation: 'integer',
    creationTimestamp: 'time',
    deletionTimestamp: 'time',
    deletionGracePeriodSeconds: 'integer',
    labels: { values: 'string' },
    annotations: { values: 'string' },
    ownerReferences: {
      items: {
        fields: { apiVersion: 'string', kind: 'string', name: 'string', uid: 'string', controller: 'boolean', blockOwnerDeletion: 'boolean' },
      },
    },
    finalizers: { items: 'string' },
    managedFields: { items: 'any' },
  },
  // metav1.Time is a struct: `omitempty` never drops it, and its zero value prints as null.
  alwaysEmit: ['creationTimestamp'],
  omitZero: ['generateName', 'generation', 'name', 'namespace', 'resourceVersion', 'selfLink', 'uid'],
};

interface OpenApiNode {
  type?: string;
  format?: string;
  properties?: Record<string, OpenApiNode>;
  additionalProperties?: OpenApiNode | boolean;
  items?: OpenApiNode;
  required?: string[];
  pattern?: string;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
}

function convert(node: OpenApiNode, path: string): FieldSchema {
  if (node['x-kubernetes-int-or-string']) return node.pattern ? 'quantity' : 'intOrString';
  switch (node.type) {
    case 'string':
      if (GO_DURATIONS.includes(path)) {
        matched.add(path);
        return 'duration';
      }
      return node.format === 'date-time' ? 'time' : 'string';
    case 'boolean':
      return 'boolean';
    case 'integer':
      return 'integer';
    case 'array':
      if (!node.items) throw new Error(`${path}: array without items`);
      return { items: convert(node.items, `${path}[]`) };
    case 'object':
      if (node['x-kubernetes-preserve-unknown-fields']) return 'any';
      if (node.properties) return convertStruct(node, path);
      if (typeof node.additionalProperties === 'object') return { values: convert(node.additionalProperties, `${path}{}`) };
      return { fields: {} };
    default:
      throw new Error(`${path}: unsupported schema type ${node.type}`);
  }
}

function convertStruct(node: OpenApiNode, path: string): StructSchema {
  const fields: Record<string, FieldSchema> = {};
  for (const name of Object.keys(node.properties ?? {}).sort()) {
    fields[name] = convert(node.properties![name], `${path}.${name}`);
  }
  const struct: { -readonly [K in keyof StructSchema]: StructSchema[K] } = { fields };
  if (node.required?.length) struct.alwaysEmit = [...node.required].sort();
  const omitZero = fieldsOf(GO_OMIT_ZERO, path, fields);
  if (omitZero.length) struct.omitZero = omitZero;
  const keepEmpty = fieldsOf(GO_KEEP_EMPTY, path, fields);
  if (keepEmpty.length) struct.keepEmpty = keepEmpty;
  return struct;
}

function kindSchema(kind: string, file: string): StructSchema {
  const crd = parse(readFileSync(resolve(crdDir, file), 'utf8'));
  const version = crd.spec.versions.find((v: { name: string }) => v.name === 'v1alpha2');
  const top = version.schema.openAPIV3Schema as OpenApiNode;
  const spec = top.properties?.spec;
  if (!spec) throw new Error(`${file}: no spec`);
  return {
    fields: { apiVersion: 'string', kind: 'string', metadata: OBJECT_META, spec: convert(spec, `${kind}.spec`) },
    // Both are Go value structs: printed even when empty.
    alwaysEmit: ['metadata', 'spec'],
  };
}

/** Table entries that named a field of the CRDs. */
const matched = new Set<string>();

/** The names of the struct's fields that a table lists (by full path). */
function fieldsOf(table: string[], structPath: string, fields: Record<string, FieldSchema>): string[] {
  const listed = table.filter((p) => p.startsWith(`${structPath}.`) && p.slice(structPath.length + 1) in fields);
  listed.forEach((p) => matched.add(p));
  return listed.map((p) => p.slice(structPath.length + 1)).sort();
}

export interface KindSchema {
  kind: string;
  schema: StructSchema;
}

/** Generated file contents by path from the repository root. */
export function generateApiFiles(): Map<string, string> {
  matched.clear();
  const schemas: KindSchema[] = KINDS.map(({ kind, file }) => ({ kind, schema: kindSchema(kind, file) }));
  const unmatched = [...GO_OMIT_ZERO, ...GO_KEEP_EMPTY, ...GO_DURATIONS].filter((p) => !matched.has(p));
  if (unmatched.length) throw new Error(`GO_* tables name fields the CRDs do not have: ${unmatched.join(', ')}`);
  const named = namedStructs(schemas, GO_TYPE_NAMES);
  return new Map([
    ['src/apis/schema.generated.ts', schemaFile(schemas)],
    ['src/apis/types.generated.ts', typesFile(schemas, named, GO_TYPE_NAMES, OBJECT_META, GO_REQUIRED)],
    ['schema/kops.k8s.io_v1alpha2.json', jsonSchemaFile(schemas, named, GO_TYPE_NAMES, OBJECT_META, GO_ENUMS, GO_REQUIRED)],
  ]);
}

/** Compact: one JSON literal per kind. */
function schemaFile(schemas: KindSchema[]): string {
  const lines = ['// Generated by scripts/gen/api.ts from the kops v1alpha2 CRDs (npm run gen). Do not edit.', "import type { StructSchema } from './schema.js';", ''];
  for (const { kind, schema } of schemas) lines.push(`export const ${kind}Schema: StructSchema = ${JSON.stringify(schema)};`, '');
  return lines.join('\n');
}
