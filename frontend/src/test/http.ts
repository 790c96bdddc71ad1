import { vi } from 'vitest';

/** Answers of a fake server for component tests: each call takes the next one. */
export function answers(...replies: (Response | Error)[]) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => {
    const reply = replies.shift();
    if (!reply) throw new Error('no more answers');
    if (reply instanceof Error) throw reply;
    return reply;
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** A fake server that answers by method and URL (`GET /main/api/products?limit=100`); anything else is a 404. */
export function routes(table: Record<string, () => Response>) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const route = table[`${init?.method ?? 'GET'} ${url}`];
    return route ? route() : problem(404, `no route for ${init?.method ?? 'GET'} ${url}`);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

export function json(status: number, body: unknown, contentType = 'application/json', headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...headers } });
}

/** A page of a list, with the Link header the services send when there is a next page. */
export function page(items: unknown[], nextAfter?: number) {
  return json(200, items, 'application/json', nextAfter === undefined ? {} : {
    Link: `<http://localhost:8001/api/products?after=${nextAfter}&limit=100>; rel="next"`,
  });
}

export function problem(status: number, detail: string, errors?: { field: string; message: string }[]) {
  return json(status, { type: 'urn:microshop:problem:x', title: 'Problem', status, detail, errors },
    'application/problem+json');
}
