package io.microshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.testing.TestDatabase;
import io.microshop.testing.TestProperties;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar as Kubernetes and the scripts run it: {@code java -jar microshop-consumer.jar <command>}. */
class ExecutableJarIT {

    private static final File JAR = new File("target/microshop-consumer.jar");

    private record Run(int status, String output) {
    }

    @Test
    void withoutACommandItSaysHowToUseItAndExits64() throws Exception {
        Run run = run(List.of(), Map.of());

        assertEquals(64, run.status());
        assertTrue(run.output().contains("migrate admin|main") && run.output().contains("main-sync"), run.output());
    }

    @Test
    void aBadSettingIsNamedAndExits64() throws Exception {
        Run run = run(List.of("main-sync"), Map.of("PREFETCH", "lots"));

        assertEquals(64, run.status());
        assertTrue(run.output().contains("PREFETCH must be a whole number, not 'lots'"), run.output());
    }

    @Test
    void migrateBringsADatabaseUpToItsChangelog() throws Exception {
        TestDatabase database = TestDatabase.recreated("main_jar_test");

        Run run = run(List.of("migrate", "main"), Map.of("DB_HOST", TestProperties.required("it.db.host"),
                "DB_PORT", TestProperties.required("it.db.port"), "DB_NAME", "main_jar_test",
                "DB_USER", TestProperties.required("it.db.user"), "DB_PASSWORD", TestProperties.required("it.db.password")));

        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("change set(s) applied"), run.output());
        assertEquals(1, database.queryLong("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = 'product_tombstones'"));
    }

    private static Run run(List<String> arguments, Map<String, String> environment) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                new File(System.getProperty("java.home"), "bin/java").getPath(), "-jar", JAR.getPath()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running: " + output);
        return new Run(process.exitValue(), output);
    }
}
