package io.microshop.bench;

import io.microshop.testing.NextLink;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A running server's products, read page by page through its list API as any client would. */
final class Catalogue {

    private Catalogue() {
    }

    /** Writes every product id of the server at baseUrl to idsFile, a line each; returns how many. */
    static int writeIds(HttpClient http, String baseUrl, Path idsFile) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        Optional<String> page = Optional.of(baseUrl + "/api/products?limit=1000");
        while (page.isPresent()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(page.get())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + page.get() + " answered " + response.statusCode());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                for (JsonValue product : reader.readArray()) {
                    ids.add(product.asJsonObject().getJsonNumber("id").toString());
                }
            }
            page = response.headers().firstValue("Link").flatMap(NextLink::of).map(next -> resolve(baseUrl, next));
        }
        Files.write(idsFile, ids);
        return ids.size();
    }

    /** A next link as the server wrote it (absolute or not), against the URL the benchmark was given. */
    static String resolve(String baseUrl, String next) {
        URI link = URI.create(next);
        return URI.create(baseUrl).resolve(link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()))
                .toString();
    }
}
