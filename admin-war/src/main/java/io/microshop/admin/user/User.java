package io.microshop.admin.user;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user who can like products. The changelog seeds users 1 to 100. */
@Entity
@Table(name = "users")
public class User {

    @Id
    private Long id;

    protected User() {
    }
}
