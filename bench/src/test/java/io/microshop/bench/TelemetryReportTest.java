package io.microshop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryReportTest {

    private static Figure http(String label, String telemetry, double rps, double p99) {
        return Figure.of("http", label, "server", "main", "role", "read", "rps", rps, "p50", 1.0, "p99", p99,
                "non2xx", 0.0, "details", "", "telemetry", telemetry);
    }

    @Test
    void eachEndpointIsComparedWithItsRunWithTelemetryOff() {
        String report = new TelemetryReport(List.of(
                http("main GET /api/products (100)", "off", 2000, 20),
                http("main GET /api/products (100)", "0.1", 1900, 21),
                http("main GET /api/products (100)", "1", 1500, 30.5),
                Figure.of("memory", "main", "rss_mb", 400.0, "telemetry", "off"),
                Figure.of("memory", "main", "rss_mb", 450.4, "telemetry", "1"),
                Figure.of("spans", "received", "count", 0.0, "telemetry", "off"),
                Figure.of("spans", "received", "count", 123456.0, "telemetry", "1"))).markdown("Measured now.");

        assertTrue(report.startsWith("Measured now.\n\n"), report);
        assertTrue(report.contains("| main GET /api/products (100) | 2000 (20.0 ms) | 1900 (21.0 ms), -5 % | 1500 (30.5 ms), -25 % |"),
                report);
        assertTrue(report.contains("| main | 400 MB | – | 450 MB |"), report);
        assertTrue(report.contains("| spans | 0 | – | 123,456 |"), report);
    }

    @Test
    void theTelemetryBlockAndTheMainBlockAreReplacedEachOnItsOwn() {
        String document = DocsBlock.replace(DocsBlock.replace("# Benchmarks\n", "main"), DocsBlock.TELEMETRY, "cost");

        String replaced = DocsBlock.replace(document, DocsBlock.TELEMETRY, "new cost");

        assertEquals("# Benchmarks\n\n" + DocsBlock.BEGIN + "\nmain\n" + DocsBlock.END + "\n\n<!-- bench:telemetry:begin -->\n"
                + "new cost\n<!-- bench:telemetry:end -->\n", replaced);
    }
}
