package io.microshop.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerTest {

    @Test
    void oneNodeAsAlways() {
        Broker broker = new Broker("amqp://shop:secret@rabbitmq:5672/%2F");
        assertEquals(List.of(new Address("rabbitmq", 5672)), broker.nodes());
        assertEquals("RabbitMQ at rabbitmq:5672 vhost '/'", broker.describe());
    }

    @Test
    void theNodesOfAClusterWithTheDefaultPortWhereNoneIsGiven() {
        Broker broker = new Broker("amqp://shop:secret@node-a:16674, node-b ,node-c:16678/microshop");
        assertEquals(List.of(new Address("node-a", 16674), new Address("node-b", 5672), new Address("node-c", 16678)),
                broker.nodes());
        assertEquals("RabbitMQ at node-a:16674, node-b:5672, node-c:16678 vhost 'microshop'", broker.describe());
    }

    @Test
    void thePasswordIsNeverDescribed() {
        assertFalse(new Broker("amqp://shop:secret@a:1,b:2/v").describe().contains("secret"));
    }

    @Test
    void aBadUrlIsNamed() {
        for (String bad : new String[] {"", "http://rabbitmq/", "amqp://shop:secret@/vhost", "amqp://a:1,,b:2/v"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Broker(bad), bad);
            assertTrue(e.getMessage().startsWith("AMQP_URL"), e.getMessage());
        }
    }
}
