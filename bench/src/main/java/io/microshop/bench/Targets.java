package io.microshop.bench;

import java.util.Locale;
import java.util.Optional;

/** What each figure of the benchmark should reach on this 2-core machine, and the judging of it. */
public final class Targets {

    static final double READ_MIN_SHARE_OF_LIVE = 0.60;
    static final double FIRST_RUN_MIN_SHARE_OF_WARM = 0.50;
    static final double LIKE_MIN_RPS = 1000;
    static final double LIKE_MAX_P99_MILLIS = 100;
    static final double LATENCY_MAX_P50_MILLIS = 20;
    static final double CREATE_MIN_RPS = 1500;
    static final double START_MAX_SECONDS = 8;
    static final double SERVER_MAX_RSS_MB = 300;
    static final double CONSUMER_MAX_RSS_MB = 96;
    static final double PROPAGATION_MAX_P99_MILLIS = 25;
    static final double DRAIN_MIN_EVENTS_PER_SECOND = 2000;

    private Targets() {
    }

    /**
     * The verdict on an HTTP figure of the given role; empty for the reference ({@code /health/live})
     * and for a first run, which is judged against its warm figure ({@link #firstRun}).
     */
    static Optional<Verdict> http(String role, double rps, double p50Millis, double p99Millis, double sameServerLiveRps) {
        return switch (role) {
            case "reference", "first" -> Optional.empty();
            case "read" -> {
                double share = READ_MIN_SHARE_OF_LIVE * sameServerLiveRps;
                yield Optional.of(new Verdict(String.format(Locale.ROOT, "≥ %.0f%% of live (%.0f)",
                        READ_MIN_SHARE_OF_LIVE * 100, share), rps >= share));
            }
            case "like" -> Optional.of(new Verdict(String.format(Locale.ROOT, "≥ %.0f req/s, p99 ≤ %.0f ms",
                    LIKE_MIN_RPS, LIKE_MAX_P99_MILLIS), rps >= LIKE_MIN_RPS && p99Millis <= LIKE_MAX_P99_MILLIS));
            case "latency" -> Optional.of(new Verdict(String.format(Locale.ROOT, "p50 ≤ %.0f ms", LATENCY_MAX_P50_MILLIS),
                    p50Millis <= LATENCY_MAX_P50_MILLIS));
            case "create" -> Optional.of(new Verdict(String.format(Locale.ROOT, "≥ %.0f req/s", CREATE_MIN_RPS),
                    rps >= CREATE_MIN_RPS));
            default -> throw new IllegalArgumentException("no target for the role '" + role + "'");
        };
    }

    /** A server's first seconds after it reports ready against the same endpoint once it is warm. */
    static Verdict firstRun(double firstRps, double warmRps) {
        return new Verdict(String.format(Locale.ROOT, "≥ %.0f%% of warm", FIRST_RUN_MIN_SHARE_OF_WARM * 100),
                firstRps >= FIRST_RUN_MIN_SHARE_OF_WARM * warmRps);
    }

    static boolean startMet(double seconds) {
        return seconds <= START_MAX_SECONDS;
    }

    static Verdict propagation(double p99Millis) {
        return new Verdict(String.format(Locale.ROOT, "p99 ≤ %.0f ms", PROPAGATION_MAX_P99_MILLIS),
                p99Millis <= PROPAGATION_MAX_P99_MILLIS);
    }

    static Verdict drain(double eventsPerSecond) {
        return new Verdict(String.format(Locale.ROOT, "≥ %,.0f events/s", DRAIN_MIN_EVENTS_PER_SECOND),
                eventsPerSecond >= DRAIN_MIN_EVENTS_PER_SECOND);
    }

    static Verdict serverMemory(double megabytes) {
        return new Verdict(String.format(Locale.ROOT, "≤ %.0f MB", SERVER_MAX_RSS_MB), megabytes <= SERVER_MAX_RSS_MB);
    }

    static Verdict consumerMemory(double largestMb) {
        return new Verdict(String.format(Locale.ROOT, "≤ %.0f MB", CONSUMER_MAX_RSS_MB), largestMb <= CONSUMER_MAX_RSS_MB);
    }
}
