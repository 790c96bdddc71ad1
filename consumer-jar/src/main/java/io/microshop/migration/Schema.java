package io.microshop.migration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The databases the shop owns, each with one Liquibase changelog. */
public enum Schema {
    ADMIN, MAIN;

    public String databaseName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String changelog() {
        return "db/" + databaseName() + "/changelog.xml";
    }

    public static Optional<Schema> named(String name) {
        return Arrays.stream(values()).filter(s -> s.databaseName().equals(name)).findFirst();
    }
}
