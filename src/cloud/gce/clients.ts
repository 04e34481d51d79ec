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
  return env.GOOGLE_CLOUD_PROJECT || env.CLOUDSDK_CORE_PROJECT || keyField(env, 'project_id');
}

/** The e-mail of the service-account key GOOGLE_APPLICATION_CREDENTIALS names ('' for other credentials). */
export function configuredAccount(env: NodeJS.ProcessEnv = process.env): string {
  return keyField(env, 'client_email');
}

function keyField(env: NodeJS.ProcessEnv, field: string): string {
  const keyFile = env.GOOGLE_APPLICATION_CREDENTIALS;
  if (!keyFile) return '';
  try {
    const value = (JSON.parse(readFileSync(keyFile, 'utf8')) as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}
