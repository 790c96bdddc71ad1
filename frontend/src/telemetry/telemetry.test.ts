import { afterEach, describe, expect, it, vi } from 'vitest';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import type { WebTracerProvider } from '@opentelemetry/sdk-trace-web';
import { loadTelemetry } from './config';
import { startTracing } from './tracing';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('loadTelemetry', () => {
  it('reads where spans go and the sample ratio', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ zipkinUrl: '/traces/api/v2/spans', sampleRatio: 0.1 })));
    expect(await loadTelemetry()).toEqual({ zipkinUrl: '/traces/api/v2/spans', sampleRatio: 0.1 });
  });

  it('turns tracing off when the file is missing, malformed or out of range', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const page = new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    for (const answer of [json({}, 404), page, json({ sampleRatio: 1 }), json({ zipkinUrl: '/z', sampleRatio: 2 })]) {
      vi.stubGlobal('fetch', vi.fn(async () => answer));
      expect(await loadTelemetry()).toBeUndefined();
    }
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('network'); }));
    expect(await loadTelemetry()).toBeUndefined();
  });
});

describe('startTracing', () => {
  let provider: WebTracerProvider | undefined;
  afterEach(async () => {
    await provider?.shutdown();
    trace.disable();
  });

  it("sends a traceparent on an API call, naming the browser's own span of it", async () => {
    const sent: Headers[] = [];
    vi.stubGlobal('fetch', vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      sent.push(new Headers(init?.headers));
      return json({ id: 1, likes: 1 });
    }));
    const exported = new InMemorySpanExporter();
    provider = startTracing({ zipkinUrl: '/traces/api/v2/spans', sampleRatio: 1 }, exported);

    await fetch('/main/api/products/1/like', { method: 'POST', headers: { Authorization: 'Bearer t' } });

    const traceparent = sent[0].get('traceparent');
    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(sent[0].get('Authorization')).toBe('Bearer t');
    const [, traceId, spanId] = traceparent!.split('-');
    // The instrumentation ends a fetch's span once the response's timing is known.
    const span = await vi.waitFor(async () => {
      await provider!.forceFlush();
      const found = exported.getFinishedSpans().find((s) => s.spanContext().spanId === spanId);
      expect(found).toBeDefined();
      return found!;
    }, { timeout: 3000 });
    expect(span.spanContext().traceId).toBe(traceId);
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.resource.attributes['service.name']).toBe('frontend');
  });

  it('traces nothing at a sample ratio of 0', async () => {
    const sent: Headers[] = [];
    vi.stubGlobal('fetch', vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      sent.push(new Headers(init?.headers));
      return json([]);
    }));
    const exported = new InMemorySpanExporter();
    provider = startTracing({ zipkinUrl: '/traces/api/v2/spans', sampleRatio: 0 }, exported);

    await fetch('/main/api/products');
    await provider.forceFlush();

    expect(sent[0].get('traceparent')).toMatch(/-00$/);
    expect(exported.getFinishedSpans()).toEqual([]);
  });
});
