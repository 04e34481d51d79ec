import { request } from 'node:https';
import { UserError } from '../errors.js';
import type { DiscoveryRegistration } from './apply.js';

const TIMEOUT_MS = 10_000;

/**
 * A server-side apply (PATCH, `application/apply-patch+yaml`, JSON being YAML) of the DiscoveryEndpoint, under the
 * discovery client certificate; the service is trusted through the host's CA store.
 */
export function sendDiscoveryRegistration(registration: DiscoveryRegistration, ca?: string): Promise<void> {
  const body = JSON.stringify(registration.endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      registration.url,
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/apply-patch+yaml', Accept: 'application/json', 'Content-Length': Buffer.byteLength(body) },
        cert: registration.certificateChain,
        key: registration.privateKey,
        ca,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => {
          if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) return resolve();
          reject(new UserError(`the discovery service refused the registration at ${registration.url}: HTTP ${res.statusCode}: ${text.trim().split('\n')[0]}`));
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000}s`)));
    req.on('error', (err) => reject(new UserError(`failed to register with the discovery service at ${registration.url}: ${err.message}`)));
    req.end(body);
  });
}
