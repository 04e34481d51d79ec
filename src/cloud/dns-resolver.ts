import { promises as resolver } from 'node:dns';

/** Answers that mean the domain has no name servers (it does not exist, or has no NS records). */
const NO_NAME_SERVERS = new Set(['ENOTFOUND', 'ENODATA']);

/** The domain's NS host names from this machine's resolver (what kops's NS check asks before an update). */
export async function resolveNameServers(domain: string): Promise<string[]> {
  try {
    return await resolver.resolveNs(domain);
  } catch (err) {
    if (NO_NAME_SERVERS.has((err as NodeJS.ErrnoException).code ?? '')) return [];
    throw err;
  }
}
