package io.microshop.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What telemetry costs: the same endpoints and the servers' resident memory with telemetry off,
 * sampling one new trace in ten, and sampling every request, each run on freshly started servers
 * exporting to a receiver beside them; and how many spans reached it.
 */
public final class TelemetryReport {

    static final List<String> SETTINGS = List.of("off", "0.1", "1");
    private final List<Figure> figures;

    public TelemetryReport(List<Figure> figures) {
        this.figures = List.copyOf(figures);
    }

    public String markdown(String heading) {
        StringBuilder out = new StringBuilder(heading.strip()).append("\n\n");
        out.append("| Endpoint | off: req/s (p99) | 10 %: req/s (p99), change | 100 %: req/s (p99), change |\n");
        out.append("|---|---:|---:|---:|\n");
        Set<String> endpoints = new LinkedHashSet<>();
        figures.stream().filter(f -> f.kind().equals("http")).forEach(f -> endpoints.add(f.label()));
        for (String endpoint : endpoints) {
            double off = of("http", endpoint, "off").map(f -> f.number("rps")).orElse(Double.NaN);
            StringBuilder row = new StringBuilder("| " + endpoint + " |");
            for (String setting : SETTINGS) {
                Optional<Figure> run = of("http", endpoint, setting);
                row.append(' ').append(run.map(f -> String.format(Locale.ROOT, "%.0f (%.1f ms)", f.number("rps"),
                        f.number("p99"))).orElse("–"));
                if (!setting.equals("off")) {
                    row.append(run.map(f -> String.format(Locale.ROOT, ", %+.0f %%", (f.number("rps") / off - 1) * 100))
                            .orElse(""));
                }
                row.append(" |");
            }
            out.append(row).append('\n');
        }
        out.append("\n| Resident memory after the runs | off | 10 % | 100 % |\n|---|---:|---:|---:|\n");
        Set<String> processes = new LinkedHashSet<>();
        figures.stream().filter(f -> f.kind().equals("memory")).forEach(f -> processes.add(f.label()));
        for (String process : processes) {
            StringBuilder row = new StringBuilder("| " + process + " |");
            for (String setting : SETTINGS) {
                row.append(' ').append(of("memory", process, setting)
                        .map(f -> String.format(Locale.ROOT, "%.0f MB", f.number("rss_mb"))).orElse("–")).append(" |");
            }
            out.append(row).append('\n');
        }
        out.append("\n| Spans the receiver took during the runs | off | 10 % | 100 % |\n|---|---:|---:|---:|\n| spans |");
        for (String setting : SETTINGS) {
            out.append(' ').append(of("spans", "received", setting)
                    .map(f -> String.format(Locale.ROOT, "%,.0f", f.number("count"))).orElse("–")).append(" |");
        }
        return out.append('\n').toString();
    }

    private Optional<Figure> of(String kind, String label, String setting) {
        return figures.stream().filter(f -> f.kind().equals(kind) && f.label().equals(label))
                .filter(f -> f.text("telemetry").orElse("off").equals(setting)).reduce((first, last) -> last);
    }
}
