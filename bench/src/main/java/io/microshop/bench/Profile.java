package io.microshop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A CPU profile in collapsed stacks, summed up: the share of all samples whose stack passes
 * through each of a few frames of the shop's request paths (so the shares overlap: a like's
 * transaction is inside the like, which is inside Liberty's HTTP dispatch).
 */
public final class Profile {

    /** Where a server's CPU goes: a name for each part and a frame that identifies it. */
    static final Map<String, String> PARTS = parts(
            "JIT compilers", "CompileBroker::compiler_thread_loop",
            "garbage collection", "VM_GenCollect",
            "HTTP requests (Liberty's dispatch, all of it)", "HttpDispatcherLink.ready",
            "security (bearer token, roles)", "WebAppSecurityCollaboratorImpl.preInvoke",
            "JAX-RS resource methods", "ResourceMethodInvoker.invoke",
            "main: like (all of it)", "LikeService.like",
            "main: product check", "Storefront.find",
            "main: call to admin (Rest Client, fault tolerance)", "AdminUsers.userOf",
            "main: like transaction", "Likes.record",
            "outbox append", "Outbox.append",
            "outbox relay", "OutboxRelay",
            "admin: user of a subject", "UserDirectory.forSubject",
            "JSON writing", "JsonBProvider.writeTo",
            "JDBC (Connector/J)", "com/mysql/cj/",
            "connection pool checkout", "PoolManager.reserve",
            "transactions (JTA begin and commit)", "TransactionalInterceptor",
            "metrics (mpMetrics and Liberty's monitors)", "/metrics/",
            "exceptions created", "java/lang/Throwable.fillInStackTrace");

    private final Map<String, Long> stacks;
    private final long total;

    Profile(Map<String, Long> stacks) {
        this.stacks = Map.copyOf(stacks);
        this.total = stacks.values().stream().mapToLong(Long::longValue).sum();
    }

    static Profile read(Path collapsed) throws IOException {
        Map<String, Long> stacks = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(collapsed)) {
            lines.filter(line -> !line.isBlank()).forEach(line -> {
                int space = line.lastIndexOf(' ');
                stacks.merge(line.substring(0, space), Long.parseLong(line.substring(space + 1).strip()), Long::sum);
            });
        }
        return new Profile(stacks);
    }

    long samples() {
        return total;
    }

    /** The share (0 to 1) of samples whose stack has a frame containing {@code frame}. */
    double share(String frame) {
        long within = stacks.entrySet().stream().filter(stack -> stack.getKey().contains(frame))
                .mapToLong(Map.Entry::getValue).sum();
        return total == 0 ? 0 : within / (double) total;
    }

    /** The parts as a markdown table: each part's share of the samples, the parts with none left out. */
    String markdown(String title) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "| %s (%,d samples) | share of CPU |%n|---|---:|%n",
                title, total));
        PARTS.forEach((part, frame) -> {
            double share = share(frame);
            if (share > 0) {
                out.append(String.format(Locale.ROOT, "| %s | %.1f %% |%n", part, 100 * share));
            }
        });
        return out.toString();
    }

    private static Map<String, String> parts(String... namesAndFrames) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndFrames.length; i += 2) {
            parts.put(namesAndFrames[i], namesAndFrames[i + 1]);
        }
        return parts;
    }
}
