package io.microshop.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microshop.event.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConsumersTest {

    /** A type routed to a queue its consumer does not handle would only ever be counted as unhandled. */
    @ParameterizedTest
    @EnumSource(Consumers.class)
    void eachConsumerHandlesExactlyTheEventTypesItsQueueIsBoundTo(Consumers consumer) {
        assertEquals(Topology.BINDINGS.get(consumer.queue()), consumer.handlers().types());
    }
}
