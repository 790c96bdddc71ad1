package io.microshop.outbox;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.microshop.event.Broker;
import io.microshop.event.EventMessage;
import io.microshop.event.EventType;
import io.microshop.event.Topology;
import io.microshop.event.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The relay's side of RabbitMQ: one connection (recovered automatically by the client) and one
 * channel in confirm mode, opened on first use and again after a failure. Publishing a batch
 * returns only once the broker has confirmed every message of it. Each message of a traced row is
 * published under its own PRODUCER span (ended when the broker confirms, or failed with the
 * batch), whose context the message carries.
 */
final class EventPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class.getName());

    private final Broker broker;
    private final String producer;
    private final Duration confirmTimeout;
    private final PublishSpans spans;
    private final OutboxMetrics metrics;
    private Connection connection;
    private Channel channel;

    EventPublisher(Broker broker, String producer, Duration confirmTimeout, Tracer tracer, OutboxMetrics metrics) {
        this.broker = broker;
        this.producer = producer;
        this.confirmTimeout = confirmTimeout;
        this.spans = new PublishSpans(tracer);
        this.metrics = metrics;
    }

    /** @throws IOException, TimeoutException when the broker is away or does not confirm in time */
    void publish(List<OutboxRow> rows) throws IOException, TimeoutException, InterruptedException {
        Channel confirming = channel();
        List<Span> published = new ArrayList<>(rows.size());
        try {
            for (OutboxRow row : rows) {
                EventType type = EventType.fromWireName(row.eventType())
                        .orElseThrow(() -> new IllegalStateException("outbox row " + row.id() + " of unknown type "
                                + row.eventType()));
                Span span = spans.start(row, type);
                published.add(span);
                confirming.basicPublish(type.exchange(), type.routingKey(),
                        EventMessage.properties(row.eventId(), type, row.occurredAt(), producer, TraceContext.of(span)),
                        row.payload().getBytes(StandardCharsets.UTF_8));
            }
            metrics.published(rows.size());
            confirming.waitForConfirmsOrDie(confirmTimeout.toMillis());
            metrics.confirmed(rows.size());
            published.forEach(Span::end);
        } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
            metrics.failed(rows.size());
            for (Span span : published) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR, "not confirmed: " + e.getMessage());
                span.end();
            }
            throw e;
        }
    }

    /** Whether the connection to the broker is open. */
    boolean connected() {
        Connection current = connection;
        return current != null && current.isOpen();
    }

    /** After a failure: the next publish opens a new channel. */
    void discardChannel() {
        Channel broken = channel;
        channel = null;
        if (broken != null) {
            try {
                broken.abort();
            } catch (IOException | RuntimeException ignored) {
                // the channel is being discarded either way
            }
        }
    }

    /** Ensures a channel is open now (the relay opens it before reading the table). */
    void connect() throws IOException {
        channel();
    }

    private Channel channel() throws IOException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        if (connection == null) {
            connection = broker.connect(producer + "-outbox-relay");
            LOG.info("Outbox relay connected to " + broker.describe());
        }
        if (!connection.isOpen()) {
            throw new IOException("the connection to " + broker.describe() + " is down; recovering");
        }
        Channel opened = connection.createChannel();
        opened.confirmSelect();
        Topology.declare(opened);
        channel = opened;
        return opened;
    }

    @Override
    public void close() {
        Connection current = connection;
        if (current != null) {
            current.abort(2000);
        }
    }
}
