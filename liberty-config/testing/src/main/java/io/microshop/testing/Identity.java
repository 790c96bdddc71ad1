package io.microshop.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URLEncoder;
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

    private static final String REALM = "microshop";
    private static final String ADMIN = "test-admin";
    /** Test users shopper-1 to shopper-{SHOPPERS}, each with the shopper role only. */
    public static final int SHOPPERS = 100;

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
        return cached(REALM, Map.of("grant_type", "client_credentials", "client_id", "microshop-main",
                "client_secret", TestProperties.required("it.identity.main.secret")));
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

    private static String token(String realm, String client, String username) {
        return cached(realm, password(client, username));
    }

    /** A token of this grant, fetched again only when the one held has less than a minute left. */
    private static String cached(String realm, Map<String, String> grant) {
        String key = realm + "/" + grant.get("client_id") + "/" + grant.getOrDefault("username", "");
        return TOKENS.compute(key, (k, held) -> held == null || held.expiresBefore(Instant.now().plusSeconds(60))
                ? fetch(realm, grant) : held).value();
    }

    private static Map<String, String> password(String client, String username) {
        return Map.of("grant_type", "password", "client_id", client, "username", username,
                "password", TestProperties.required("it.identity.password"), "scope", "openid");
    }

    private static Token fetch(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Http.Reply reply = new Http(url()).post("/realms/" + realm + "/protocol/openid-connect/token",
                "application/x-www-form-urlencoded", body);
        if (reply.status() != 200) {
            throw new IllegalStateException("no token for " + form.get("client_id") + "/" + form.get("username")
                    + " of realm " + realm + ": " + reply + " (scripts/test.sh starts and seeds the tests' identity provider)");
        }
        String token = reply.json().getString("access_token");
        return new Token(token, Instant.ofEpochSecond(claims(token).getJsonNumber("exp").longValue()));
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
