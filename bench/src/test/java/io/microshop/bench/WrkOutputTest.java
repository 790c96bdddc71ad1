package io.microshop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WrkOutputTest {

    static final String PLAIN = """
            Running 15s test @ http://localhost:28000/api/products
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    13.47ms    7.82ms  98.31ms   84.69%
                Req/Sec     1.20k   138.91     1.52k    72.33%
              Latency Distribution
                 50%   11.74ms
                 75%   15.10ms
                 90%   21.41ms
                 99%   43.63ms
              35761 requests in 15.01s, 127.40MB read
            Requests/sec:   2382.46
            Transfer/sec:      8.49MB
            """;

    static final String LIKES = """
            Running 15s test @ http://localhost:28001/api/products
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    79.80ms   27.18ms 312.60ms   76.02%
                Req/Sec   202.56     45.03   310.00     69.13%
              Latency Distribution
                 50%   76.20ms
                 75%   91.91ms
                 90%  110.33ms
                 99%    1.21s
              6118 requests in 15.18s, 2.05MB read
              Socket errors: connect 0, read 0, write 0, timeout 3
              Non-2xx or 3xx responses: 12
            Requests/sec:    403.08
            Transfer/sec:    138.19KB
            like failures: 12 (409: 2, 503: 10, other: 0)
            """;

    @Test
    void readsTheRateAndTheLatencyPercentiles() {
        WrkOutput out = WrkOutput.parse(PLAIN);

        assertEquals(2382.46, out.requestsPerSecond());
        assertEquals(11.74, out.p50Millis());
        assertEquals(43.63, out.p99Millis());
        assertEquals(0, out.non2xx());
        assertEquals("", out.details());
    }

    @Test
    void readsTheFailedRequestsAndWhatTheLikeScriptSaidOfThem() {
        WrkOutput out = WrkOutput.parse(LIKES);

        assertEquals(403.08, out.requestsPerSecond());
        assertEquals(1210, out.p99Millis());
        assertEquals(12, out.non2xx());
        assertEquals("(409: 2, 503: 10, other: 0); socket errors: connect 0, read 0, write 0, timeout 3", out.details());
    }

    @Test
    void readsALatencyInSecondsAsWrkPadsIt() {
        // wrk pads "s" with a space, to line it up with "ms" and "us"
        WrkOutput out = WrkOutput.parse(PLAIN.replace("99%   43.63ms", "99%    1.28s "));

        assertEquals(1280, out.p99Millis());
    }

    @ParameterizedTest
    @CsvSource({"850.00us, 0.85", "12.5ms, 12.5", "1.20s, 1200", "2.00m, 120000"})
    void durationsAreInMilliseconds(String duration, double millis) {
        assertEquals(millis, WrkOutput.millis(duration), 1e-9);
    }

    @Test
    void somethingElseIsNotTakenForWrksOutput() {
        assertThrows(IllegalArgumentException.class, () -> WrkOutput.parse("unable to connect to localhost:28000"));
        assertThrows(IllegalArgumentException.class, () -> WrkOutput.parse("Requests/sec: 10.0\n"));
        assertThrows(IllegalArgumentException.class, () -> WrkOutput.millis("fast"));
    }
}
