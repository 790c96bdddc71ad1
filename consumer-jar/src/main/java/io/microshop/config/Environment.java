package io.microshop.config;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of a plain-Java process, read from environment variables with local defaults, like
 * the services' MicroProfile Config. A malformed value fails fast with the variable's name.
 */
public final class Environment {

    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    public String text(String name, String defaultValue) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    public int integer(String name, int defaultValue) {
        String value = text(name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    public int positive(String name, int defaultValue) {
        int value = integer(name, defaultValue);
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be a positive whole number, not " + value);
        }
        return value;
    }

    public Duration seconds(String name, int defaultSeconds) {
        int value = integer(name, defaultSeconds);
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, not " + value);
        }
        return Duration.ofSeconds(value);
    }
}
