package io.microshop.testing;

/** The system properties the build gives the tests (see the root pom.xml): where their servers, database and broker are. */
public final class TestProperties {

    private TestProperties() {
    }

    public static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; run the tests with Maven"
                    + " (scripts/test.sh)");
        }
        return value;
    }
}
