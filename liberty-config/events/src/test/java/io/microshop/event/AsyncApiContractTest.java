package io.microshop.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/asyncapi.yaml is the contract between the services: the JSON of every kind of event must
 * be valid against its message's schema there, and its channels must be the exchanges and
 * queues {@link Topology} declares, each queue receiving exactly the event types it is bound to.
 */
class AsyncApiContractTest {

    private static final Path DOCUMENT = Path.of("..", "..", "docs", "asyncapi.yaml");
    private static final String LOCATION = "https://microshop.example/asyncapi.yaml";
    private static JsonNode asyncApi;
    private static SchemaRegistry schemas;

    @BeforeAll
    static void readTheDocument() throws IOException {
        String yaml = Files.readString(DOCUMENT);
        asyncApi = YAMLMapper.builder().build().readTree(yaml);
        // AsyncAPI 3's default schema format is a superset of JSON Schema draft 7.
        schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                registry -> registry.schemas(Map.of(LOCATION, yaml)));
    }

    @Test
    void everyKindOfEventIsValidAgainstItsMessageSchema() {
        for (Event event : EventJsonTest.everyKindOfEvent()) {
            List<Error> errors = payloadSchema(event.type()).validate(EventJson.write(event), InputFormat.JSON);
            assertEquals(List.of(), errors, () -> event.type() + ": " + EventJson.write(event));
        }
    }

    @Test
    void theSchemasRejectWhatTheCodeRejects() {
        String blankTitle = EventJson.write(ProductCreated.now(7, 1, "Mug", "https://i.example.com/m.png"))
                .replace("\"title\":\"Mug\"", "\"title\":\"\"");
        assertFalse(payloadSchema(EventType.PRODUCT_CREATED).validate(blankTitle, InputFormat.JSON).isEmpty());
        String noUser = EventJson.write(ProductLiked.now(7, 12, 4)).replace("{\"userId\":12}", "{}");
        assertFalse(payloadSchema(EventType.PRODUCT_LIKED).validate(noUser, InputFormat.JSON).isEmpty());
        assertThrowsMalformed(blankTitle);
        assertThrowsMalformed(noUser);
    }

    @Test
    void everyEventTypeIsAMessageOfTheDocumentAndNoOtherIs() {
        Set<String> documented = new TreeSet<>();
        asyncApi.get("components").get("messages").forEach(message -> documented.add(message.get("name").asString()));
        Set<String> inCode = new TreeSet<>();
        for (EventType type : EventType.values()) {
            inCode.add(type.wireName());
        }
        assertEquals(inCode, documented);
    }

    @Test
    void theChannelsAreTheExchangesAndQueuesWithTheirBindings() {
        Map<String, JsonNode> byAddress = new java.util.HashMap<>();
        asyncApi.get("channels").forEach(channel -> byAddress.put(channel.get("address").asString(), channel));
        assertEquals(Set.of(Topology.ADMIN_EVENTS, Topology.MAIN_EVENTS, Topology.PRODUCT_SYNC, Topology.LIKE_SYNC),
                byAddress.keySet());
        for (EventType type : EventType.values()) {
            assertTrue(messagesOf(byAddress.get(type.exchange())).contains(type.wireName()),
                    type + " is not a message of " + type.exchange());
        }
        Topology.BINDINGS.forEach((queue, types) -> {
            JsonNode channel = byAddress.get(queue);
            assertEquals(types.stream().map(EventType::wireName).collect(Collectors.toSet()), messagesOf(channel),
                    "the messages of " + queue);
            String description = channel.get("description").asString();
            types.forEach(type -> assertTrue(description.contains("`" + type.routingKey() + "`"),
                    queue + " does not name its binding " + type.routingKey()));
            assertTrue(description.contains(Topology.deadLetterQueue(queue)), "dead-letter queue of " + queue);
            assertTrue(description.contains("x-dead-letter-exchange " + Topology.DEAD_LETTERS), queue);
            assertTrue(description.contains("x-delivery-limit " + Topology.DELIVERY_LIMIT), queue);
        });
    }

    @Test
    void theExamplesAreEventsOfTheCode() {
        List<JsonNode> examples = new ArrayList<>();
        asyncApi.get("components").get("messages").forEach(message -> {
            if (message.has("examples")) {
                message.get("examples").forEach(example -> examples.add(example.get("payload")));
            }
        });
        assertEquals(EventType.values().length, examples.size(), "one example per message");
        for (JsonNode example : examples) {
            Event event = EventJson.read(example.toString()).event().orElseThrow();
            assertEquals(event, EventJson.read(EventJson.write(event)).event().orElseThrow());
        }
    }

    private static Schema payloadSchema(EventType type) {
        String message = asyncApi.get("components").get("messages").propertyStream()
                .filter(entry -> entry.getValue().get("name").asString().equals(type.wireName()))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        return schemas.getSchema(SchemaLocation.of(LOCATION + "#/components/messages/" + message + "/payload"));
    }

    private static Set<String> messagesOf(JsonNode channel) {
        Set<String> names = new TreeSet<>();
        channel.get("messages").forEach(reference -> {
            String pointer = reference.get("$ref").asString().substring(1);
            names.add(asyncApi.at(pointer).get("name").asString());
        });
        return names;
    }

    private static void assertThrowsMalformed(String body) {
        org.junit.jupiter.api.Assertions.assertThrows(MalformedEventException.class,
                () -> EventJson.read(body).event());
    }
}
