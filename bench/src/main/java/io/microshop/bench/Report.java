package io.microshop.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** The benchmark's figures as the markdown tables of docs/benchmarks.md, each judged against its target. */
public final class Report {

    private final List<Figure> figures;

    public Report(List<Figure> figures) {
        this.figures = List.copyOf(figures);
    }

    /** @param heading the first lines: when, where and how the figures were measured */
    public String markdown(String heading) {
        StringBuilder out = new StringBuilder(heading.strip()).append("\n\n");
        httpTable(out);
        firstRunTable(out, "Right after a restart", "first 20 s after ready");
        startAndMemoryTable(out);
        eventsTable(out);
        return out.toString();
    }

    /**
     * A running shop measured as found (bench/shop.sh): the size of each catalogue, its reads warm
     * and in the first 20 s of the load, and the servers' resident memory where it was taken.
     */
    public String shopMarkdown(String heading) {
        StringBuilder out = new StringBuilder(heading.strip()).append("\n\n");
        for (Figure catalogue : of("catalogue")) {
            out.append(String.format(Locale.ROOT, "%s's catalogue: %,.0f products.%n", catalogue.label(),
                    catalogue.number("products")));
        }
        out.append('\n');
        httpTable(out);
        firstRunTable(out, "The shop as found", "first 20 s of the load");
        List<Figure> memory = of("memory");
        if (!memory.isEmpty()) {
            out.append("\n| Server | resident memory after the load | target | met |\n|---|---:|---|---|\n");
            for (Figure server : memory) {
                double rss = server.number("rss_mb");
                Verdict verdict = Targets.serverMemory(rss);
                out.append(row(server.label(), number(rss) + " MB", verdict.target(), verdict.metCell()));
            }
        }
        return out.toString();
    }

    private void httpTable(StringBuilder out) {
        out.append("| Endpoint | req/s | p50 | p99 | non-2xx (details) | target | met |\n");
        out.append("|---|---:|---:|---:|---|---|---|\n");
        for (Figure http : of("http")) {
            String role = http.text("role").orElseThrow();
            if (role.equals("first")) {
                continue;
            }
            double live = role.equals("reference") ? 0 : liveOf(http.text("server").orElseThrow());
            Optional<Verdict> verdict = Targets.http(role, http.number("rps"), http.number("p50"), http.number("p99"), live);
            String errors = String.format(Locale.ROOT, "%.0f", http.number("non2xx"))
                    + http.text("details").filter(d -> !d.isBlank()).map(d -> " " + d).orElse("");
            out.append(row(http.label(), rate(http.number("rps")), ms(http.number("p50")), ms(http.number("p99")), errors,
                    verdict.map(Verdict::target).orElse("reference"), verdict.map(Verdict::metCell).orElse("")));
        }
    }

    /** Each first run (role "first") against the warm figure of the same endpoint. */
    private void firstRunTable(StringBuilder out, String title, String firstRun) {
        out.append("\n| " + title + " | " + firstRun + ": req/s (p99) | warm: req/s | share | target | met |\n");
        out.append("|---|---:|---:|---:|---|---|\n");
        for (Figure first : of("http").stream().filter(figure -> figure.text("role").orElse("").equals("first")).toList()) {
            Figure warm = warmOf(first.label());
            Verdict verdict = Targets.firstRun(first.number("rps"), warm.number("rps"));
            out.append(row(first.label(), rate(first.number("rps")) + " (" + ms(first.number("p99")) + ")",
                    rate(warm.number("rps")), String.format(Locale.ROOT, "%.0f %%", Math.floor(100 * first.number("rps")
                            / warm.number("rps"))), verdict.target(), verdict.metCell()));
        }
    }

