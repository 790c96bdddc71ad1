package io.microshop.event;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How every process of the shop connects to RabbitMQ: one long-lived connection per process,
 * with automatic recovery of the connection, its channels, the topology and the consumers. The
 * URL may name several nodes of a cluster ({@code amqp://user:password@node1:5672,node2:5672/vhost}):
 * the connection goes to one that answers, and recovers to another when its node goes away.
 */
public final class Broker {

    /** scheme and credentials, the host list, and the rest (vhost, query). */
    private static final Pattern URL = Pattern.compile("^(amqps?://(?:[^@/]*@)?)([^/?#]*)(.*)$");

    private final ConnectionFactory factory = new ConnectionFactory();
    private final List<Address> nodes;
    private final String where;

    /** @param url {@code amqp://user:password@host:port[,host:port...]/vhost}, as in AMQP_URL */
    public Broker(String url) {
        Matcher parts = URL.matcher(url == null ? "" : url);
        if (!parts.matches() || parts.group(2).isBlank()) {
            throw new IllegalArgumentException("AMQP_URL is not a valid amqp:// URL: " + url);
        }
        List<String> hosts = Arrays.stream(parts.group(2).split(",")).map(String::strip).toList();
        try {
            factory.setUri(parts.group(1) + hosts.get(0) + parts.group(3));
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("AMQP_URL is not a valid amqp:// URL: " + e.getMessage());
        }
        int defaultPort = parts.group(1).startsWith("amqps") ? ConnectionFactory.DEFAULT_AMQP_OVER_SSL_PORT
                : ConnectionFactory.DEFAULT_AMQP_PORT;
        nodes = hosts.stream().map(host -> node(host, defaultPort)).toList();
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(1000);
        factory.setConnectionTimeout(5000);
        factory.setRequestedHeartbeat(10);
        // A broker that stops answering fails a call after 10 s instead of the default 10 minutes.
        factory.setChannelRpcTimeout(10_000);
        where = nodes.stream().map(node -> node.getHost() + ":" + node.getPort()).collect(Collectors.joining(", "))
                + " vhost '" + factory.getVirtualHost() + "'";
    }

    private static Address node(String host, int defaultPort) {
        Address address = Address.parseAddress(host);
        if (address.getHost().isBlank()) {
            throw new IllegalArgumentException("AMQP_URL names an empty host: " + host);
        }
        return address.getPort() == -1 ? new Address(address.getHost(), defaultPort) : address;
    }

    /** The nodes the URL names, in its order. */
    public List<Address> nodes() {
        return nodes;
    }

    /** For messages: where, never the password. */
    public String describe() {
        return "RabbitMQ at " + where;
    }

    public Connection connect(String connectionName) throws IOException {
        try {
            return factory.newConnection(nodes, connectionName);
        } catch (TimeoutException e) {
            throw new IOException("timed out connecting to " + describe(), e);
        }
    }
}
