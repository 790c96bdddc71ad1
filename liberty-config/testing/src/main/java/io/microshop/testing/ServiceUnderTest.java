package io.microshop.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
        await("/health/ready of " + http).atMost(patience).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> http.get("/health/ready").status() == 200);
    }
}
