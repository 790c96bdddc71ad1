package io.microshop.consumer;

/** What one event did to the consumer's database. */
public enum Outcome {
    /** The change is in the database now. */
    APPLIED,
    /** The database already holds a newer version of the product: nothing to do. */
    STALE,
    /** A like for a product this database no longer has: acknowledged and counted, not applied. */
    ORPHAN,
    /** The event id is in the inbox already: a redelivery, nothing to do. */
    DUPLICATE,
    /**
     * A valid event of a type this consumer does not handle (a newer producer's, or one routed to
     * its queue by mistake): acknowledged and counted, nothing applied.
     */
    UNHANDLED
}
