package io.microshop.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
        for (String endpoint : labels("http")) {
            double off = of("http", endpoint, "off").map(f -> f.number("rps")).orElse(Double.NaN);
            out.append(row(endpoint, setting -> of("http", endpoint, setting).map(f -> {
                String cell = String.format(Locale.ROOT, "%.0f (%.1f ms)", f.number("rps"), f.number("p99"));
                return setting.equals("off") ? cell
                        : cell + String.format(Locale.ROOT, ", %+.0f %%", (f.number("rps") / off - 1) * 100);
            })));
        }
        out.append("\n| Resident memory after the runs | off | 10 % | 100 % |\n|---|---:|---:|---:|\n");
        for (String process : labels("memory")) {
            out.append(row(process, setting -> of("memory", process, setting)
                    .map(f -> String.format(Locale.ROOT, "%.0f MB", f.number("rss_mb")))));
        }
        out.append("\n| Spans the receiver took during the runs | off | 10 % | 100 % |\n|---|---:|---:|---:|\n");
        out.append(row("spans", setting -> of("spans", "received", setting)
                .map(f -> String.format(Locale.ROOT, "%,.0f", f.number("count")))));
        return out.toString();
    }

    /** A table row: the label, then a cell per setting ("–" where that setting has no figure). */
    private static String row(String label, Function<String, Optional<String>> cell) {
        StringBuilder row = new StringBuilder("| " + label + " |");
        for (String setting : SETTINGS) {
            row.append(' ').append(cell.apply(setting).orElse("–")).append(" |");
        }
        return row.append('\n').toString();
    }

    /** The labels of this kind of figure, in the order they were taken. */
    private Set<String> labels(String kind) {
        Set<String> labels = new LinkedHashSet<>();
        figures.stream().filter(f -> f.kind().equals(kind)).forEach(f -> labels.add(f.label()));
        return labels;
    }

    private Optional<Figure> of(String kind, String label, String setting) {
        return figures.stream().filter(f -> f.kind().equals(kind) && f.label().equals(label))
                .filter(f -> f.text("telemetry").orElse("off").equals(setting)).reduce((first, last) -> last);
    }
}
