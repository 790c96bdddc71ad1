package io.microshop.main.sync;

import static org.awaitility.Awaitility.await;

import io.microshop.testing.Http;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One consumer of the executable jar, run as a real process, as in production. */
final class ConsumerProcess implements AutoCloseable {

    private final String command;
    private final String name;
    private final Map<String, String> environment;
    private final int healthPort;
    private Process process;

    ConsumerProcess(String command, Map<String, String> environment, int healthPort) {
        this(command, command, environment, healthPort);
    }

    /** @param name the process's name in its log file, target/<name>.log (for a second replica) */
    ConsumerProcess(String command, String name, Map<String, String> environment, int healthPort) {
        this.command = command;
        this.name = name;
        this.environment = environment;
        this.healthPort = healthPort;
    }

    ConsumerProcess start() {
        ProcessBuilder builder = new ProcessBuilder(
                new File(System.getProperty("java.home"), "bin/java").getPath(),
                "@" + System.getProperty("it.consumer.jvm.options"),
                "-jar", System.getProperty("it.consumer.jar"), command);
        builder.environment().putAll(environment);
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().put("HEALTH_PORT", Integer.toString(healthPort));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/" + name + ".log")));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
        awaitReady(Duration.ofSeconds(60));
        return this;
    }

    Http health() {
        return new Http("http://localhost:" + healthPort);
    }

    void awaitReady(Duration patience) {
        await(name + " ready (log: target/" + name + ".log)").atMost(patience)
                .pollInterval(Duration.ofMillis(100))
                .failFast(name + " exited; see target/" + name + ".log", () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> health().get("/health/ready").status() == 200);
    }

    /** SIGKILL: no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, and the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            terminate();
        }
    }
}
