/** An RFC 9457 problem, as both services answer errors. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** A failed call: the HTTP status (0 when the service could not be reached) and its problem. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** The service is down or overloaded: worth trying again later. */
  get unavailable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }

  /** Validation messages by field name. */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      byField[error.field] = byField[error.field] ? `${byField[error.field]}; ${error.message}` : error.message;
    }
    return byField;
  }
}

/** One page of a list, the query that asks for the next one (absent on the last page), and the
 * version of the service that answered (its `X-Service-Version` header), if it says. */
export interface Page<T> {
  items: T[];
  next?: URLSearchParams;
  servedBy?: string;
}

let accessToken: string | undefined;

/** The signed-in person's access token, sent as a bearer token on every call; undefined: none. */
export function setAccessToken(token: string | undefined) {
  accessToken = token;
}

/** fetch, with JSON in and out and every failure turned into an ApiError. */
export async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  return (await send<T>(url, init)).body;
}

/**
 * A page of a list the services page by id: the items, and the query of the `Link: <…>; rel="next"`
 * header. Only the query is kept, because the link's path is the service's own (`/api/…`), not the
 * path this frontend reaches it by (`/admin/api/…`).
 */
export async function requestPage<T>(url: string): Promise<Page<T>> {
  const { response, body } = await send<T[]>(url, {});
  return {
    items: body ?? [],
    next: nextPageQuery(response.headers.get('Link')),
    servedBy: response.headers.get('X-Service-Version') ?? undefined,
  };
}

/** The query of the `rel="next"` link of a Link header (RFC 8288), if it has one. */
export function nextPageQuery(link: string | null): URLSearchParams | undefined {
  for (const part of link?.split(',') ?? []) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match && /;\s*rel="?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/.test(match[2])) {
      return new URL(match[1], 'http://link.invalid').searchParams;
    }
  }
  return undefined;
}

async function send<T>(url: string, init: RequestInit): Promise<{ response: Response; body: T }> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: {
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
        ...init.headers,
      },
    });
  } catch {
    throw new ApiError(0, { title: 'Service unavailable', detail: 'The service could not be reached.' });
  }
  if (response.status === 204) {
    return { response, body: undefined as T };
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const problem = (body && typeof body === 'object' ? body : {}) as Problem;
    throw new ApiError(response.status, { title: response.statusText, ...problem, status: response.status });
  }
  return { response, body: body as T };
}
