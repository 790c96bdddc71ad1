package io.microshop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** wrk, the load generator, run as a process beside the servers; its output as it printed it. */
final class Wrk {

    private Wrk() {
    }

    /** @param lua a bench/lua script, or null */
    static String run(String url, String lua, int seconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder(command(url, lua, seconds)).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
        }
        return output;
    }

    /** Threads and connections from BENCH_THREADS and BENCH_CONNECTIONS (bench/run.sh sets them). */
    private static List<String> command(String url, String lua, int seconds) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + System.getenv().getOrDefault("BENCH_THREADS", "2"),
                "-c" + System.getenv().getOrDefault("BENCH_CONNECTIONS", "32"), "-d" + seconds + "s", "--latency"));
        if (lua != null) {
            command.addAll(List.of("-s", lua));
        }
        command.add(url);
        return command;
    }
}
