package io.microshop.admin.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The shop's users: the seeded ones, who like anonymously (when main allows it), and one per
 * signed-in person, created the first time main asks for that person's subject.
 */
@ApplicationScoped
public class UserDirectory {

    @PersistenceContext(unitName = "admin")
    EntityManager entities;

    @Inject
    NewUsers newUsers;

    static final int REMEMBERED = 10_000;

    private final Map<String, Long> known = new ConcurrentHashMap<>();

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
     * The user of this subject, created if there is none yet. Asked before every like, and nearly
     * always about a person seen before: a subject's user never changes and users are never
     * deleted, so an answer once read is remembered (up to {@value #REMEMBERED} subjects, then
     * they are forgotten all at once); otherwise the lookup runs without a transaction (no begin,
     * no commit), and only a first sight writes.
     */
    public long forSubject(String subject) {
        Long remembered = known.get(subject);
        if (remembered != null) {
            return remembered;
        }
        List<Long> found = entities.createQuery("SELECT u.id FROM User u WHERE u.subject = :subject", Long.class)
                .setParameter("subject", subject).getResultList();
        long user = found.isEmpty() ? newUsers.create(subject) : found.get(0);
        if (known.size() >= REMEMBERED) {
            known.clear();
        }
        known.put(subject, user);
        return user;
    }
}
