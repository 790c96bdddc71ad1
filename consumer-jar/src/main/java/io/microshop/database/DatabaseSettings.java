package io.microshop.database;

import io.microshop.config.Environment;

/**
 * Where a process finds its database: the same DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD
 * and DB_SSL_MODE variables the Liberty servers read.
 */
public record DatabaseSettings(String host, int port, String name, String user, String password, String sslMode) {

    public static DatabaseSettings from(Environment env, String defaultName) {
        return new DatabaseSettings(
                env.text("DB_HOST", "127.0.0.1"),
                env.integer("DB_PORT", 3306),
                env.text("DB_NAME", defaultName),
                env.text("DB_USER", "shop"),
                env.text("DB_PASSWORD", "shop"),
                env.text("DB_SSL_MODE", "PREFERRED"));
    }

    public String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/" + name
                + "?sslMode=" + sslMode
                + "&connectTimeout=5000&socketTimeout=60000"
                + "&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&rewriteBatchedStatements=true&allowMultiQueries=false"
                // Affected, not matched, rows: an event that changes nothing counts as stale.
                + "&useAffectedRows=true";
    }

    /** For messages: where, never the password. */
    public String describe() {
        return "database '" + name + "' at " + host + ":" + port + " as '" + user + "'";
    }
}
