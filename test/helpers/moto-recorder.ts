/** moto's request recorder: which AWS API actions a piece of work called. */
export interface RecordedCall {
  action: string;
  mutating: boolean;
}

export async function recordCalls(endpoint: string, work: () => Promise<unknown>): Promise<RecordedCall[]> {
  await fetch(`${endpoint}/moto-api/recorder/start-recording`, { method: 'POST' });
  try {
    await work();
  } finally {
    await fetch(`${endpoint}/moto-api/recorder/stop-recording`, { method: 'POST' });
  }
  const text = await (await fetch(`${endpoint}/moto-api/recorder/download-recording`)).text();
  await fetch(`${endpoint}/moto-api/recorder/reset-recording`, { method: 'POST' });
  // moto writes each entry and its newline in two appends, so concurrent requests can leave `{A}{B}` on one line.
  return text
    .split('\n')
    .flatMap((l) => l.split(/(?<=\})(?=\{"headers": )/))
    .filter((l) => l.trim())
    .map((l) => classify(JSON.parse(l)));
}

function classify(r: { headers: Record<string, string>; method: string; url: string; body?: string; body_encoded?: boolean }): RecordedCall {
  const target = r.headers['X-Amz-Target'];
  const body = r.body ? (r.body_encoded ? Buffer.from(r.body, 'base64').toString('utf8') : r.body) : '';
  const queryAction = /(?:^|&)Action=([A-Za-z0-9]+)/.exec(body)?.[1] ?? /[?&]Action=([A-Za-z0-9]+)/.exec(r.url)?.[1];
  const action = target ? target.split('.').pop()! : queryAction ?? `${r.method} ${new URL(r.url).pathname}`;
  const mutating = target || queryAction ? !/^(Describe|List|Get|Head)/.test(action) : !['GET', 'HEAD'].includes(r.method);
  return { action, mutating };
}
