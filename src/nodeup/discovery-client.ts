import { request } from 'node:https';
import { UserError } from '../errors.js';
import type { IssuedCredential } from './kops-controller.js';
import type { DiscoveryRegisterTask, JSONWebKey } from './tasks.js';

const TIMEOUT_MS = 10_000;

/** A server-side apply of this control plane's DiscoveryEndpoint, with the client credentials it is sent under. */
export interface DiscoveryRegistration {
  /** The object's URL: the service's, then the Kubernetes-style resource path. */
  url: string;
  endpoint: { apiVersion: string; kind: string; metadata: { name: string; namespace: string }; spec: { oidc: { keys: JSONWebKey[] } } };
  /** The client certificate followed by the discovery CA. */
  certificateChain: string;
  privateKey: string;
}

/**
 * The registration a DiscoveryRegister task sends, at its URL (the service's, then the Kubernetes-style path of the
 * object); `ready` once the client certificate has been issued.
 */
export function discoveryRegistration(task: DiscoveryRegisterTask, credential: IssuedCredential | undefined): { url: string; ready?: DiscoveryRegistration } {
  const base = task.url.replace(/\/+$/, '');
  const url = `${base}/apis/discovery.kops.k8s.io/v1alpha1/namespaces/${encodeURIComponent(task.namespace)}/discoveryendpoints/${encodeURIComponent(task.registerName)}?fieldManager=nodeup-register`;
  if (!credential) return { url };
  const endpoint = {
    apiVersion: 'discovery.kops.k8s.io/v1alpha1',
    kind: 'DiscoveryEndpoint',
    metadata: { name: task.registerName, namespace: task.namespace },
    spec: { oidc: { keys: task.jwks } },
  };
  return { url, ready: { url, endpoint, certificateChain: credential.certificate + task.clientCA, privateKey: credential.privateKey } };
}


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
