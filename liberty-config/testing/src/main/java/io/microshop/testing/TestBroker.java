package io.microshop.testing;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tests' own RabbitMQ node (command 2 starts it on its own ports and data directory, beside
 * the machine's node), which the fault tests may stop and start: the machine's node, and any
 * local run of the shop on it, are never touched. System properties it.amqp.url and
 * it.rabbitmq.node, set by the build.
 */
public final class TestBroker {

    private TestBroker() {
    }

    /** {@code amqp://…} of the node, with the tests' virtual host. */
    public static String url() {
        return TestProperties.required("it.amqp.url");
    }

    /** The node's Erlang name, as {@code rabbitmqctl -n} takes it. */
    public static String node() {
        return TestProperties.required("it.rabbitmq.node");
    }

    /** Stops the broker application on the tests' node (the Erlang node stays up): clients see the broker go away. */
    public static void stop() {
        rabbitmqctl("stop_app");
    }

    /** Starts the broker application on the tests' node again and waits until it accepts clients. */
    public static void start() {
        rabbitmqctl("start_app");
        rabbitmqctl("await_startup");
    }

    private static void rabbitmqctl(String command) {
        List<String> line = new ArrayList<>(List.of("rabbitmqctl", "-q", "-n", node(), command));
        File log = new File("target/test-broker-commands.log");
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run rabbitmqctl (is rabbitmq-server installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
