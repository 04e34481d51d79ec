/**
 * A throw-away service-account key for tests: a fresh RSA key in the JSON layout Google issues, written to a temp
 * file for GOOGLE_APPLICATION_CREDENTIALS. Against KOPS_GCE_ENDPOINT the clients sign their own JWT with it, so no
 * token endpoint and no metadata server is ever asked.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function writeServiceAccountKey(project: string, dir = mkdtempSync(join(tmpdir(), 'kops-gce-key-'))): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const file = join(dir, 'service-account.json');
  const key = {
    type: 'service_account',
    project_id: project,
    private_key_id: 'test-key',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
    client_email: `kops-test@${project}.iam.gserviceaccount.com`,
    client_id: '1',
    // Never used: a self-signed JWT needs no exchange. A dead loopback address, should a code path try.
    token_uri: 'http://127.0.0.1:9/token',
  };
  writeFileSync(file, JSON.stringify(key), { mode: 0o600 });
  return file;
}
