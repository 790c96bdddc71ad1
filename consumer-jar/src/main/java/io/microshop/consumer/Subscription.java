package io.microshop.consumer;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.microshop.event.TraceContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The consumer's side of its queue: deliveries are handed from the client's thread to the
 * worker in memory (at most the channel's prefetch of them), and acknowledged or rejected by the
 * worker once it knows what became of them. A rejected message goes to the dead-letter queue.
 */
final class Subscription {

    private static final Logger LOG = Logger.getLogger(Subscription.class.getName());

    private final Channel channel;
    private final String queue;
    private final BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
    private volatile String consumerTag;
    private volatile boolean cancelledByBroker;

    Subscription(Channel channel, String queue) {
        this.channel = channel;
        this.queue = queue;
    }

    String queue() {
        return queue;
    }

    void start() throws IOException {
        consumerTag = channel.basicConsume(queue, false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                received.add(new Delivery(envelope.getDeliveryTag(), body, properties.getMessageId(),
                        TraceContext.fromHeaders(properties.getHeaders())));
            }

            @Override
            public void handleCancel(String tag) {
                LOG.severe("The broker cancelled the consumer of " + queue + "; the process reports itself not live");
                cancelledByBroker = true;
            }
        });
        LOG.info("Consuming " + queue);
    }

    /** Waits up to {@code patienceMillis} for a delivery, then takes what has arrived, at most {@code max}. */
    List<Delivery> nextBatch(int max, long patienceMillis) throws InterruptedException {
        List<Delivery> batch = new ArrayList<>(max);
        Delivery first = received.poll(patienceMillis, TimeUnit.MILLISECONDS);
        if (first != null) {
            batch.add(first);
            received.drainTo(batch, max - 1);
        }
        return batch;
    }

    /** Deliveries taken by nobody yet: the broker redelivers them once the channel closes. */
    int waiting() {
        return received.size();
    }

    boolean cancelledByBroker() {
        return cancelledByBroker;
    }

    /** Acknowledges the delivery, and with {@code andEveryEarlier} every earlier one not yet settled. */
    void acknowledge(Delivery delivery, boolean andEveryEarlier) {
        try {
            channel.basicAck(delivery.tag(), andEveryEarlier);
        } catch (IOException | RuntimeException e) {
            // The channel went down after the commit: the broker redelivers, the inbox recognises it.
            LOG.fine("ack after commit failed: " + e);
        }
    }

    /** Rejects without requeueing: the queue dead-letters the message. */
    void reject(Delivery delivery) {
        try {
            channel.basicReject(delivery.tag(), false);
        } catch (IOException | RuntimeException e) {
            LOG.fine("reject failed: " + e);
        }
    }

    /** Stops new deliveries; those in hand can still be settled. */
    void cancel() {
        try {
            if (consumerTag != null && channel.isOpen()) {
                channel.basicCancel(consumerTag);
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine("cancel: " + e);
        }
    }
}
