package io.microshop.event;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An event as read off the wire, before its type is looked at: a consumer can tell a malformed
 * message (no envelope) from an event of a type it does not know (a newer producer's), which
 * it may acknowledge and count instead of dead-lettering it.
 */
public record Envelope(UUID id, String type, Instant occurredAt, long productId, long version, JsonObject data) {

    /**
     * The event, when its type is one of this contract's; empty for any other type.
     *
     * @throws MalformedEventException when the type is known but the event breaks its rules
     */
    public Optional<Event> event() {
        return EventType.fromWireName(type).map(this::as);
    }

    private Event as(EventType known) {
        JsonFields fields = new JsonFields(data, "data.");
        return switch (known) {
            case PRODUCT_CREATED -> new ProductCreated(id, occurredAt, productId, version,
                    fields.text(EventJson.TITLE), fields.text(EventJson.IMAGE));
            case PRODUCT_UPDATED -> new ProductUpdated(id, occurredAt, productId, version,
                    fields.text(EventJson.TITLE), fields.text(EventJson.IMAGE));
            case PRODUCT_DELETED -> new ProductDeleted(id, occurredAt, productId, version);
            case PRODUCT_LIKED -> new ProductLiked(id, occurredAt, productId, fields.wholeNumber(EventJson.USER_ID),
                    version);
        };
    }
}
