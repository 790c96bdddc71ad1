package io.microshop.event;

/**
 * A change of a product in admin's catalogue, ordered by the product's version: admin raises it
 * with every change (create 1, each update +1, the delete +1). Applying the newest version is
 * right whatever arrived before it.
 */
public sealed interface ProductEvent extends Event permits ProductCreated, ProductUpdated, ProductDeleted {
}
