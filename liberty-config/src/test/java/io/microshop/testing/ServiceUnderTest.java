package io.microshop.testing;

import java.time.Duration;
import java.time.Instant;
import org.microshed.testing.ApplicationEnvironment;

/** The Liberty server the build started for this module's integration tests, as MicroShed sees it. */
public final class ServiceUnderTest {

    private ServiceUnderTest() {
    }

    /** Raw HTTP to the application's root, e.g. {@code http().get("/api/products")}. */
    public static Http http() {
        return new Http(ApplicationEnvironment.Resolver.load().getApplicationURL());
    }

    /** Waits until {@code /health/ready} of the server at {@code http} answers 200. */
    public static void awaitReady(Http http, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                Http.Reply reply = http.get("/health/ready");
                if (reply.status() == 200) {
                    return;
                }
                last = reply.toString();
            } catch (RuntimeException e) {
                last = e.toString();
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("Not ready after " + patience + ": " + last);
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
