package io.microshop.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RetriesTest {

    private static final class Outage extends IOException {
        Outage(String message) {
            super(message);
        }
    }

    private final Logger log = Logger.getLogger("retries-test");
    private final List<String> logged = new ArrayList<>();

    RetriesTest() {
        log.setUseParentHandlers(false);
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @Test
    void anOutageIsWaitedOutAndEachDistinctReasonLoggedOnce() {
        AtomicInteger tries = new AtomicInteger();
        String answer = Failsafe.with(Retries.<String>untilAvailable("the broker", e -> e instanceof Outage,
                () -> false, log)).get(() -> {
                    int n = tries.incrementAndGet();
                    if (n <= 3) {
                        throw new Outage(n == 3 ? "refused" : "timed out");
                    }
                    return "connected";
                });

        assertEquals("connected", answer);
        assertEquals(List.of("Waiting for the broker: timed out", "Waiting for the broker: refused"), logged);
    }

    @Test
    void waitingEndsWhenTheProcessStops() {
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicInteger tries = new AtomicInteger();

        FailsafeException gaveUp = assertThrows(FailsafeException.class, () -> Failsafe.with(
                Retries.<String>untilAvailable("the broker", e -> e instanceof Outage, stopping::get, log)).get(() -> {
                    if (tries.incrementAndGet() == 2) {
                        stopping.set(true);
                    }
                    throw new Outage("down");
                }));

        assertEquals(2, tries.get());
        assertEquals(Outage.class, Retries.cause(gaveUp).getClass());
    }

    @Test
    void waitingForAtMostAWhileGivesUpWithTheLastFailure() {
        FailsafeException gaveUp = assertThrows(FailsafeException.class, () -> Failsafe.with(
                Retries.<String>forAtMost(Duration.ofMillis(300), "the database", e -> e instanceof Outage, log))
                .get(() -> {
                    throw new Outage("not yet");
                }));

        assertEquals("not yet", Retries.cause(gaveUp).getMessage());
    }

    @Test
    void aFaultIsTriedAtMostSoManyTimesAndTriesFailingForAnOutageDoNotCount() {
        AtomicInteger tries = new AtomicInteger();
        List<Integer> retried = new ArrayList<>();

        IllegalStateException fault = assertThrows(IllegalStateException.class, () -> Failsafe.with(
                Retries.<String>untilAvailable("the database", e -> e instanceof Outage, () -> false, log),
                Retries.<String>attempts(3, e -> !(e instanceof Outage), (attempt, e) -> retried.add(attempt)))
                .get(() -> {
                    int n = tries.incrementAndGet();
                    if (n % 2 == 1) {
                        throw new Outage("blip " + n);
                    }
                    throw new IllegalStateException("fault " + n);
                }));

        assertEquals("fault 6", fault.getMessage(), "three faults, each after an outage");
        assertEquals(6, tries.get());
        assertEquals(List.of(1, 2), retried);
    }

    @Test
    void somethingThatIsNeitherAnOutageNorARetriedFaultFailsAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        assertThrows(IllegalArgumentException.class, () -> Failsafe.with(
                Retries.<String>untilAvailable("x", e -> e instanceof Outage, () -> false, log),
                Retries.<String>attempts(5, e -> e instanceof IllegalStateException, (attempt, e) -> { }))
                .get(() -> {
                    tries.incrementAndGet();
                    throw new IllegalArgumentException("malformed");
                }));
        assertEquals(1, tries.get());
    }
}
