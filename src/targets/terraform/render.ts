import { filesProviderAlias } from '../../cloud/terraform.js';
import type { FilesProvider, TerraformCloud, TerraformRequiredProvider } from '../../cloud/types.js';
import { resourceDecl, type Fields, type ManagedFileSpec } from '../../engine/resource.js';
import { isRef, taskKey, type Ref, type Task, type TaskKey } from '../../engine/task.js';
import { formatBlocks } from './format.js';
import { Expr, HclBlock, HclMap, renderBlock, renderValue, type HclBody, type HclValue } from './hcl.js';
import { bucketObject, type BucketObject } from './managed-files.js';
import { dataFileName, tfLabel } from './names.js';

export interface TerraformOptions {
  clusterName: string;
  /** Region of the cluster. */
  region: string;
  /** Region of the state-store bucket (the files provider); defaults to the cluster region. */
  filesRegion?: string;
  /** The cloud's providers, their requirements and outputs. */
  cloud: TerraformCloud;
  /** `spec.target.terraform`: extra arguments of the cluster's provider and of the files provider. */
  providerExtraConfig?: Record<string, string>;
  filesProviderExtraConfig?: Record<string, string>;
  /** Access lists (`ROLE:entity`) of the objects written to gs:// buckets, by bucket; none for a bucket not listed. */
  storeObjectAcls?: ReadonlyMap<string, readonly string[]>;
  /** KOPS_STATE_S3_ACL: the canned ACL of every s3:// object, in place of the public-read a public one would get. */
  s3ObjectAcl?: string;
}

/** A provider block's arguments in key order, as kops writes them. */
function providerBody(attributes: Record<string, string>): HclBody {
  return new Map(Object.keys(attributes).sort().map((k) => [k, attributes[k]]));
}

export interface TerraformOutput {
  /** Files relative to the output folder: `kubernetes.tf` and `data/...`. */
  files: Map<string, string>;
  /** State-store files of a file:// store, to be written to the store itself. */
  storeWrites: { location: string; contents: string }[];
}

interface Resource {
  type: string;
  label: string;
  body: HclBody;
}

/** Renders tasks as one Terraform module: `kubernetes.tf` plus large values under `data/`. Deterministic bytes. */
export async function renderTerraform(tasks: Task[], options: TerraformOptions): Promise<TerraformOutput> {
  const r = new Renderer(tasks);
  const resources: Resource[] = [];
  const storeWrites: TerraformOutput['storeWrites'] = [];
  const filesProviders = new Set<FilesProvider>();
  for (const task of tasks) {
    if (task.shared || !rendersAsResource(task)) continue;
    if (task.type === 'managed_file') {
      const spec = task.spec as unknown as ManagedFileSpec;
      const object = bucketObject(spec);
      if (!object) {
        storeWrites.push({ location: spec.location, contents: spec.contents });
        continue;
      }
      filesProviders.add(object.provider);
      if (object.provider === 'aws') resources.push(s3Object(r, task.name, spec, object, options.s3ObjectAcl));
      else resources.push(...storageObject(r, task.name, spec, object, options.storeObjectAcls?.get(object.bucket)));
      continue;
    }
    resources.push({ type: task.type, label: r.label(task), body: r.resourceBody(task) });
  }

  const blocks: string[] = [];
  const outputs = r.outputs(tasks);
  outputs.set('cluster_name', options.clusterName);
  for (const [name, value] of Object.entries(options.cloud.outputs)) outputs.set(name, value);
  outputs.set('region', options.region);
  if (outputs.size) {
    const locals: HclBody = new Map(outputs);

    blocks.push(renderBlock('locals', [], locals));
    for (const [name, value] of [...outputs].sort(([a], [b]) => (a < b ? -1 : 1))) {
      blocks.push(renderBlock('output', [name], new Map([['value', value]])));
    }
  }
  const { region, filesRegion, providerExtraConfig, filesProviderExtraConfig } = options;
  const files = [...filesProviders];
  for (const provider of options.cloud.providerBlocks({ region, filesRegion, filesProviders: files, providerExtraConfig, filesProviderExtraConfig })) {
    blocks.push(renderBlock('provider', [provider.name], providerBody(provider.attributes)));
  }
  resources.sort((a, b) => compare(a.type, b.type) || compare(a.label, b.label));
  for (const res of resources) blocks.push(renderBlock('resource', [res.type, res.label], res.body));
  for (const [key, body] of [...r.dataSources].sort(([a], [b]) => compare(a, b))) {
    const [type, label] = key.split(' ');
    blocks.push(renderBlock('data', [type, label], body));
  }
  blocks.push(terraformBlock(options.cloud.requiredProviders({ filesProviders: files })));

  const out = new Map<string, string>();
  out.set('kubernetes.tf', await formatBlocks(blocks));
  for (const [name, content] of [...r.data].sort(([a], [b]) => compare(a, b))) out.set(`data/${name}`, content);
  return { files: out, storeWrites };
}

