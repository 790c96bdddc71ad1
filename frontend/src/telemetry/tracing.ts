import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { FetchInstrumentation } from '@opentelemetry/instrumentation-fetch';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { WebTracerProvider } from '@opentelemetry/sdk-trace-web';

import type { TelemetryConfig } from './config';

/**
 * Traces the browser's API calls: each fetch is a span of the service `frontend`, and its
 * `traceparent` header (same-origin calls only) makes the services' spans its children, so one
 * trace runs from the click to the last database it reaches.
 */
export function startTracing(config: TelemetryConfig, exporter: SpanExporter = new ZipkinExporter({
  url: new URL(config.zipkinUrl, window.location.href).href,
  serviceName: 'frontend',
})): WebTracerProvider {
  const provider = new WebTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'frontend' }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio) }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 500 })],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new FetchInstrumentation({
      ignoreUrls: [/\/(identity|telemetry)\.json$/, new URL(config.zipkinUrl, window.location.href).href],
      clearTimingResources: true,
    })],
  });
  return provider;
}
