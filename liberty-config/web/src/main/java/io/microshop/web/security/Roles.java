package io.microshop.web.security;

/** The realm roles of the shop's identity provider (kubernetes/base/identity/microshop-realm.json). */
public final class Roles {

    /** Creates, changes and deletes products in admin. */
    public static final String CATALOG_ADMIN = "catalog-admin";
    /** Likes products in the storefront, as themselves. */
    public static final String SHOPPER = "shopper";
    /** Maps a signed-in shopper to the shop's user in admin: main's own identity. */
    public static final String USER_DIRECTORY = "user-directory";
    /** The realm named in the {@code WWW-Authenticate} challenges. */
    public static final String REALM = "microshop";

    private Roles() {
    }
}
