package io.microshop.main.like;

import java.util.Optional;

/** Who likes: a signed-in shopper (the token's subject), or, where allowed, nobody in particular. */
public record Liker(Optional<String> subject) {

    public static Liker signedIn(String subject) {
        return new Liker(Optional.of(subject));
    }

    public static Liker anonymous() {
        return new Liker(Optional.empty());
    }
}
