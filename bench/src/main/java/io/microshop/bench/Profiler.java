package io.microshop.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * async-profiler (its native agent, from the Maven artifact tools.profiler:async-profiler)
 * attached to a running JVM: CPU samples of every thread, the JIT compiler's and the collector's
 * included, written as collapsed stacks (one line per stack, its sample count last). Sampled with
 * itimer, which needs no perf_events permission.
 */
final class Profiler {

    private static final String AGENT = "linux-x64/libasyncProfiler.so";

    private Profiler() {
    }

    static void start(String pid) throws Exception {
        command(pid, "start,event=itimer,interval=1ms");
    }

    static void stop(String pid, Path collapsed) throws Exception {
        command(pid, "stop,collapsed,file=" + collapsed.toAbsolutePath());
    }

    private static void command(String pid, String options) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(pid);
        try {
            vm.loadAgentPath(agent().toString(), options);
        } finally {
            vm.detach();
        }
    }

    /** The agent, copied out of the jar once: a JVM loads native libraries from files only. */
    private static Path agent() throws IOException {
        Path agent = Path.of(System.getProperty("java.io.tmpdir"), "microshop-async-profiler", AGENT);
        if (!Files.exists(agent)) {
            Files.createDirectories(agent.getParent());
            try (InputStream in = Profiler.class.getClassLoader().getResourceAsStream(AGENT)) {
                if (in == null) {
                    throw new IllegalStateException("no " + AGENT + " on the class path (tools.profiler:async-profiler)");
                }
                Path part = Files.createTempFile(agent.getParent(), "agent", ".part");
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, agent, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return agent;
    }
}