    private void startAndMemoryTable(StringBuilder out) {
        out.append("\n| Server | start to ready, cold | start to ready, warm | resident memory after the load |\n");
        out.append("|---|---:|---:|---:|\n");
        out.append(row("target", "≤ " + number(Targets.START_MAX_SECONDS) + " s", "≤ " + number(Targets.START_MAX_SECONDS)
                + " s", "≤ " + number(Targets.SERVER_MAX_RSS_MB) + " MB"));
        for (String server : List.of("admin", "main")) {
            Figure start = one("start", server);
            double rss = one("memory", server).number("rss_mb");
            out.append(row(server, seconds(start.number("cold")), seconds(start.number("warm")),
                    marked(number(rss) + " MB", Targets.serverMemory(rss).met())));
        }
    }

    private void eventsTable(StringBuilder out) {
        Figure likes = one("likes", "measured like run");
        out.append(String.format(Locale.ROOT, "%nLikes recorded during the measured like run: %.0f rows, counted %.0f"
                + " (must be equal).%n", likes.number("rows"), likes.number("counted")));
        out.append("\n| Events | figure | target | met |\n|---|---:|---|---|\n");
        Figure latency = one("latency", "propagation");
        Verdict propagation = Targets.propagation(latency.number("p99"));
        out.append(row(String.format(Locale.ROOT, "propagation, admin 201 → main serves it (%.0f creates at %.0f/s)",
                        latency.number("count"), latency.number("per_second")),
                String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", latency.number("p50"),
                        latency.number("p99"), latency.number("max")), propagation.target(), propagation.metCell()));
        Figure burst = one("burst", "creates");
        out.append(row(String.format(Locale.ROOT, "burst of %,.0f creates (%.0f clients, %.0f/s): last 201 → main has all",
                        burst.number("count"), burst.number("clients"), burst.number("create_rate")),
                String.format(Locale.ROOT, "%.2f s", burst.number("after_last_201_seconds")), "", ""));
        Figure drain = one("drain", "main-sync");
        Verdict draining = Targets.drain(drain.number("apply_rate"));
        out.append(row(String.format(Locale.ROOT, "main-sync catching up on %.0f queued events (fresh JVM)",
                drain.number("events")), rate(drain.number("apply_rate")) + " events/s", draining.target(),
                draining.metCell()));
        boolean converged = likes.number("mismatches") == 0;
        out.append(row("like convergence after the like run: admin's counts equal main's", String.format(Locale.ROOT,
                        "%.2f s, %.0f products differing (0 lost, 0 doubled when 0)", likes.number("convergence_seconds"),
                        likes.number("mismatches")), "", converged ? "yes" : "**no**"));
        double mainSync = one("memory", "main-sync").number("rss_mb");
        double adminLikes = one("memory", "admin-likes").number("rss_mb");
        Verdict consumers = Targets.consumerMemory(Math.max(mainSync, adminLikes));
        out.append(row("resident memory, main-sync / admin-likes", number(mainSync) + " MB / " + number(adminLikes) + " MB",
                consumers.target(), consumers.metCell()));
    }

    private double liveOf(String server) {
        return of("http").stream()
                .filter(figure -> figure.text("role").orElse("").equals("reference"))
                .filter(figure -> figure.text("server").orElse("").equals(server))
                .findFirst().orElseThrow(() -> new IllegalStateException("no /health/live figure of " + server))
                .number("rps");
    }

    /** The warm figure of the endpoint a first run measured: the same label, another role. */
    private Figure warmOf(String label) {
        return of("http").stream()
                .filter(figure -> figure.label().equals(label) && !figure.text("role").orElse("").equals("first"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no warm figure of " + label));
    }

    private List<Figure> of(String kind) {
        return figures.stream().filter(figure -> figure.kind().equals(kind)).toList();
    }

    /** The figure of this kind and label; values of several (a server's cold and warm starts) merged. */
    private Figure one(String kind, String label) {
        Predicate<Figure> wanted = figure -> figure.kind().equals(kind) && figure.label().equals(label);
        List<Figure> found = figures.stream().filter(wanted).toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("the run has no " + kind + " figure of " + label);
        }
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        found.forEach(figure -> values.putAll(figure.values()));
        return new Figure(kind, label, values);
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String marked(String value, boolean met) {
        return met ? value : "**" + value + "**";
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    private String seconds(double value) {
        return marked(String.format(Locale.ROOT, "%.1f s", value), Targets.startMet(value));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
