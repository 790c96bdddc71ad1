package io.microshop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** wrk, the load generator, run as a process beside the servers; its output as it printed it. */
final class Wrk {

    private Wrk() {
    }

    /** @param lua a bench/lua script, or null */
    static String run(String url, String lua, int seconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder(Bench.wrkCommand(url, lua, seconds)).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
        }
        return output;
    }
}
