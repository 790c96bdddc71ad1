package io.microshop.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What wrk printed for one run ({@code --latency}, and bench/lua/like.lua's failure line when it ran). */
public record WrkOutput(double requestsPerSecond, double p50Millis, double p99Millis, long non2xx, String details) {

    private static final Pattern RATE = Pattern.compile("(?m)^Requests/sec:\\s+([\\d.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern LIKE_FAILURES = Pattern.compile("(?m)^like failures: \\d+ (\\(.*\\))$");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("(?m)^\\s*Socket errors: (.*)$");

    public static WrkOutput parse(String output) {
        double rate = Double.parseDouble(find(RATE, output).orElseThrow(
                () -> new IllegalArgumentException("not wrk's output (no Requests/sec):\n" + output)));
        StringBuilder details = new StringBuilder();
        find(LIKE_FAILURES, output).ifPresent(details::append);
        find(SOCKET_ERRORS, output).ifPresent(errors -> details.append(details.isEmpty() ? "" : "; ")
                .append("socket errors: ").append(errors.strip()));
        return new WrkOutput(rate, percentile(output, 50), percentile(output, 99),
                find(NON_2XX, output).map(Long::parseLong).orElse(0L), details.toString());
    }

    /** A wrk duration ({@code 850.00us}, {@code 12.5ms}, {@code 1.20s}, {@code 2.00m}) in milliseconds. */
    public static double millis(String duration) {
        Matcher parts = Pattern.compile("([\\d.]+)(us|ms|s|m)").matcher(duration.strip());
        if (!parts.matches()) {
            throw new IllegalArgumentException("not a wrk duration: " + duration);
        }
        double value = Double.parseDouble(parts.group(1));
        return switch (parts.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }

    private static double percentile(String output, int percent) {
        Pattern line = Pattern.compile("(?m)^\\s+" + percent + "%\\s+(\\S+)[ \\t]*$");
        return millis(find(line, output).orElseThrow(
                () -> new IllegalArgumentException("no " + percent + "% latency (run wrk with --latency):\n" + output)));
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
