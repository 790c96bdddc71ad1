import { vi } from 'vitest';

/** Answers of a fake server for component tests: each call takes the next one. */
export function answers(...replies: (Response | Error)[]) {
  const fetch = vi.fn(async () => {
    const reply = replies.shift();
    if (!reply) throw new Error('no more answers');
    if (reply instanceof Error) throw reply;
    return reply;
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

export function json(status: number, body: unknown, contentType = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export function problem(status: number, detail: string, errors?: { field: string; message: string }[]) {
  return json(status, { type: 'urn:microshop:problem:x', title: 'Problem', status, detail, errors },
    'application/problem+json');
}
