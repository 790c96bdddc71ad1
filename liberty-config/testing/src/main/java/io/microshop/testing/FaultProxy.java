package io.microshop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between a service and a real dependency (admin, a database, the broker) that a
 * test can break on purpose: {@link Mode#REFUSE} refuses connections as a stopped server does,
 * {@link Mode#HANG} accepts them and never answers, as a hung server does. Switching modes cuts
 * the connections already open, so pooled connections fail too. It can also record what the
 * service sends, to show which headers a call carries.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Mode { PASS, REFUSE, HANG }

    private final int port;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong accepted = new AtomicLong();
    private volatile Mode mode = Mode.PASS;
    private volatile StringBuffer recording;
    private ServerSocket listener;

    private FaultProxy(int port, InetSocketAddress target) {
        this.port = port;
        this.target = target;
    }

    /** Listens on {@code port} and forwards to {@code host:targetPort}. */
    public static FaultProxy start(int port, String host, int targetPort) {
        FaultProxy proxy = new FaultProxy(port, new InetSocketAddress(host, targetPort));
        proxy.listen();
        return proxy;
    }

    public Mode mode() {
        return mode;
    }

    /** How many connections the proxy has accepted since it started: who tried to reach the dependency. */
    public long connectionsAccepted() {
        return accepted.get();
    }

    /** From now on, keeps what the service sends through the proxy (as ISO-8859-1 text). */
    public void record() {
        recording = new StringBuffer();
    }

    /** What the service sent since {@link #record()}. */
    public String recorded() {
        StringBuffer current = recording;
        return current == null ? "" : current.toString();
    }

    public synchronized void mode(Mode next) {
        if (next == mode) {
            return;
        }
        mode = next;
        cutOpenConnections();
        if (next == Mode.REFUSE) {
            closeListener();
        } else if (listener == null) {
            listen();
        }
    }

    @Override
    public synchronized void close() {
        closeListener();
        cutOpenConnections();
        threads.shutdownNow();
    }

    private void listen() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            listener = socket;
            threads.execute(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port, e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                accepted.incrementAndGet();
                open.add(client);
                if (mode == Mode.PASS) {
                    threads.execute(() -> forward(client));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void forward(Socket client) {
        try {
            Socket upstream = new Socket();
            open.add(upstream);
            upstream.connect(target, 2_000);
            threads.execute(() -> pump(upstream, client, false));
            pump(client, upstream, true);
        } catch (IOException e) {
            close(client);
        }
    }

    private void pump(Socket from, Socket to, boolean sent) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                StringBuffer current = recording;
                if (sent && current != null) {
                    current.append(new String(buffer, 0, read, java.nio.charset.StandardCharsets.ISO_8859_1));
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: the other goes too
        } finally {
            close(from);
            close(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void cutOpenConnections() {
        open.forEach(FaultProxy::close);
        open.clear();
    }

    private void closeListener() {
        if (listener != null) {
            close(listener);
            listener = null;
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
