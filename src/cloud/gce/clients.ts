/**
 * Options for the official Compute Engine clients (REST transport). `KOPS_GCE_ENDPOINT` (e.g. http://127.0.0.1:8089)
 * points them at another endpoint, such as a local fake; credentials come from GOOGLE_APPLICATION_CREDENTIALS.
 * Against another endpoint no OAuth scopes are asked for, so a service-account key signs its own token (a JWT for
 * the Compute Engine audience) rather than exchanging it at Google's token endpoint.
 */
import { readFileSync } from 'node:fs';

export type ComputeClientOptions = {
  fallback: true;
  apiEndpoint?: string;
  port?: number;
  protocol?: string;
  scopes?: string[];
};

export function computeClientOptions(env: NodeJS.ProcessEnv = process.env): ComputeClientOptions {
  const endpoint = env.KOPS_GCE_ENDPOINT;
  if (!endpoint) return { fallback: true };
  const url = new URL(endpoint);
  const protocol = url.protocol.replace(/:$/, '');
  const port = url.port ? Number(url.port) : protocol === 'http' ? 80 : 443;
  return { fallback: true, apiEndpoint: url.hostname, port, protocol, scopes: [] };
}

/** The project configured outside kops: GOOGLE_CLOUD_PROJECT, CLOUDSDK_CORE_PROJECT, or the service-account key's. */
export function configuredProject(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.GOOGLE_CLOUD_PROJECT || env.CLOUDSDK_CORE_PROJECT;
  if (fromEnv) return fromEnv;
  const keyFile = env.GOOGLE_APPLICATION_CREDENTIALS;
  if (!keyFile) return '';
  try {
    const key = JSON.parse(readFileSync(keyFile, 'utf8')) as { project_id?: unknown };
    return typeof key.project_id === 'string' ? key.project_id : '';
  } catch {
    return '';
  }
}
