/** Terraform against a moto_server: the CLI, a provider override pointing at moto, and plans read as data. */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/** The AWS services a kops cluster's Terraform touches (and the provider may call while validating). */
const MOTO_SERVICES = ['autoscaling', 'ec2', 'elbv2', 'elb', 'events', 'iam', 'route53', 's3', 'sqs', 'sts', 'kms', 'cloudwatch', 'sns'];

/** The plugin mirror every machine of this project has (`terraform init -plugin-dir`). */
export const TF_PLUGIN_DIR = '/opt/tf-plugins';

export function terraformAvailable(): boolean {
  return spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
}

export interface TerraformRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `terraform ARGS` in `dir`, non-interactive and without colour. */
export function terraform(dir: string, args: string[], timeoutMs = 15 * 60_000): Promise<TerraformRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('terraform', [...args, '-no-color'], {
      cwd: dir,
      env: { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr, ms: performance.now() - started }));
  });
}

/** Fails with terraform's own output unless it exited with one of `codes`. */
export async function terraformOk(dir: string, args: string[], codes = [0]): Promise<TerraformRun> {
  const r = await terraform(dir, args);
  if (!codes.includes(r.code)) throw new Error(`terraform ${args.join(' ')} exited ${r.code}\n${r.stderr}\n${r.stdout.slice(-4000)}`);
  return r;
}

/**
 * `override.tf`: Terraform merges it into the generated `provider "aws"` block, so the module itself stays as
 * written while every endpoint points at moto with its test credentials.
 */
export function writeMotoProviderOverride(dir: string, endpoint: string): void {
  const endpoints = MOTO_SERVICES.map((s) => `    ${s} = "${endpoint}"`).join('\n');
  writeFileSync(
    join(dir, 'override.tf'),
    `provider "aws" {
  access_key                  = "test"
  secret_key                  = "test"
  s3_use_path_style           = true
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
${endpoints}
  }
}
`,
  );
}

/**
 * Drops the two attributes moto 5.2 cannot take (MOTO-NOTES): a subnet's `private_dns_hostname_type_on_launch`
 * (ignored, so the provider waits for it and times out) and instance-store block device mappings (HTTP 500 when the
 * group launches). Returns how many of each were removed.
 */
export function stripMotoUnsupported(dir: string): { privateDnsHostnameType: number; instanceStoreMappings: number } {
  const file = join(dir, 'kubernetes.tf');
  let text = readFileSync(file, 'utf8');
  let privateDnsHostnameType = 0;
  let instanceStoreMappings = 0;
  text = text.replace(/^ {2}private_dns_hostname_type_on_launch *= "resource-name"\n/gm, () => (privateDnsHostnameType++, ''));
  text = text.replace(/^ {2}block_device_mappings \{\n {4}device_name *= "[^"]+"\n {4}virtual_name *= "ephemeral\d+"\n {2}\}\n/gm, () => (instanceStoreMappings++, ''));
  writeFileSync(file, text);
  return { privateDnsHostnameType, instanceStoreMappings };
}

export interface PlannedChange {
  address: string;
  type: string;
  actions: string[];
  /** Top-level attributes whose planned value differs from the state (or is unknown until apply). */
  attributes: string[];
}

/** `terraform plan` as data: every resource the plan would touch, with the attributes that differ. */
export async function plannedChanges(dir: string): Promise<{ exitCode: number; changes: PlannedChange[] }> {
  const plan = await terraformOk(dir, ['plan', '-detailed-exitcode', '-out=tfplan'], [0, 2]);
  const shown = await terraformOk(dir, ['show', '-json', 'tfplan']);
  const json = JSON.parse(shown.stdout) as {
    resource_changes?: { address: string; type: string; change: { actions: string[]; before: unknown; after: unknown; after_unknown: unknown } }[];
  };
  const changes = (json.resource_changes ?? [])
    .filter((rc) => !isDeepStrictEqual(rc.change.actions, ['no-op']))
    .map((rc) => {
      const before = asObject(rc.change.before);
      const after = asObject(rc.change.after);
      const unknown = asObject(rc.change.after_unknown);
      const keys = [...new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(unknown)])].sort();
      return {
        address: rc.address,
        type: rc.type,
        actions: rc.change.actions,
        attributes: keys.filter((k) => differs(before[k], after[k], unknown[k])),
      };
    });
  return { exitCode: plan.code, changes };
}

function asObject(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Terraform's own notion of a difference: unknown-after-apply counts, while null, "" and [] are all "unset". */
function differs(before: unknown, after: unknown, unknown: unknown): boolean {
  if (unknown === true) return true;
  const b = unset(before) ? undefined : before;
  const a = unset(after) ? undefined : after;
  if (b === undefined || a === undefined) return b !== a;
  if (Array.isArray(b) && Array.isArray(a)) {
    const u = Array.isArray(unknown) ? unknown : [];
    return b.length !== a.length || b.some((x, i) => differs(x, a[i], u[i]));
  }
  if (typeof b === 'object' && typeof a === 'object' && !Array.isArray(b) && !Array.isArray(a)) {
    const bo = b as Record<string, unknown>;
    const ao = a as Record<string, unknown>;
    const uo = asObject(unknown);
    return [...new Set([...Object.keys(bo), ...Object.keys(ao)])].some((k) => differs(bo[k], ao[k], uo[k]));
  }
  return !isDeepStrictEqual(b, a);
}

function unset(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}