/**
 * A state-store file in an S3 bucket (memfs:// too), as the Go kops's S3 path renders it: its `acl` is the store-wide
 * canned ACL when one is set (s3:// only, the in-memory store has none), else public-read for a public file.
 */
function s3Object(r: Renderer, name: string, spec: ManagedFileSpec, object: BucketObject, storeAcl: string | undefined): Resource {
  const body: HclBody = new Map<string, HclValue>([
    ['bucket', object.bucket],
    ['content', r.dataFile('aws_s3_object', name, 'content', spec.contents, 'file')],
    ['key', object.key],
    ['provider', new Expr(filesProviderAlias('aws'))],
    ['server_side_encryption', 'AES256'],
  ]);
  const acl = (spec.location.startsWith('s3://') ? storeAcl : undefined) ?? (spec.publicRead ? 'public-read' : undefined);
  if (acl) body.set('acl', acl);
  return { type: 'aws_s3_object', label: tfLabel(name), body };
}

/**
 * A state-store file in a Cloud Storage bucket, as the Go kops's GCS path renders it: the object uploaded from its
 * data file (`source`, a path), and with an access list, that list on the object.
 */
function storageObject(r: Renderer, name: string, spec: ManagedFileSpec, object: BucketObject, acl: readonly string[] | undefined): Resource[] {
  const type = 'google_storage_bucket_object';
  const label = tfLabel(name);
  const provider = new Expr(filesProviderAlias('google'));
  const resources: Resource[] = [
    { type, label, body: new Map<string, HclValue>([['bucket', object.bucket], ['name', object.key], ['provider', provider], ['source', r.dataPath(type, name, 'content', spec.contents)]]) },
  ];
  if (acl) {
    resources.push({
      type: 'google_storage_object_acl',
      label,
      body: new Map<string, HclValue>([['bucket', object.bucket], ['object', new Expr(`${type}.${label}.output_name`)], ['provider', provider], ['role_entity', [...acl]]]),
    });
  }
  return resources;
}

/** Objects other tools own (lifecycle overrides) are looked up, not managed, so Terraform does not declare them. */
function rendersAsResource(task: Task): boolean {
  return task.lifecycle === 'Sync' || task.lifecycle === 'WarnIfInsufficientAccess';
}

/** The module's required providers, each with the aliases it declares. */
function terraformBlock(requiredProviders: TerraformRequiredProvider[]): string {
  const providers: HclBody = new Map();
  for (const p of requiredProviders) {
    providers.set(
      p.name,
      new HclMap({
        ...(p.configurationAliases ? { configuration_aliases: p.configurationAliases.map((a) => new Expr(a)) } : {}),
        source: p.source,
        version: p.version,
      }),
    );
  }
  const required = renderBlock('required_providers', [], providers);
  return `terraform {\nrequired_version = ${renderValue('>= 0.15.0')}\n${required}\n}`;
}

