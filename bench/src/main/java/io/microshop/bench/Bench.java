package io.microshop.bench;

import io.microshop.testing.OtlpReceiver;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The benchmark's measurements and report, one subcommand each, run by bench/run.sh against the
 * shop it started and by bench/shop.sh against one already running. Every figure goes to the
 * results file (BENCH_RESULTS); {@code report} judges them and writes docs/benchmarks.md. The
 * database is BENCH_JDBC_URL (the server, no database) with BENCH_DB_USER and BENCH_DB_PASSWORD.
 */
public final class Bench {

    static final String USAGE = """
            java -jar microshop-bench.jar <command>
              http SERVER ROLE LABEL URL [LUA] [SECONDS]  wrk against URL (ROLE: reference, read, like, create)
              warm URL [LUA] SECONDS                       wrk, figures not kept
              ready SERVER cold|warm STARTED_MS URL        seconds from STARTED_MS (epoch ms) until URL answers 200
              memory NAME PID                              resident memory of a process
              await-equal WHAT SECONDS SQL_A SQL_B         waits until two queries answer the same
              likes SQL_ROWS SQL_COUNTED SQL_A SQL_B SQL_MISMATCHES
                                                           after a like run: rows vs counts, and how soon admin agrees
              latency ADMIN_URL MAIN_URL COUNT PER_SECOND  propagation of creates at a steady rate
              burst ADMIN_URL MAIN_DATABASE COUNT CLIENTS  a burst of creates until main holds them all
              drain MAIN_DATABASE FROM TO                  main-sync applying a backlog
              report SECONDS [DOCS_FILE]                   the tables, judged (SECONDS: each wrk run's); into DOCS_FILE
              catalogue SERVER URL IDS_FILE                every product id of a running server's list, a line each
              shop-report SECONDS ADMIN_URL MAIN_URL [DOCS_FILE]
                                                           the tables of a running shop measured as found (bench/shop.sh)
              otlp-sink PORT                               an OTLP/HTTP receiver that counts spans and drops them (runs until killed)
              spans SINK_URL                               how many spans the sink has received
              telemetry-report SECONDS [DOCS_FILE]         the cost of telemetry, from figures taken with BENCH_TELEMETRY set
              profile-start PID...                         starts a CPU profile of each JVM (async-profiler)
              profile-stop PID FILE                        stops it, writing its collapsed stacks to FILE
              profile-report SECONDS DOCS_FILE|- TITLE FILE...
                                                           where the CPU went in each profile (into DOCS_FILE)
            With BENCH_TELEMETRY (off, 0.1, 1) every figure kept says which telemetry setting it was taken with.""";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(64);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        Results results = new Results(Path.of(Objects.requireNonNull(System.getenv("BENCH_RESULTS"), "BENCH_RESULTS")));
        switch (args[0]) {
            case "http" -> keep(results, http(rest));
            case "warm" -> Wrk.run(rest.get(0), rest.size() > 2 ? rest.get(1) : null,
                    Integer.parseInt(rest.get(rest.size() - 1)));
            case "ready" -> keep(results, Figure.of("start", rest.get(0), rest.get(1),
                    secondsUntilReady(Instant.ofEpochMilli(Long.parseLong(rest.get(2))), rest.get(3))));
            case "memory" -> keep(results, Figure.of("memory", rest.get(0), "rss_mb", residentMegabytes(rest.get(1))));
            case "await-equal" -> awaitEqual(rest.get(0), Duration.ofSeconds(Long.parseLong(rest.get(1))), rest.get(2),
                    rest.get(3));
            case "likes" -> keep(results, likes(rest));
            case "latency" -> keep(results, EventBench.latency(rest.get(0), rest.get(1), Integer.parseInt(rest.get(2)),
                    Integer.parseInt(rest.get(3))));
            case "burst" -> {
                try (Connection main = database(rest.get(1))) {
                    keep(results, EventBench.burst(rest.get(0), main, Integer.parseInt(rest.get(2)),
                            Integer.parseInt(rest.get(3))));
                }
            }
            case "drain" -> {
                try (Connection main = database(rest.get(0))) {
                    keep(results, EventBench.drain(main, Long.parseLong(rest.get(1)), Long.parseLong(rest.get(2))));
                }
            }
            case "report" -> report(results, Integer.parseInt(rest.get(0)), rest.size() > 1 ? Path.of(rest.get(1)) : null);
            case "catalogue" -> keep(results, Figure.of("catalogue", rest.get(0), "products",
                    Catalogue.writeIds(HTTP, rest.get(1), Path.of(rest.get(2)))));
            case "shop-report" -> shopReport(results, Integer.parseInt(rest.get(0)), rest.get(1) + " " + rest.get(2),
                    rest.size() > 3 ? Path.of(rest.get(3)) : null);
            case "otlp-sink" -> {
                OtlpReceiver.counting(Integer.parseInt(rest.get(0)));
                Thread.currentThread().join();
            }
            case "spans" -> keep(results, Figure.of("spans", "received", "count", Double.parseDouble(HTTP.send(
                    HttpRequest.newBuilder(URI.create(rest.get(0) + "/count")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().strip())));
            case "telemetry-report" -> telemetryReport(results, Integer.parseInt(rest.get(0)),
                    rest.size() > 1 ? Path.of(rest.get(1)) : null);
            case "profile-start" -> {
                for (String pid : rest) {
                    Profiler.start(pid);
                }
            }
            case "profile-stop" -> Profiler.stop(rest.get(0), Path.of(rest.get(1)));
            case "profile-report" -> profileReport(Integer.parseInt(rest.get(0)),
                    rest.get(1).equals("-") ? null : Path.of(rest.get(1)), rest.subList(2, rest.size()));
            default -> {
                System.err.println(USAGE);
                System.exit(64);
            }
        }
    }

    /** Keeps the figure for the report (with the telemetry setting it was taken with, if any) and shows it. */
    private static void keep(Results results, Figure measured) {
        String telemetry = System.getenv("BENCH_TELEMETRY");
        Figure figure = measured;
        if (telemetry != null && !telemetry.isBlank()) {
            Map<String, Object> values = new LinkedHashMap<>(measured.values());
            values.put("telemetry", telemetry);
            figure = new Figure(measured.kind(), measured.label(), values);
        }
        results.add(figure);
        System.out.println(figure.kind() + "  " + figure.label() + "  " + figure.values());
    }

    private static Figure http(List<String> args) throws Exception {
        String lua = args.size() > 4 && !args.get(4).isBlank() ? args.get(4) : null;
        int seconds = args.size() > 5 ? Integer.parseInt(args.get(5)) : 15;
        WrkOutput out = WrkOutput.parse(Wrk.run(args.get(3), lua, seconds));
        return Figure.of("http", args.get(2), "server", args.get(0), "role", args.get(1), "rps", out.requestsPerSecond(),
                "p50", out.p50Millis(), "p99", out.p99Millis(), "non2xx", out.non2xx(), "details", out.details());
    }

    private static double secondsUntilReady(Instant started, String url) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = started.plusSeconds(180);
        while (true) {
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(started, Instant.now()).toMillis() / 1000.0;
                }
            } catch (java.io.IOException notListening) {
                // the server is still starting
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(url + " not ready after 180 s");
            }
            Thread.sleep(50);
        }
    }

    static double residentMegabytes(String pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private static Figure likes(List<String> sql) throws Exception {
        double rows = query(sql.get(0));
        double counted = query(sql.get(1));
        Instant done = Instant.now();
        awaitEqual("admin counting the measured likes", Duration.ofSeconds(300), sql.get(2), sql.get(3));
        double convergence = Duration.between(done, Instant.now()).toMillis() / 1000.0;
        return Figure.of("likes", "measured like run", "rows", rows, "counted", counted,
                "convergence_seconds", convergence, "mismatches", query(sql.get(4)));
    }

    private static void awaitEqual(String what, Duration patience, String sqlA, String sqlB) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (query(sqlA) != query(sqlB)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + ": not within " + patience.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private static double query(String sql) throws Exception {
        try (Connection db = database(""); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getDouble(1);
        }
    }

    private static Connection database(String name) throws Exception {
        return DriverManager.getConnection(System.getenv("BENCH_JDBC_URL") + "/" + name, System.getenv("BENCH_DB_USER"),
                System.getenv("BENCH_DB_PASSWORD"));
    }

    private static void report(Results results, int wrkSeconds, Path docs) throws Exception {
        String report = new Report(results.all()).markdown(heading(wrkSeconds, "bench/run.sh"));
        write(report, docs, DocsBlock.BENCH);
    }

    private static void shopReport(Results results, int wrkSeconds, String urls, Path docs) throws Exception {
        String report = new Report(results.all()).shopMarkdown(heading(wrkSeconds, "bench/shop.sh " + urls));
        write(report, docs, DocsBlock.SHOP);
    }

    private static void telemetryReport(Results results, int wrkSeconds, Path docs) throws Exception {
        String report = new TelemetryReport(results.all()).markdown(heading(wrkSeconds, "bench/run.sh --telemetry-cost"));
        write(report, docs, DocsBlock.TELEMETRY);
    }

    /** Where the CPU went in each profile (pairs of a title and a collapsed-stacks file), into the docs' profile block. */
    private static void profileReport(int wrkSeconds, Path docs, List<String> titlesAndFiles) throws Exception {
        StringBuilder tables = new StringBuilder(heading(wrkSeconds, "bench/run.sh --profile")).append("\n\n");
        for (int i = 0; i < titlesAndFiles.size(); i += 2) {
            tables.append(Profile.read(Path.of(titlesAndFiles.get(i + 1))).markdown(titlesAndFiles.get(i))).append('\n');
        }
        write(tables.toString(), docs, DocsBlock.PROFILE);
    }

    private static String heading(int wrkSeconds, String command) {
        var system = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "Measured %s on %d cores, %.0f GiB, Java %s, wrk -t%s -c%s -d%ds"
                        + " beside the servers.%nCommand: `%s`",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(ZonedDateTime.now(ZoneOffset.UTC)),
                Runtime.getRuntime().availableProcessors(), system.getTotalMemorySize() / (double) (1L << 30),
                System.getProperty("java.runtime.version"), System.getenv().getOrDefault("BENCH_THREADS", "2"),
                System.getenv().getOrDefault("BENCH_CONNECTIONS", "32"), wrkSeconds, command);
    }

    private static void write(String report, Path docs, String block) throws Exception {
        System.out.println();
        System.out.println(report);
        if (docs != null) {
            String document = Files.exists(docs) ? Files.readString(docs) : "# Benchmarks\n";
            Files.writeString(docs, DocsBlock.replace(document, block, report));
            System.out.println("Written to " + docs);
        }
    }
}
