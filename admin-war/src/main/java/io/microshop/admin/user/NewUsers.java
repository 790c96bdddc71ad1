package io.microshop.admin.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Creates the user of a subject seen for the first time. Safe when two first likes of one person
 * arrive at once: the unique subject makes the second insert find the first one's row.
 */
@ApplicationScoped
public class NewUsers {

    @PersistenceContext(unitName = "admin")
    EntityManager entities;

    @Transactional
    public long create(String subject) {
        entities.createNativeQuery("INSERT INTO users (subject) VALUES (?1) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)")
                .setParameter(1, subject).executeUpdate();
        return ((Number) entities.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    }
}
