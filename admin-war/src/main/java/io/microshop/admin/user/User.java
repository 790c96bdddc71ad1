package io.microshop.admin.user;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user who can like products: one of the seeded users 1 to 100 (no subject), or a signed-in
 * person, known by the identity provider's subject.
 */
@Entity
@Table(name = "users")
public class User {

    @Id
    private Long id;

    private String subject;

    protected User() {
    }
}
