package io.microshop.event;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * One event as it travels (docs/asyncapi.yaml is the contract): its id (also the AMQP message
 * id), type, when it happened, the product it is about, the version that orders the changes of
 * that product, and the data the consumer needs. Product events carry the product's whole
 * state, so applying the newest version is right whatever arrived before it.
 */
public record Event(UUID id, EventType type, Instant occurredAt, long productId, long version, JsonObject data) {

    // Json.createObjectBuilder() and Json.createReader() look the provider up on every call
    // (a ServiceLoader scan, milliseconds inside Liberty): the factories are made once.
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonBuilderFactory BUILDERS = JSON.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());

    public static Event productCreated(long productId, long version, String title, String image) {
        return productEvent(EventType.PRODUCT_CREATED, productId, version, title, image);
    }

    public static Event productUpdated(long productId, long version, String title, String image) {
        return productEvent(EventType.PRODUCT_UPDATED, productId, version, title, image);
    }

    public static Event productDeleted(long productId, long version) {
        return now(EventType.PRODUCT_DELETED, productId, version, JsonValue.EMPTY_JSON_OBJECT);
    }

    /** @param version the product's like count in main after this like */
    public static Event productLiked(long productId, long version, long userId) {
        return now(EventType.PRODUCT_LIKED, productId, version, BUILDERS.createObjectBuilder().add("userId", userId).build());
    }

    private static Event productEvent(EventType type, long productId, long version, String title, String image) {
        return now(type, productId, version, BUILDERS.createObjectBuilder().add("title", title).add("image", image).build());
    }

    private static Event now(EventType type, long productId, long version, JsonObject data) {
        // Microseconds: what a DATETIME(6) column keeps, so an event read back from the outbox is equal.
        return new Event(UUID.randomUUID(), type, Instant.now().truncatedTo(ChronoUnit.MICROS), productId, version, data);
    }

    public String title() {
        return data.getString("title");
    }

    public String image() {
        return data.getString("image");
    }

    public long userId() {
        return data.getJsonNumber("userId").longValueExact();
    }

    public String toJson() {
        return BUILDERS.createObjectBuilder()
                .add("id", id.toString())
                .add("type", type.wireName())
                .add("occurredAt", occurredAt.toString())
                .add("productId", productId)
                .add("version", version)
                .add("data", data)
                .build()
                .toString();
    }

    /** @throws MalformedEventException when the body is not an event of this contract */
    public static Event fromJson(byte[] body) {
        JsonObject json;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedEventException("not a JSON object: " + firstLine(e.getMessage()));
        }
        try {
            EventType type = EventType.fromWireName(json.getString("type"))
                    .orElseThrow(() -> new MalformedEventException("unknown type '" + json.getString("type") + "'"));
            Event event = new Event(
                    UUID.fromString(json.getString("id")),
                    type,
                    Instant.parse(json.getString("occurredAt")),
                    positive(json.getJsonNumber("productId"), "productId"),
                    positive(json.getJsonNumber("version"), "version"),
                    json.getJsonObject("data"));
            event.checkData();
            return event;
        } catch (NullPointerException | ClassCastException | ArithmeticException | IllegalArgumentException
                 | DateTimeParseException e) {
            if (e instanceof MalformedEventException malformed) {
                throw malformed;
            }
            throw new MalformedEventException("missing or invalid field: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private void checkData() {
        switch (type) {
            case PRODUCT_CREATED, PRODUCT_UPDATED -> {
                require(!title().isBlank() && title().length() <= 200, "data.title must be 1 to 200 characters");
                require(!image().isBlank() && image().length() <= 2048, "data.image must be 1 to 2048 characters");
            }
            case PRODUCT_LIKED -> require(userId() > 0, "data.userId must be positive");
            case PRODUCT_DELETED -> { }
        }
    }

    private static long positive(JsonNumber number, String field) {
        long value = number.longValueExact();
        require(value > 0, field + " must be positive");
        return value;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new MalformedEventException(message);
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    public static Event fromJson(String body) {
        return fromJson(body.getBytes(StandardCharsets.UTF_8));
    }
}
