package io.microshop.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The tests' own identity provider (a Keycloak that scripts/test.sh starts with the shop's realm
 * and seeds with test users: test-admin, shopper-1 to shopper-100, and a realm "elsewhere"), and
 * real tokens from it, plus the broken ones the contract tests send. System properties:
 * it.identity.url, it.identity.password (the test users' password).
 */
public final class Identity {

    public static final String REALM = "microshop";
    public static final String ADMIN = "test-admin";
    /** Test users shopper-1 to shopper-{SHOPPERS}, each with the shopper role only. */
    public static final int SHOPPERS = 100;

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();
    private static String expired;

    private Identity() {
    }

    /** A bearer token of the test administrator (roles catalog-admin and shopper). */
    public static String admin() {
        return token(REALM, "microshop-tests", ADMIN);
    }

    /** A bearer token of test shopper {@code n} (1 to {@link #SHOPPERS}). */
    public static String shopper(int n) {
        if (n < 1 || n > SHOPPERS) {
            throw new IllegalArgumentException("the test realm has shoppers 1 to " + SHOPPERS + ", not " + n);
        }
        return token(REALM, "microshop-tests", "shopper-" + n);
    }

    /** main's own token (client credentials of microshop-main, role user-directory). */
    public static String main() {
        return TOKENS.compute("main", (key, held) -> held == null || held.expiresBefore(Instant.now().plusSeconds(60))
                ? fetch("microshop", Map.of("grant_type", "client_credentials", "client_id", "microshop-main",
                        "client_secret", TestProperties.required("it.identity.main.secret")))
                : held).value();
    }

    /** A shopper's token that has expired (issued for two seconds, then waited out), made once per test run. */
    public static synchronized String expired() {
        if (expired == null) {
            String token = fetch(REALM, password("microshop-tests-expiring", "shopper-1")).value();
            long expiry = claims(token).getJsonNumber("exp").longValue();
            sleep(Duration.between(Instant.now(), Instant.ofEpochSecond(expiry)).toMillis() + 2500);
            expired = token;
        }
        return expired;
    }

    /** A shopper's token from the same provider's other realm: another issuer, other keys. */
    public static String otherIssuer() {
        return token("elsewhere", "microshop-tests", "shopper-1");
    }

    /** A shopper's token of the right issuer that is not meant for the shop's API (no microshop-api audience). */
    public static String otherAudience() {
        return token(REALM, "microshop-tests-other-audience", "shopper-1");
    }

    /** The token with one character of its signature changed. */
    public static String tampered(String token) {
        int last = token.length() - 5;
        char flipped = token.charAt(last) == 'A' ? 'B' : 'A';
        return token.substring(0, last) + flipped + token.substring(last + 1);
    }

    /** The token's claims under an {@code alg: none} header, without a signature. */
    public static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    /** The token's claims, undecoded by any check: for what a test expects, e.g. the subject. */
    public static JsonObject claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            return reader.readObject();
        }
    }

    public static String subject(String token) {
        return claims(token).getString("sub");
    }

    /** The provider's token endpoint of a realm: what a service uses for its own identity. */
    public static String tokenEndpoint(String realm) {
        return url() + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    private static String token(String realm, String client, String username) {
        String key = realm + "/" + client + "/" + username;
        Token cached = TOKENS.get(key);
        if (cached == null || cached.expiresBefore(Instant.now().plusSeconds(60))) {
            cached = fetch(realm, password(client, username));
            TOKENS.put(key, cached);
        }
        return cached.value();
    }

    private static Map<String, String> password(String client, String username) {
        return Map.of("grant_type", "password", "client_id", client, "username", username,
                "password", TestProperties.required("it.identity.password"), "scope", "openid");
    }

    private static Token fetch(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint(realm)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + form.get("client_id") + "/" + form.get("username")
                        + " of realm " + realm + " from "
                        + request.uri() + ": " + response.statusCode() + " " + response.body()
                        + " (scripts/test.sh starts and seeds the tests' identity provider)");
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject json = reader.readObject();
                String token = json.getString("access_token");
                return new Token(token, Instant.ofEpochSecond(claims(token).getJsonNumber("exp").longValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the tests' identity provider at " + url() + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String url() {
        return TestProperties.required("it.identity.url").replaceAll("/$", "");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Token(String value, Instant expiry) {
        boolean expiresBefore(Instant instant) {
            return expiry.isBefore(instant);
        }
    }
}
