package io.microshop.admin.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

@ApplicationScoped
public class UserDirectory {

    @PersistenceContext(unitName = "admin")
    EntityManager entities;

    public boolean exists(long id) {
        return !entities.createQuery("SELECT u.id FROM User u WHERE u.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    /** Any existing user, each equally likely; empty when there are none. */
    public Optional<Long> anyone() {
        long count = entities.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
        if (count == 0) {
            return Optional.empty();
        }
        int offset = (int) ThreadLocalRandom.current().nextLong(count);
        List<Long> ids = entities.createQuery("SELECT u.id FROM User u ORDER BY u.id", Long.class)
                .setFirstResult(offset).setMaxResults(1).getResultList();
        return ids.stream().findFirst();
    }
}
