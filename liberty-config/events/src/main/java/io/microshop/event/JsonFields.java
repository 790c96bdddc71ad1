package io.microshop.event;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads the fields of one JSON object of an event, each of the JSON type the contract says. */
final class JsonFields {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

    private final JsonObject json;
    private final String path;

    /** @param path what precedes the field names in messages, e.g. {@code "data."} */
    JsonFields(JsonObject json, String path) {
        this.json = json;
        this.path = path;
    }

    String text(String name) {
        return ((JsonString) value(name, JsonValue.ValueType.STRING, "a string")).getString();
    }

    long wholeNumber(String name) {
        JsonNumber number = (JsonNumber) value(name, JsonValue.ValueType.NUMBER, "a whole number");
        EventFields.require(number.isIntegral(), path + name + " must be a whole number");
        BigInteger whole = number.bigIntegerValue();
        EventFields.require(whole.compareTo(MIN_LONG) >= 0 && whole.compareTo(MAX_LONG) <= 0,
                path + name + " is out of range");
        return whole.longValue();
    }

    JsonObject object(String name) {
        return value(name, JsonValue.ValueType.OBJECT, "an object").asJsonObject();
    }

    UUID uuid(String name) {
        String text = text(name);
        EventFields.require(CANONICAL_UUID.matcher(text).matches(), path + name + " must be a UUID");
        return UUID.fromString(text);
    }

    Instant instant(String name) {
        String text = text(name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(path + name + " must be an ISO-8601 instant, not '" + text + "'");
        }
    }

    private JsonValue value(String name, JsonValue.ValueType type, String described) {
        JsonValue value = json.get(name);
        EventFields.require(value != null, path + name + " is required");
        EventFields.require(value.getValueType() == type, path + name + " must be " + described);
        return value;
    }
}
