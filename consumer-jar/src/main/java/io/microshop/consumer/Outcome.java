package io.microshop.consumer;

/** What applying one event did to the consumer's database. */
public enum Outcome {
    /** The change is in the database now. */
    APPLIED,
    /** The database already holds a newer version of the product: nothing to do. */
    STALE,
    /** A like for a product this database no longer has: acknowledged and counted, not applied. */
    ORPHAN,
    /** The event id is in the inbox already: a redelivery, nothing to do. */
    DUPLICATE
}
