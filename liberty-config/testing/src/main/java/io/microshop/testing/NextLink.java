package io.microshop.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code rel="next"} target of a {@code Link} header, as the paged product lists write it. */
public final class NextLink {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private NextLink() {
    }

    public static Optional<String> of(String linkHeader) {
        Matcher next = NEXT.matcher(linkHeader);
        return next.find() ? Optional.of(next.group(1)) : Optional.empty();
    }
}
