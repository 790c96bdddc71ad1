package io.microshop.admin.product;

import io.microshop.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue's use cases, each one transaction that also writes its event to the outbox.
 * Changes lock the product row, so the versions of one product's events follow commit order.
 * An unknown id is an empty result, not an exception: Liberty records every exception that
 * leaves a transaction as an FFDC incident.
 */
@ApplicationScoped
public class ProductCatalog {

    @PersistenceContext(unitName = "admin")
    EntityManager entities;

    @Inject
    Outbox outbox;

    public List<ProductView> page(long afterId, int limit) {
        return entities.createQuery("SELECT new io.microshop.admin.product.ProductView(p.id, p.title, p.image, p.likes)"
                        + " FROM Product p WHERE p.id > :after ORDER BY p.id", ProductView.class)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    public Optional<ProductView> find(long id) {
        return Optional.ofNullable(entities.find(Product.class, id)).map(Product::view);
    }

    @Transactional
    public ProductView create(ProductInput input) {
        Product product = new Product(input);
        entities.persist(product);
        entities.flush();
        outbox.append(entities, product.created());
        return product.view();
    }

    @Transactional
    public Optional<ProductView> update(long id, ProductInput input) {
        Product product = entities.find(Product.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (product == null) {
            return Optional.empty();
        }
        product.revise(input);
        entities.flush();
        outbox.append(entities, product.updated());
        return Optional.of(product.view());
    }

    /** @return false if there was no such product */
    @Transactional
    public boolean delete(long id) {
        Product product = entities.find(Product.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (product == null) {
            return false;
        }
        entities.remove(product);
        outbox.append(entities, product.deleted());
        return true;
    }
}
