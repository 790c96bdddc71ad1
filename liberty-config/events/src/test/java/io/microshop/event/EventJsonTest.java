package io.microshop.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventJsonTest {

    static List<Event> everyKindOfEvent() {
        return List.of(
                ProductCreated.now(7, 1, "Coffee mug", "https://images.example.com/mug.png"),
                ProductUpdated.now(7, 2, "Tea mug", "https://images.example.com/tea.png"),
                ProductDeleted.now(7, 3),
                ProductLiked.now(7, 12, 4));
    }

    @Test
    void everyKindOfEventSurvivesTheWire() {
        for (Event event : everyKindOfEvent()) {
            Envelope envelope = EventJson.read(EventJson.write(event));
            assertEquals(event.type().wireName(), envelope.type());
            assertEquals(Optional.of(event), envelope.event());
        }
    }

    @Test
    void aLikeCarriesItsUserAndMainsCountWhichOrdersTheLikesOfAProduct() {
        ProductLiked liked = ProductLiked.now(7, 12, 4);
        Envelope envelope = EventJson.read(EventJson.write(liked));

        assertEquals(4, envelope.version());
        assertEquals(12, envelope.data().getInt("userId"));
        assertEquals(4, liked.version());
    }

    @Test
    void anEventOfATypeThisContractDoesNotKnowIsAnEnvelopeWithoutAnEvent() {
        Envelope envelope = EventJson.read(envelope("product_featured", "{\"rank\": 1}"));

        assertEquals("product_featured", envelope.type());
        assertEquals(Optional.empty(), envelope.event());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "not json | not JSON",
        "'' | not JSON",
        "[1, 2] | not a JSON object",
        "\"text\" | not a JSON object",
        "{} | id is required",
        "{\"id\": 7} | id must be a string",
        "{\"id\": \"not-a-uuid\", \"type\": \"product_deleted\"} | id must be a UUID",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\"} | type is required",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\", \"type\": \"product_deleted\", \"occurredAt\": \"yesterday\"} | occurredAt must be an ISO-8601 instant",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\", \"type\": \"product_deleted\", \"occurredAt\": \"2026-11-25T19:00:00Z\", \"productId\": \"7\"} | productId must be a whole number",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\", \"type\": \"product_deleted\", \"occurredAt\": \"2026-11-25T19:00:00Z\", \"productId\": 7, \"version\": 1.5, \"data\": {}} | version must be a whole number",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\", \"type\": \"product_deleted\", \"occurredAt\": \"2026-11-25T19:00:00Z\", \"productId\": 99999999999999999999, \"version\": 1, \"data\": {}} | productId is out of range",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\", \"type\": \"product_deleted\", \"occurredAt\": \"2026-11-25T19:00:00Z\", \"productId\": 7, \"version\": 1} | data is required",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\", \"type\": \"product_deleted\", \"occurredAt\": \"2026-11-25T19:00:00Z\", \"productId\": 7, \"version\": 1, \"data\": []} | data must be an object"
    })
    void aBodyThatIsNoEnvelopeIsMalformedAndSaysWhy(String body, String reason) {
        MalformedEventException malformed = assertThrows(MalformedEventException.class, () -> EventJson.read(body));
        assertTrue(malformed.getMessage().contains(reason), malformed::getMessage);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "product_deleted | {} | productId must be positive | -7 | 1",
        "product_deleted | {} | version must be positive | 7 | 0",
        "product_created | {\"title\": \" \", \"image\": \"https://i.example.com/m.png\"} | title must be 1 to 200 | 7 | 1",
        "product_created | {\"title\": \"Mug\"} | data.image is required | 7 | 1",
        "product_updated | {\"title\": \"Mug\", \"image\": 5} | data.image must be a string | 7 | 2",
        "product_liked | {\"userId\": \"twelve\"} | data.userId must be a whole number | 7 | 1",
        "product_liked | {\"userId\": 0} | userId must be positive | 7 | 1"
    })
    void aKnownTypeWhoseFieldsBreakTheContractIsMalformed(String type, String data, String reason, long productId,
                                                          long version) {
        String body = "{\"id\": \"" + UUID.randomUUID() + "\", \"type\": \"" + type + "\", \"occurredAt\":"
                + " \"2026-11-25T19:00:00Z\", \"productId\": " + productId + ", \"version\": " + version
                + ", \"data\": " + data + "}";
        MalformedEventException malformed = assertThrows(MalformedEventException.class,
                () -> EventJson.read(body).event());
        assertTrue(malformed.getMessage().contains(reason), malformed::getMessage);
    }

    @Test
    void eventsThatBreakTheContractCannotBeMade() {
        assertThrows(MalformedEventException.class, () -> ProductCreated.now(7, 1, "t".repeat(201), "https://i.example"));
        assertThrows(MalformedEventException.class, () -> ProductUpdated.now(7, 1, "Mug", "i".repeat(2049)));
        assertThrows(MalformedEventException.class, () -> ProductDeleted.now(0, 1));
        assertThrows(MalformedEventException.class, () -> ProductLiked.now(7, -1, 3));
        assertFalse(ProductCreated.now(7, 1, "t".repeat(200), "i".repeat(2048)).title().isEmpty());
    }

    private static String envelope(String type, String data) {
        return "{\"id\": \"" + UUID.randomUUID() + "\", \"type\": \"" + type + "\", \"occurredAt\":"
                + " \"2026-11-25T19:00:00.123456Z\", \"productId\": 7, \"version\": 1, \"data\": " + data + "}";
    }
}
