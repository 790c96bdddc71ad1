package io.microshop.main.like;

import io.microshop.main.product.ProductView;
import io.microshop.main.product.Storefront;
import io.microshop.main.user.AdminUnavailableException;
import io.microshop.main.user.AdminUsers;
import io.microshop.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * A shopper likes a product: the product must exist here, admin gives the shopper's user (or, for
 * an anonymous like, picks one), and then the like is recorded. Admin is asked before the
 * transaction, so no database lock is held while waiting on the network.
 */
@ApplicationScoped
public class LikeService {

    private static final Logger LOG = Logger.getLogger(LikeService.class.getName());

    @Inject
    Storefront storefront;

    @Inject
    AdminUsers users;

    @Inject
    Likes likes;

    @Inject
    @ConfigProperty(name = "admin.circuit-delay-ms")
    long circuitDelayMillis;

    public ProductView like(long productId, Liker liker) {
        if (storefront.find(productId).isEmpty()) {
            throw ProblemException.notFound("product", productId);
        }
        long userId = userOf(liker);
        Likes.Result result = likes.record(productId, userId);
        LOG.fine(() -> "Like of product " + productId + " by user " + userId + ": " + result.outcome());
        return switch (result.outcome()) {
            case LIKED -> result.product().orElseThrow();
            case ALREADY_LIKED -> throw new AlreadyLikedException(productId, userId);
            case NO_SUCH_PRODUCT -> throw ProblemException.notFound("product", productId);
        };
    }

    private long userOf(Liker liker) {
        try {
            return liker.subject().isPresent() ? users.userOf(liker.subject().get()) : users.anyone();
        } catch (CircuitBreakerOpenException e) {
            throw new AdminUnavailableException("admin failed repeatedly, not asking for a while",
                    Math.max(1, Duration.ofMillis(circuitDelayMillis).toSeconds()));
        } catch (FaultToleranceException e) {
            throw new AdminUnavailableException("admin did not answer in time", 1);
        } catch (WebApplicationException e) {
            throw new AdminUnavailableException("admin answered " + e.getResponse().getStatus(), 1);
        } catch (ProcessingException e) {
            throw new AdminUnavailableException("admin cannot be reached", 1);
        }
    }
}
