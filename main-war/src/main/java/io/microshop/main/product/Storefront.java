package io.microshop.main.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** What shoppers read: the products main holds, with the likes it counted. */
@ApplicationScoped
public class Storefront {

    @PersistenceContext(unitName = "main")
    EntityManager entities;

    public List<ProductView> page(long afterId, int limit) {
        return entities.createQuery("SELECT new io.microshop.main.product.ProductView(p.id, p.title, p.image, p.likes)"
                        + " FROM Product p WHERE p.id > :after ORDER BY p.id", ProductView.class)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    public Optional<ProductView> find(long id) {
        return Optional.ofNullable(entities.find(Product.class, id)).map(Product::view);
    }
}