/** `/64#3` is the 3rd /64 inside the VPC's Amazon-provided block, which only Terraform knows. */
function relativeIpv6(cidr: string): HclValue {
  const m = /^\/(\d+)#(\d+)$/.exec(cidr);
  if (!m) return cidr;
  return new Expr(`cidrsubnet(local.vpc_ipv6_cidr_block, ${m[1]} - local.vpc_ipv6_cidr_length, ${m[2]})`);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class Renderer {
  readonly data = new Map<string, string>();
  readonly dataSources = new Map<string, HclBody>();
  private readonly byKey: Map<string, Task>;

  constructor(tasks: Task[]) {
    this.byKey = new Map(tasks.map((t) => [taskKey(t), t]));
  }

  label(key: TaskKey): string {
    return tfLabel((resourceDecl(key.type)?.terraform?.labelPrefix ?? '') + key.name);
  }

  resourceBody(task: Task): HclBody {
    const decl = resourceDecl(task.type);
    if (!decl) throw new Error(`no declaration for resource type ${task.type} (task ${task.name})`);
    const body = this.fieldsBody(decl.fields, task.spec as Record<string, unknown>, task);
    const lifecycle: HclBody = new Map();
    if (decl.terraform?.createBeforeDestroy) lifecycle.set('create_before_destroy', true);
    if (decl.terraform?.ignoreChanges) lifecycle.set('ignore_changes', decl.terraform.ignoreChanges.map((attr) => new Expr(attr)));
    if (lifecycle.size) body.set('lifecycle', new HclBlock(lifecycle));
    if (task.dependsOn?.length) {
      body.set('depends_on', task.dependsOn.map((k) => new Expr(`${k.type}.${this.label(k)}`)));
    }
    return body;
  }

  private fieldsBody(fields: Fields, spec: Record<string, unknown>, task: Task): HclBody {
    const body: HclBody = new Map();
    for (const [field, decl] of Object.entries(fields)) {
      const v = spec[field];
      if (v === undefined || v === null || decl.notInTerraform) continue;
      switch (decl.kind ?? 'value') {
        case 'map':
        case 'tags':
          body.set(decl.tf, new HclMap(v as Record<string, string>));
          break;
        case 'mapWithFiles': {
          const entries: Record<string, HclValue> = {};
          for (const [k, text] of Object.entries(v as Record<string, string>)) {
            entries[k] = text.includes('\n') ? this.dataFile(task.type, task.name, `${decl.tf}_${k}`, text, 'file') : text;
          }
          body.set(decl.tf, new HclMap(entries));
          break;
        }
        case 'block':
          body.set(decl.tf, new HclBlock(this.fieldsBody(decl.fields!, v as Record<string, unknown>, task)));
          break;
        case 'blocks':
          // Zero repeated blocks are written as none (an empty list would read as an attribute).
          if (!(v as unknown[]).length) break;
          body.set(
            decl.tf,
            (v as Record<string, unknown>[]).map((item) => new HclBlock(this.fieldsBody(decl.fields!, item, task))),
          );
          break;
        case 'file':
        case 'filebase64':
          body.set(decl.tf, this.dataFile(task.type, task.name, decl.dataKey ?? decl.tf, v as string, decl.kind as 'file' | 'filebase64'));
          break;
        case 'tagBlocks': {
          const tags = v as Record<string, string>;
          if (!Object.keys(tags).length) break;
          body.set(
            decl.tf,
            Object.keys(tags)
              .sort()
              .map((k) => new HclBlock(new Map<string, HclValue>([['key', k], ['propagate_at_launch', true], ['value', tags[k]]]))),
          );
          break;
        }
        default:
          if (decl.relativeIpv6 && typeof v === 'string') body.set(decl.tf, relativeIpv6(v));
          else body.set(decl.tf, decl.tfString && !isRef(v) ? String(v) : this.value(v));
      }
    }
    return body;
  }

  dataFile(type: string, name: string, key: string, contents: string, fn: 'file' | 'filebase64'): Expr {
    return new Expr(`${fn}(${this.dataPath(type, name, key, contents).text})`);
  }

  /** Stores a large value as `data/<type>_<name>_<key>` and gives the path Terraform reads it from (a quoted template). */
  dataPath(type: string, name: string, key: string, contents: string): Expr {
    const file = dataFileName(type, name, key);
    this.data.set(file, contents);
    return new Expr(`"\${path.module}/data/${file}"`);
  }

  value(v: unknown): HclValue {
    if (isRef(v)) return this.ref(v);
    if (Array.isArray(v)) return v.map((x) => this.value(x));
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    throw new Error(`cannot render ${JSON.stringify(v)} as a Terraform value`);
  }

  /** A reference: to a managed resource's attribute, or for a shared object its id (or a data source for other attributes). */
  ref(r: Ref): HclValue {
    if (r.prefix) {
      const inner = this.ref({ $ref: r.$ref, attr: r.attr });
      return new Expr(`format(${renderValue(`${r.prefix}%s`)}, ${renderValue(inner)})`);
    }
    const target = this.byKey.get(taskKey(r.$ref));
    if (!target) throw new Error(`reference to unknown task ${taskKey(r.$ref)}`);
    const label = this.label(target);
    const id = (target.spec as { id?: string; arn?: string }).id ?? (target.spec as { arn?: string }).arn;
    if (target.shared) {
      if ((r.attr === 'id' || r.attr === 'arn') && id) return id;
      if (r.attr === 'name' && typeof (target.spec as { name?: unknown }).name === 'string') {
        return (target.spec as { name: string }).name;
      }
      if (!id) throw new Error(`shared ${taskKey(target)} has no id to refer to`);
      this.dataSources.set(`${target.type} ${label}`, new Map([['id', id]]));
      return new Expr(`data.${target.type}.${label}.${r.attr}`);
    }
    return new Expr(`${target.type}.${label}.${r.attr}`);
  }

  outputs(tasks: Task[]): Map<string, HclValue> {
    const single = new Map<string, HclValue>();
    const lists = new Map<string, Map<string, HclValue>>();
    for (const task of tasks) {
      if (!task.shared && !rendersAsResource(task)) continue;
      for (const e of task.exports ?? []) {
        const v = this.value(e.value);
        if (!e.list) single.set(e.name, v);
        else {
          const items = lists.get(e.name) ?? new Map<string, HclValue>();
          items.set(renderValue(v), v);
          lists.set(e.name, items);
        }
      }
    }
    for (const [name, items] of lists) single.set(name, [...items.keys()].sort(compare).map((k) => items.get(k)!));
    if (single.has('vpc_ipv6_cidr_block')) {
      single.set(
        'vpc_ipv6_cidr_length',
        new Expr('local.vpc_ipv6_cidr_block == "" ? null : tonumber(regex(".*/(\\\\d+)", local.vpc_ipv6_cidr_block)[0])'),
      );
    }
    return single;
  }
}
