/** The API actions a moto_server received while recording (its request recorder), e.g. `DescribeVpcs`, `GET /2013-04-01/hostedzone`. */
export async function recordCalls<T>(endpoint: string, work: () => Promise<T>): Promise<{ result: T; actions: string[] }> {
  await fetch(`${endpoint}/moto-api/recorder/reset-recording`, { method: 'POST' });
  await fetch(`${endpoint}/moto-api/recorder/start-recording`, { method: 'POST' });
  try {
    const result = await work();
    return { result, actions: await recordedActions(endpoint) };
  } finally {
    await fetch(`${endpoint}/moto-api/recorder/stop-recording`, { method: 'POST' });
  }
}

async function recordedActions(endpoint: string): Promise<string[]> {
  const text = await (await fetch(`${endpoint}/moto-api/recorder/download-recording`)).text();
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const entry = JSON.parse(line) as { headers: Record<string, string>; method: string; url: string; body?: string; body_encoded?: boolean };
      const target = entry.headers['X-Amz-Target'] ?? entry.headers['x-amz-target'];
      if (target) return target.split('.').pop()!;
      const body = entry.body_encoded && entry.body ? Buffer.from(entry.body, 'base64').toString('utf8') : (entry.body ?? '');
      const action = /(?:^|&)Action=([A-Za-z]+)/.exec(body)?.[1];
      return action ?? `${entry.method} ${new URL(entry.url).pathname}`;
    });
}

/** Whether a recorded action changes nothing: Describe/List/Get calls, and GETs of REST APIs (Route53). */
export function isReadOnlyAction(action: string): boolean {
  return /^(Describe|List|Get)/.test(action) || action.startsWith('GET ');
}
