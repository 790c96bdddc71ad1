package io.microshop.consumer;

import io.microshop.event.Event;
import io.microshop.event.EventType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a consumer does with each kind of event it handles: dispatch by the event's type. */
public final class EventHandlers {

    private final Map<Class<? extends Event>, EventHandler<? extends Event>> byClass = new HashMap<>();

    public <E extends Event> EventHandlers on(Class<E> kind, EventHandler<E> handler) {
        byClass.put(kind, handler);
        return this;
    }

    /** The event types handled; the consumer's queue should be bound to exactly these. */
    public Set<EventType> types() {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        byClass.keySet().forEach(kind -> types.add(EventType.of(kind)));
        return types;
    }

    public boolean handles(Event event) {
        return byClass.containsKey(event.getClass());
    }

    /** @throws IllegalArgumentException for an event it does not handle: ask {@link #handles} first */
    Outcome apply(Connection db, Event event) throws SQLException {
        return handlerOf(event).orElseThrow(() -> new IllegalArgumentException("no handler for " + event.type()))
                .apply(db, event);
    }

    @SuppressWarnings("unchecked") // on() registers each handler under its own event class
    private Optional<EventHandler<Event>> handlerOf(Event event) {
        return Optional.ofNullable((EventHandler<Event>) byClass.get(event.getClass()));
    }
}
