package io.microshop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    static List<Figure> aWholeRun() {
        List<Figure> figures = new ArrayList<>(List.of(
                http("admin", "reference", "admin GET /health/live", 3212, 48.45),
                http("admin", "read", "admin GET /api/products (100)", 2382, 43.63),
                http("admin", "read", "admin GET /api/products/{id}", 1900, 21.9),
                http("main", "reference", "main GET /health/live", 2331, 51.95),
                http("main", "read", "main GET /api/products (100)", 2613, 40.14),
                http("main", "read", "main GET /api/products (1000)", 900, 80.1),
                http("main", "like", "main POST /api/products/{id}/like, signed in", 403, 138.9),
                http("main", "latency", "main POST /api/products/{id}/like, signed in, 16 clients", 380, 54.0),
                http("main", "like", "main POST /api/products/{id}/like, anonymous", 1020, 90.0),
                http("admin", "first", "admin GET /api/products (100)", 1500, 120.0),
                http("main", "first", "main POST /api/products/{id}/like, signed in", 100, 900.0),
                http("admin", "create", "admin POST /api/products", 1660, 32.99),
                Figure.of("start", "admin", "cold", 11.0), Figure.of("start", "admin", "warm", 7.7),
                Figure.of("start", "main", "cold", 7.9), Figure.of("start", "main", "warm", 7.7),
                Figure.of("memory", "admin", "rss_mb", 407.0), Figure.of("memory", "main", "rss_mb", 290.0),
                Figure.of("memory", "main-sync", "rss_mb", 71.0), Figure.of("memory", "admin-likes", "rss_mb", 66.0),
                Figure.of("likes", "measured like run", "rows", 6118, "counted", 6118, "convergence_seconds", 0.03,
                        "mismatches", 0),
                Figure.of("latency", "propagation", "count", 200, "per_second", 10, "p50", 8.1, "p99", 29.8, "max", 50.1),
                Figure.of("burst", "creates", "count", 10000, "clients", 16, "create_rate", 559,
                        "after_last_201_seconds", 2.21),
                Figure.of("drain", "main-sync", "events", 43269, "apply_rate", 2361)));
        return figures;
    }

    private static Figure http(String server, String role, String label, double rps, double p99) {
        return Figure.of("http", label, "server", server, "role", role, "rps", rps, "p50", p99 / 3, "p99", p99,
                "non2xx", 0, "details", "");
    }

    @Test
    void everyFigureIsJudgedAgainstItsTarget() {
        String report = new Report(aWholeRun()).markdown("Measured today.");

        assertTrue(report.startsWith("Measured today.\n\n| Endpoint |"), report);
        assertRow(report, "| admin GET /health/live | 3212 | 16.15 ms | 48.45 ms | 0 | reference |  |");
        assertRow(report, "| admin GET /api/products (100) | 2382 | 14.54 ms | 43.63 ms | 0 | ≥ 60% of live (1927) | yes |");
        assertRow(report, "| admin GET /api/products/{id} | 1900 | 7.30 ms | 21.90 ms | 0 | ≥ 60% of live (1927) | **no** |");
        assertRow(report, "| main GET /api/products (100) | 2613 | 13.38 ms | 40.14 ms | 0 | ≥ 60% of live (1399) | yes |");
        assertRow(report, "| main GET /api/products (1000) | 900 | 26.70 ms | 80.10 ms | 0 | ≥ 60% of live (1399) | **no** |");
        assertRow(report, "| main POST /api/products/{id}/like, signed in | 403 | 46.30 ms | 138.90 ms | 0 | ≥ 1000 req/s, p99 ≤ 100 ms | **no** |");
        assertRow(report, "| main POST /api/products/{id}/like, signed in, 16 clients | 380 | 18.00 ms | 54.00 ms | 0 | p50 ≤ 20 ms | yes |");
        assertRow(report, "| main POST /api/products/{id}/like, anonymous | 1020 | 30.00 ms | 90.00 ms | 0 | ≥ 1000 req/s, p99 ≤ 100 ms | yes |");
        assertRow(report, "| admin POST /api/products | 1660 | 11.00 ms | 32.99 ms | 0 | ≥ 1500 req/s | yes |");
        assertRow(report, "| admin GET /api/products (100) | 1500 (120.00 ms) | 2382 | 62 % | ≥ 50% of warm | yes |");
        assertRow(report, "| main POST /api/products/{id}/like, signed in | 100 (900.00 ms) | 403 | 24 % | ≥ 50% of warm | **no** |");
        assertTrue(report.indexOf("| admin GET /api/products (100) | 1500") > report.indexOf("Right after a restart"), report);
        assertRow(report, "| admin | **11.0 s** | 7.7 s | **407 MB** |");
        assertRow(report, "| main | 7.9 s | 7.7 s | 290 MB |");
        assertTrue(report.contains("6118 rows, counted 6118 (must be equal)."), report);
        assertRow(report, "| propagation, admin 201 → main serves it (200 creates at 10/s) | p50 8.1 ms, p99 29.8 ms, max 50.1 ms | p99 ≤ 25 ms | **no** |");
        assertRow(report, "| main-sync catching up on 43269 queued events (fresh JVM) | 2361 events/s | ≥ 2,000 events/s | yes |");
        assertRow(report, "| like convergence after the like run: admin's counts equal main's | 0.03 s, 0 products differing (0 lost, 0 doubled when 0) |  | yes |");
        assertRow(report, "| resident memory, main-sync / admin-likes | 71 MB / 66 MB | ≤ 96 MB | yes |");
    }

    @Test
    void aShopAsFoundIsReportedWithItsSizeItsReadsAndTheMemoryTaken() {
        List<Figure> shop = List.of(
                Figure.of("catalogue", "admin", "products", 12345), Figure.of("catalogue", "main", "products", 0),
                http("admin", "first", "admin GET /api/products (1000)", 300, 200.0),
                http("admin", "reference", "admin GET /health/live", 3000, 30.0),
                http("admin", "read", "admin GET /api/products (1000)", 700, 90.0),
                http("main", "first", "main GET /api/products (0)", 1485, 20.0),
                http("main", "reference", "main GET /health/live", 3100, 30.0),
                http("main", "read", "main GET /api/products (0)", 3000, 25.0),
                Figure.of("memory", "admin", "rss_mb", 420.0));

        String report = new Report(shop).shopMarkdown("Measured as found.");

        assertTrue(report.startsWith("Measured as found.\n\nadmin's catalogue: 12,345 products.\n"
                + "main's catalogue: 0 products.\n\n| Endpoint |"), report);
        assertRow(report, "| admin GET /api/products (1000) | 700 | 30.00 ms | 90.00 ms | 0 | ≥ 60% of live (1800) | **no** |");
        assertRow(report, "| main GET /api/products (0) | 3000 | 8.33 ms | 25.00 ms | 0 | ≥ 60% of live (1860) | yes |");
        assertRow(report, "| The shop as found | first 20 s of the load: req/s (p99) | warm: req/s | share | target | met |");
        assertRow(report, "| admin GET /api/products (1000) | 300 (200.00 ms) | 700 | 42 % | ≥ 50% of warm | **no** |");
        assertRow(report, "| main GET /api/products (0) | 1485 (20.00 ms) | 3000 | 49 % | ≥ 50% of warm | **no** |");
        assertRow(report, "| admin | 420 MB | ≤ 300 MB | **no** |");
        assertTrue(!report.contains("| main | ") && !report.contains("start to ready"), report);
    }

    @Test
    void aRunWithoutAFigureTheReportNeedsIsNotReported() {
        List<Figure> incomplete = aWholeRun().stream().filter(figure -> !figure.kind().equals("drain")).toList();

        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new Report(incomplete).markdown("x"));
        assertTrue(missing.getMessage().contains("drain"), missing.getMessage());
    }

    @Test
    void figuresSurviveTheResultsFile(@TempDir Path directory) {
        Results results = new Results(directory.resolve("results.jsonl"));
        aWholeRun().forEach(results::add);

        assertEquals(new Report(aWholeRun()).markdown("x"), new Report(results.all()).markdown("x"));
    }

    @Test
    void theReportReplacesTheBlockOfTheDocsAndNothingElse(@TempDir Path directory) throws Exception {
        String document = "# Benchmarks\n\nHow it runs.\n\n" + DocsBlock.BEGIN + "\nold figures\n" + DocsBlock.END
                + "\n\n## What limits\n\nProse.\n";

        String replaced = DocsBlock.replace(document, "new figures\n");

        assertEquals("# Benchmarks\n\nHow it runs.\n\n" + DocsBlock.BEGIN + "\nnew figures\n" + DocsBlock.END
                + "\n\n## What limits\n\nProse.\n", replaced);
        assertEquals("# Benchmarks\n\n" + DocsBlock.BEGIN + "\nfirst\n" + DocsBlock.END + "\n",
                DocsBlock.replace("# Benchmarks\n", "first"));
        Files.writeString(directory.resolve("x.md"), replaced);
    }

    @Test
    void percentilesAreTheNearestRank() {
        List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        assertEquals(5.0, EventBench.percentile(sorted, 50));
        assertEquals(10.0, EventBench.percentile(sorted, 99));
        assertEquals(1.0, EventBench.percentile(List.of(1.0), 99));
    }

    private static void assertRow(String report, String row) {
        assertTrue(report.contains(row + "\n"), () -> "no row\n" + row + "\nin\n" + report);
    }
}
