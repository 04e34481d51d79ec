import { UserError } from '../errors.js';
import type { VfsPath } from '../statestore/vfs.js';

/**
 * Cluster secrets under `<cluster>/secrets/<name>`, stored as the Go kops does: JSON `{"Data":"<base64>"}`, written as
 * private objects. Values are only ever returned to callers that asked for plaintext.
 */
export class SecretStore {
  constructor(private readonly dir: VfsPath) {}

  async find(name: string): Promise<Buffer | undefined> {
    const path = this.dir.join(name);
    const bytes = await path.readIfExists();
    if (bytes === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new UserError(`${path.url}: not a kops secret (expected JSON {"Data": "<base64>"})`);
    }
    const data = (parsed as { Data?: unknown }).Data;
    if (typeof data !== 'string') throw new UserError(`${path.url}: the secret has no Data field`);
    return Buffer.from(data, 'base64');
  }

  async put(name: string, value: Buffer, options: { replace: boolean }): Promise<void> {
    const path = this.dir.join(name);
    const content = JSON.stringify({ Data: value.toString('base64') });
    if (options.replace) return path.write(content, { secret: true });
    if (!(await path.createNew(content, { secret: true }))) {
      throw new UserError(`secret ${name} already exists`, 'use --force to replace it');
    }
  }

  async list(): Promise<string[]> {
    return (await this.dir.readDir()).map((p) => p.base).sort();
  }

  async remove(name: string): Promise<void> {
    const path = this.dir.join(name);
    if (!(await path.exists())) throw new UserError(`secret ${name} not found`, 'list secrets with `kops get secrets`');
    await path.remove();
  }
}
