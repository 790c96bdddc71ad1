package io.microshop.main.like;

import io.microshop.main.product.Product;
import io.microshop.main.product.ProductView;
import io.microshop.event.ProductLiked;
import io.microshop.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Records likes. A like is one transaction: lock the product row, add the (product, user) row,
 * raise the count by one, and put the like's event in the outbox for admin. The row lock orders
 * concurrent likes of one product, so none is lost or counted twice (and each event's version,
 * the new count, is unique), and the unique (product, user) key turns a second like into
 * "already liked".
 */
@ApplicationScoped
public class Likes {

    public enum Outcome { LIKED, ALREADY_LIKED, NO_SUCH_PRODUCT }

    public record Result(Outcome outcome, Optional<ProductView> product) {
    }

    @PersistenceContext(unitName = "main")
    EntityManager entities;

    @Inject
    Outbox outbox;

    @Transactional
    public Result record(long productId, long userId) {
        Product product = entities.find(Product.class, productId, LockModeType.PESSIMISTIC_WRITE);
        if (product == null) {
            return new Result(Outcome.NO_SUCH_PRODUCT, Optional.empty());
        }
        int added = entities.createNativeQuery("INSERT IGNORE INTO product_likes (product_id, user_id) VALUES (?1, ?2)")
                .setParameter(1, productId).setParameter(2, userId).executeUpdate();
        if (added == 0) {
            return new Result(Outcome.ALREADY_LIKED, Optional.of(product.view()));
        }
        entities.createNativeQuery("UPDATE products SET likes = likes + 1 WHERE id = ?1")
                .setParameter(1, productId).executeUpdate();
        ProductView liked = product.view().withOneMoreLike();
        outbox.append(entities, ProductLiked.now(productId, userId, liked.likes()));
        return new Result(Outcome.LIKED, Optional.of(liked));
    }
}
