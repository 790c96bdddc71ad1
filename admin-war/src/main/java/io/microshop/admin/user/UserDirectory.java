package io.microshop.admin.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The shop's users: the seeded ones, who like anonymously (when main allows it), and one per
 * signed-in person, created the first time main asks for that person's subject.
 */
@ApplicationScoped
public class UserDirectory {

    @PersistenceContext(unitName = "admin")
    EntityManager entities;

    /** Any seeded user (one without a subject), each equally likely; empty when there are none. */
    public Optional<Long> anyone() {
        long count = entities.createQuery("SELECT COUNT(u) FROM User u WHERE u.subject IS NULL", Long.class)
                .getSingleResult();
        if (count == 0) {
            return Optional.empty();
        }
        int offset = (int) ThreadLocalRandom.current().nextLong(count);
        List<Long> ids = entities.createQuery("SELECT u.id FROM User u WHERE u.subject IS NULL ORDER BY u.id", Long.class)
                .setFirstResult(offset).setMaxResults(1).getResultList();
        return ids.stream().findFirst();
    }

    /**
     * The user of this subject, created if there is none yet. Safe when two first likes of one
     * person arrive at once: the unique subject makes the second insert find the first one's row.
     */
    @Transactional
    public long forSubject(String subject) {
        List<Long> known = entities.createQuery("SELECT u.id FROM User u WHERE u.subject = :subject", Long.class)
                .setParameter("subject", subject).getResultList();
        if (!known.isEmpty()) {
            return known.get(0);
        }
        entities.createNativeQuery("INSERT INTO users (subject) VALUES (?1) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)")
                .setParameter(1, subject).executeUpdate();
        return ((Number) entities.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    }
}
