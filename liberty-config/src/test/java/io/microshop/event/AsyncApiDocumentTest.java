package io.microshop.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/asyncapi.yaml is the contract between the services: it must name what the code does. */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");

    @Test
    void everyEventTypeIsAMessageOfItsExchange() throws IOException {
        String document = Files.readString(DOCUMENT);
        List<String> names = matches(document, "\\n      name: (\\w+)");
        for (EventType type : EventType.values()) {
            assertTrue(names.contains(type.wireName()), type.wireName() + " is not a message of the document");
            assertTrue(document.contains(type.routingKey()), "routing key " + type.routingKey());
        }
        assertEquals(EventType.values().length, names.size(), "messages the code does not have: " + names);
    }

    @Test
    void everyExchangeAndQueueIsAChannelWithTheDeclaredArguments() throws IOException {
        String document = Files.readString(DOCUMENT);
        List<String> addresses = matches(document, "\\n    address: (\\S+)");
        assertEquals(List.of(Topology.ADMIN_EVENTS, Topology.MAIN_EVENTS, Topology.PRODUCT_SYNC, Topology.LIKE_SYNC),
                addresses);
        for (String queue : List.of(Topology.PRODUCT_SYNC, Topology.LIKE_SYNC)) {
            assertTrue(document.contains(Topology.deadLetterQueue(queue)), "dead-letter queue of " + queue);
        }
        assertTrue(document.contains("x-dead-letter-exchange " + Topology.DEAD_LETTERS));
        assertTrue(document.contains("x-delivery-limit " + Topology.DELIVERY_LIMIT));
    }

    @Test
    void theExampleEventsAreValidEventsOfTheCode() throws IOException {
        String document = Files.readString(DOCUMENT);
        Matcher example = Pattern.compile("- payload:\\n((?: {12}.*\\n)+)").matcher(document);
        int examples = 0;
        while (example.find()) {
            Event event = Event.fromJson(yamlToJson(example.group(1)));
            assertEquals(event.toJson(), Event.fromJson(event.toJson()).toJson());
            examples++;
        }
        assertTrue(examples >= 2, "examples found: " + examples);
    }

    /** The examples are flat YAML maps with one inline map ({@code data}); enough to turn them into JSON. */
    private static String yamlToJson(String yaml) {
        List<String> fields = new ArrayList<>();
        for (String line : yaml.strip().split("\\n")) {
            String[] pair = line.strip().split(": ", 2);
            fields.add("\"" + pair[0] + "\": " + yamlValue(pair[1]));
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private static String yamlValue(String value) {
        if (value.startsWith("{")) {
            List<String> fields = new ArrayList<>();
            for (String pair : value.substring(1, value.length() - 1).split(", ")) {
                String[] keyValue = pair.split(": ", 2);
                fields.add("\"" + keyValue[0] + "\": " + yamlValue(keyValue[1]));
            }
            return "{" + String.join(", ", fields) + "}";
        }
        if (value.matches("-?\\d+")) {
            return value;
        }
        return "\"" + value.replaceAll("^'|'$", "") + "\"";
    }

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
