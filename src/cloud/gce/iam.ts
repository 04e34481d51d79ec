/**
 * Service accounts (IAM API) and the project's IAM policy (Resource Manager API) through Google's generated REST
 * clients (`@googleapis/iam`, `@googleapis/cloudresourcemanager`). `KOPS_GCE_ENDPOINT` is their root URL too, and
 * credentials are those of the Compute Engine client: GOOGLE_APPLICATION_CREDENTIALS or the application defaults,
 * a service-account key signing its own token against another endpoint.
 */
import { gceStatus } from './compute.js';

export interface GceServiceAccountObject {
  name: string;
  email: string;
  description?: string;
  displayName?: string;
}

export interface GceIamBinding {
  role: string;
  members?: string[];
  condition?: unknown;
}

export interface GceIamPolicy {
  version?: number;
  etag?: string;
  bindings?: GceIamBinding[];
  [field: string]: unknown;
}

const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
/** Policies read in version 3, so that conditional bindings are kept as they are when the policy is written back. */
const POLICY_VERSION = 3;
/** Another writer changed the policy between our read and write (etag mismatch): read it again, this many times. */
const POLICY_ATTEMPTS = 5;

type PolicyBody = import('@googleapis/cloudresourcemanager').cloudresourcemanager_v1.Schema$Policy;

type Clients = {
  iam: import('@googleapis/iam').iam_v1.Iam;
  crm: import('@googleapis/cloudresourcemanager').cloudresourcemanager_v1.Cloudresourcemanager;
};

export class GceIam {
  private clients?: Promise<Clients>;
  /** One policy change at a time per project from this process (each is a read-modify-write of the whole policy). */
  private readonly policyQueues = new Map<string, Promise<unknown>>();

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** `projects/P/serviceAccounts/E`, the name the IAM API gives an account. */
  static accountName(email: string): string {
    return `projects/${projectOfEmail(email)}/serviceAccounts/${email}`;
  }

  async getServiceAccount(email: string): Promise<GceServiceAccountObject | undefined> {
    const { iam } = await this.load();
    try {
      return account((await iam.projects.serviceAccounts.get({ name: GceIam.accountName(email) })).data);
    } catch (err) {
      if (gceStatus(err) === 404) return undefined;
      throw err;
    }
  }

  async createServiceAccount(project: string, accountId: string, fields: { description?: string; displayName?: string }): Promise<GceServiceAccountObject> {
    const { iam } = await this.load();
    const created = await iam.projects.serviceAccounts.create({ name: `projects/${project}`, requestBody: { accountId, serviceAccount: fields } });
    return account(created.data);
  }

  /** Writes the account's description and display name (`update`, as kops does). */
  async updateServiceAccount(email: string, fields: { description?: string; displayName?: string }): Promise<void> {
    const { iam } = await this.load();
    await iam.projects.serviceAccounts.update({ name: GceIam.accountName(email), requestBody: { email, ...fields } });
  }

  async deleteServiceAccount(name: string): Promise<void> {
    const { iam } = await this.load();
    await iam.projects.serviceAccounts.delete({ name });
  }

  async listServiceAccounts(project: string): Promise<GceServiceAccountObject[]> {
    const { iam } = await this.load();
    const out: GceServiceAccountObject[] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await iam.projects.serviceAccounts.list({ name: `projects/${project}`, pageToken });
      out.push(...(data.accounts ?? []).map(account));
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    return out;
  }

  async getProjectPolicy(project: string): Promise<GceIamPolicy> {
    const { crm } = await this.load();
    const { data } = await crm.projects.getIamPolicy({ resource: project, requestBody: { options: { requestedPolicyVersion: POLICY_VERSION } } });
    return data as GceIamPolicy;
  }

  /**
   * Changes the project's policy: `change` edits the policy read and says whether it changed; the policy is written
   * back with the etag read, and read again when another writer got there first.
   */
  modifyProjectPolicy(project: string, change: (policy: GceIamPolicy) => boolean): Promise<boolean> {
    const previous = this.policyQueues.get(project) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.readModifyWrite(project, change));
    this.policyQueues.set(project, next);
    return next;
  }

  private async readModifyWrite(project: string, change: (policy: GceIamPolicy) => boolean): Promise<boolean> {
    const { crm } = await this.load();
    for (let attempt = 1; ; attempt++) {
      const policy = await this.getProjectPolicy(project);
      if (!change(policy)) return false;
      try {
        await crm.projects.setIamPolicy({ resource: project, requestBody: { policy: { ...policy, version: POLICY_VERSION } as PolicyBody } });
        return true;
      } catch (err) {
        if (gceStatus(err) !== 409 || attempt >= POLICY_ATTEMPTS) throw err;
      }
    }
  }

  private load(): Promise<Clients> {
    this.clients ??= (async () => {
      const [{ auth, iam }, { cloudresourcemanager }] = await Promise.all([import('@googleapis/iam'), import('@googleapis/cloudresourcemanager')]);
      const endpoint = this.env.KOPS_GCE_ENDPOINT;
      const keyFilename = this.env.GOOGLE_APPLICATION_CREDENTIALS || undefined;
      // Against another endpoint no scope is asked for: a service-account key then signs its own token.
      const credentials = new auth.GoogleAuth({ keyFilename, scopes: endpoint ? [] : [CLOUD_PLATFORM] });
      const options = { auth: credentials, ...(endpoint ? { rootUrl: `${endpoint.replace(/\/$/, '')}/` } : {}) };
      return { iam: iam({ version: 'v1', ...options }), crm: cloudresourcemanager({ version: 'v1', ...options }) };
    })();
    return this.clients;
  }
}

/** The project of a service account's e-mail (`id@project.iam.gserviceaccount.com`). */
export function projectOfEmail(email: string): string {
  const m = /^[^@]+@([^.]+)\.iam\.gserviceaccount\.com$/.exec(email);
  if (!m) throw new Error(`${email} is not the e-mail of a service account made in a project (id@project.iam.gserviceaccount.com)`);
  return m[1];
}

function account(data: { name?: string | null; email?: string | null; description?: string | null; displayName?: string | null }): GceServiceAccountObject {
  return { name: data.name ?? '', email: data.email ?? '', description: data.description ?? undefined, displayName: data.displayName ?? undefined };
}

/** Adds the member to the role's unconditional binding (made when missing); false when it is there already. */
export function addPolicyMember(policy: GceIamPolicy, role: string, member: string): boolean {
  const bindings = (policy.bindings ??= []);
  const binding = bindings.find((b) => !b.condition && b.role === role);
  if (!binding) {
    bindings.push({ role, members: [member] });
    return true;
  }
  if (binding.members?.includes(member)) return false;
  binding.members = [...(binding.members ?? []), member];
  return true;
}

/** Takes the members out of the role's unconditional binding (dropped when emptied); false when none was there. */
export function removePolicyMembers(policy: GceIamPolicy, role: string, members: readonly string[]): boolean {
  let changed = false;
  for (const binding of policy.bindings ?? []) {
    if (binding.condition || binding.role !== role) continue;
    const kept = (binding.members ?? []).filter((m) => !members.includes(m));
    if (kept.length !== (binding.members ?? []).length) changed = true;
    binding.members = kept;
  }
  policy.bindings = (policy.bindings ?? []).filter((b) => b.condition || b.role !== role || (b.members ?? []).length > 0);
  return changed;
}

/** Whether the role's unconditional binding has the member. */
export function policyHasMember(policy: GceIamPolicy, role: string, member: string): boolean {
  return (policy.bindings ?? []).some((b) => !b.condition && b.role === role && (b.members ?? []).includes(member));
}
