package io.microshop.bench;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One measurement of a benchmark run: what kind it is ({@code http}, {@code start},
 * {@code memory}, {@code latency}, {@code burst}, {@code drain}, {@code likes}), of what (the
 * label), and its values by name, as numbers or text.
 */
public record Figure(String kind, String label, Map<String, Object> values) {

    public Figure {
        values = Map.copyOf(values);
    }

    public static Figure of(String kind, String label, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Figure(kind, label, values);
    }

    public double number(String name) {
        Object value = values.get(name);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException(kind + " " + label + " has no number " + name + ": " + values);
        }
        return number.doubleValue();
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).map(String::valueOf);
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        values.forEach((name, value) -> {
            if (value instanceof Number number) {
                json.add(name, Json.createValue(number.doubleValue()));
            } else {
                json.add(name, String.valueOf(value));
            }
        });
        return Json.createObjectBuilder().add("kind", kind).add("label", label).add("values", json).build();
    }

    static Figure fromJson(JsonObject json) {
        Map<String, Object> values = new LinkedHashMap<>();
        json.getJsonObject("values").forEach((name, value) -> values.put(name,
                value.getValueType() == JsonValue.ValueType.NUMBER
                        ? (Object) ((JsonNumber) value).doubleValue()
                        : ((JsonString) value).getString()));
        return new Figure(json.getString("kind"), json.getString("label"), values);
    }
}
