package io.microshop.event;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeoutException;

/**
 * How every process of the shop connects to RabbitMQ: one long-lived connection per process,
 * with automatic recovery of the connection, its channels, the topology and the consumers.
 */
public final class Broker {

    private final ConnectionFactory factory = new ConnectionFactory();
    private final String where;

    /** @param url {@code amqp://user:password@host:port/vhost}, as in AMQP_URL */
    public Broker(String url) {
        try {
            factory.setUri(url);
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("AMQP_URL is not a valid amqp:// URL: " + e.getMessage());
        }
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(1000);
        factory.setConnectionTimeout(5000);
        factory.setRequestedHeartbeat(10);
        // A broker that stops answering fails a call after 10 s instead of the default 10 minutes.
        factory.setChannelRpcTimeout(10_000);
        where = factory.getHost() + ":" + factory.getPort() + " vhost '" + factory.getVirtualHost() + "'";
    }

    /** For messages: where, never the password. */
    public String describe() {
        return "RabbitMQ at " + where;
    }

    public Connection connect(String connectionName) throws IOException {
        try {
            return factory.newConnection(connectionName);
        } catch (TimeoutException e) {
            throw new IOException("timed out connecting to " + describe(), e);
        }
    }
}
