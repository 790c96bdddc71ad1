package io.microshop.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Raw HTTP for contract tests: exact bodies, content types and status codes, including the
 * malformed requests a typed client cannot send.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    private final String baseUrl;
    private final String bearer;

    public Http(String baseUrl) {
        this(baseUrl, null);
    }

    private Http(String baseUrl, String bearer) {
        this.baseUrl = baseUrl.replaceAll("/$", "");
        this.bearer = bearer;
    }

    /** The same server, every request sent with this bearer token (e.g. {@code Identity.admin()}). */
    public Http as(String token) {
        return new Http(baseUrl, token);
    }

    @Override
    public String toString() {
        return baseUrl;
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    /** A GET with headers of the caller's, as a browser revalidating what it keeps ({@code If-None-Match}). */
    public Reply get(String path, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = request(path);
        headers.forEach(request::header);
        return send(request.GET());
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply post(String path, String contentType, String body) {
        return send(withBody(request(path), contentType, body).method("POST", bodyOf(body)));
    }

    public Reply postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    /** A JSON POST with headers of the caller's, as a mesh or a browser adds them. */
    public Reply postJson(String path, String json, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = withBody(request(path), "application/json", json);
        headers.forEach(request::header);
        return send(request.method("POST", bodyOf(json)));
    }

    public Reply put(String path, String contentType, String body) {
        return send(withBody(request(path), contentType, body).method("PUT", bodyOf(body)));
    }

    public Reply putJson(String path, String json) {
        return put(path, "application/json", json);
    }

    public Reply method(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, String contentType, String body) {
        return contentType == null ? request : request.header("Content-Type", contentType);
    }

    private static HttpRequest.BodyPublisher bodyOf(String body) {
        return body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response, with its body parsed on demand. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body()))) {
                return reader.readObject();
            }
        }

        public JsonArray jsonArray() {
            try (JsonReader reader = Json.createReader(new StringReader(body()))) {
                return reader.readArray();
            }
        }

        @Override
        public String toString() {
            return response.request().method() + " " + response.uri() + " -> " + status() + " " + body();
        }
    }
}
