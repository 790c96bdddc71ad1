package io.microshop.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EventTest {

    @Test
    void everyKindOfEventSurvivesTheWire() {
        for (Event event : new Event[] {
                Event.productCreated(7, 1, "Coffee mug", "https://images.example.com/mug.png"),
                Event.productUpdated(7, 2, "Tea mug", "https://images.example.com/tea.png"),
                Event.productDeleted(7, 3),
                Event.productLiked(7, 4, 12)}) {
            assertEquals(event, Event.fromJson(event.toJson()));
        }
    }

    @Test
    void theDataAConsumerNeedsIsThere() {
        Event liked = Event.fromJson(Event.productLiked(7, 4, 12).toJson());
        assertEquals(12, liked.userId());
        Event created = Event.fromJson(Event.productCreated(7, 1, "Mug", "https://i.example.com/m.png").toJson());
        assertEquals("Mug", created.title());
        assertEquals(EventType.PRODUCT_CREATED, created.type());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[1, 2]",
        "{}",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\", \"type\": \"product_exploded\", \"occurredAt\": \"2026-11-25T19:00:00Z\", \"productId\": 7, \"version\": 1, \"data\": {}}",
        "{\"id\": \"not-a-uuid\", \"type\": \"product_deleted\", \"occurredAt\": \"2026-11-25T19:00:00Z\", \"productId\": 7, \"version\": 1, \"data\": {}}",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\", \"type\": \"product_deleted\", \"occurredAt\": \"yesterday\", \"productId\": 7, \"version\": 1, \"data\": {}}",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\", \"type\": \"product_deleted\", \"occurredAt\": \"2026-11-25T19:00:00Z\", \"productId\": -7, \"version\": 1, \"data\": {}}",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\", \"type\": \"product_deleted\", \"occurredAt\": \"2026-11-25T19:00:00Z\", \"productId\": 7, \"version\": 1.5, \"data\": {}}",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\", \"type\": \"product_created\", \"occurredAt\": \"2026-11-25T19:00:00Z\", \"productId\": 7, \"version\": 1, \"data\": {\"title\": \" \", \"image\": \"https://i.example.com/m.png\"}}",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\", \"type\": \"product_created\", \"occurredAt\": \"2026-11-25T19:00:00Z\", \"productId\": 7, \"version\": 1, \"data\": {\"title\": \"Mug\"}}",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\", \"type\": \"product_liked\", \"occurredAt\": \"2026-11-25T19:00:00Z\", \"productId\": 7, \"version\": 1, \"data\": {\"userId\": \"twelve\"}}",
        "{\"id\": \"3f1c9a52-6a51-4a55-9d0e-2f3c1c0f8c11\", \"type\": \"product_liked\", \"occurredAt\": \"2026-11-25T19:00:00Z\", \"productId\": 7, \"version\": 1, \"data\": {\"userId\": 0}}"
    })
    void anythingElseIsMalformedNeverAnotherException(String body) {
        MalformedEventException malformed = assertThrows(MalformedEventException.class, () -> Event.fromJson(body));
        assertTrue(!malformed.getMessage().isBlank());
    }
}
