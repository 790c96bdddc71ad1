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

/** fetch, with JSON in and out and every failure turned into an ApiError. */
export async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    });
  } catch {
    throw new ApiError(0, { title: 'Service unavailable', detail: 'The service could not be reached.' });
  }
  if (response.status === 204) {
    return undefined as T;
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
  return body as T;
}
