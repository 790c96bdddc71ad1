/**
 * Where the browser sends its spans, and how many of its calls it traces. Read at start from
 * /telemetry.json, which only a traced run serves (command 1 with TRACING=on, the end-to-end
 * tests, the cluster's tracing component): without it the browser traces nothing and sends no
 * `traceparent`, and the services sample as they are told.
 */
export interface TelemetryConfig {
  /** Zipkin's span intake (`…/api/v2/spans`), same-origin: the viewer's, or the cluster's tracing backend. */
  zipkinUrl: string;
  /** The share of calls the browser starts traces for, 0 to 1. */
  sampleRatio: number;
}

export async function loadTelemetry(url = '/telemetry.json'): Promise<TelemetryConfig | undefined> {
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    // Without the file, the single-page app's fallback answers with its HTML page.
    if (!response.ok || !response.headers.get('Content-Type')?.includes('json')) return undefined;
    const config = (await response.json()) as Partial<TelemetryConfig>;
    const ratio = config.sampleRatio ?? 1;
    if (typeof config.zipkinUrl !== 'string' || typeof ratio !== 'number' || !(ratio >= 0 && ratio <= 1)) {
      console.warn(`${url} names no zipkinUrl or a sampleRatio outside 0..1: the browser traces nothing`);
      return undefined;
    }
    return { zipkinUrl: config.zipkinUrl, sampleRatio: ratio };
  } catch {
    return undefined; // telemetry never stops the shop
  }
}
