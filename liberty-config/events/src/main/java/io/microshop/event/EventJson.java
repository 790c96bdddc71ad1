package io.microshop.event;

import io.microshop.failure.Failures;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The JSON form of every event, defined here once (docs/asyncapi.yaml describes it, and a test
 * checks every kind of event against that document): an envelope with {@code id}, {@code type},
 * {@code occurredAt}, {@code productId} and {@code version}, and the event's own fields under
 * {@code data}.
 */
public final class EventJson {

    static final String TITLE = "title";
    static final String IMAGE = "image";
    static final String USER_ID = "userId";

    // Json.createObjectBuilder() and Json.createReader() look the provider up on every call
    // (a ServiceLoader scan, milliseconds inside Liberty): the factories are made once.
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonBuilderFactory BUILDERS = JSON.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());

    private EventJson() {
    }

    public static String write(Event event) {
        return BUILDERS.createObjectBuilder()
                .add("id", event.id().toString())
                .add("type", event.type().wireName())
                .add("occurredAt", event.occurredAt().toString())
                .add("productId", event.productId())
                .add("version", event.version())
                .add("data", data(event))
                .build()
                .toString();
    }

    private static JsonObject data(Event event) {
        JsonObjectBuilder data = BUILDERS.createObjectBuilder();
        if (event instanceof ProductCreated created) {
            data.add(TITLE, created.title()).add(IMAGE, created.image());
        } else if (event instanceof ProductUpdated updated) {
            data.add(TITLE, updated.title()).add(IMAGE, updated.image());
        } else if (event instanceof ProductLiked liked) {
            data.add(USER_ID, liked.userId());
        }
        return data.build();
    }

    /**
     * Reads a message body as far as the envelope; {@link Envelope#event()} then reads the event
     * itself, if its type is one this contract knows.
     *
     * @throws MalformedEventException when the body is not an event envelope of this contract
     */
    public static Envelope read(byte[] body) {
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new MalformedEventException("not JSON: " + Failures.firstLine(e));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedEventException("not a JSON object but " + value.getValueType().name().toLowerCase());
        }
        JsonFields json = new JsonFields(value.asJsonObject(), "");
        return new Envelope(json.uuid("id"), json.text("type"), json.instant("occurredAt"),
                json.wholeNumber("productId"), json.wholeNumber("version"), json.object("data"));
    }

    public static Envelope read(String body) {
        return read(body.getBytes(StandardCharsets.UTF_8));
    }
}
