package io.microshop.failure;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * What the shop's processes need to know about a failure: whether it means the database cannot
 * be reached (an outage to wait out: the services answer 503, the consumers hold their messages),
 * and a one-line description of it for a log line or a message.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * True when the failure or one of its causes is a lost or refused database connection: a
     * connection exception of JDBC's hierarchy, or SQLState class 08 from a driver that does not map
     * its errors to that hierarchy.
     */
    public static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The first line of the failure's message, or its class name when it has none. */
    public static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        String line = message == null ? "" : message.lines().findFirst().orElse("").strip();
        return line.isEmpty() ? failure.getClass().getSimpleName() : line;
    }

    /** The failure in one line, with its root cause when that is another exception: for logs and messages. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String described = failure.getClass().getSimpleName() + ": " + firstLine(failure);
        return root == failure ? described : described + " (cause: " + root.getClass().getSimpleName() + ": "
                + firstLine(root) + ")";
    }
}
