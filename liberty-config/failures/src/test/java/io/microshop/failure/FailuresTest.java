package io.microshop.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void connectionExceptionsAnywhereInTheCausesMeanTheDatabaseIsUnreachable() {
        assertTrue(Failures.databaseUnreachable(new SQLTransientConnectionException("pool timeout")));
        assertTrue(Failures.databaseUnreachable(new SQLNonTransientConnectionException("refused")));
        assertTrue(Failures.databaseUnreachable(new SQLRecoverableException("link failure")));
        assertTrue(Failures.databaseUnreachable(new RuntimeException("wrapped",
                new IllegalStateException("again", new SQLException("Communications link failure", "08S01")))));
    }

    @Test
    void otherDatabaseErrorsAreFaultsNotOutages() {
        assertFalse(Failures.databaseUnreachable(new SQLSyntaxErrorException("bad SQL", "42000")));
        assertFalse(Failures.databaseUnreachable(new SQLIntegrityConstraintViolationException("duplicate", "23000")));
        assertFalse(Failures.databaseUnreachable(new SQLException("no state")));
        assertFalse(Failures.databaseUnreachable(new IOException("not a database error")));
    }

    @Test
    void aSelfCausedExceptionDoesNotLoop() {
        SQLException odd = new SQLException("odd", "42000") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        assertFalse(Failures.databaseUnreachable(odd));
    }

    @Test
    void descriptionsAreOneLineWithTheRootCause() {
        assertEquals("first", Failures.firstLine(new IOException("first\nsecond\n\tat x.y(Z.java:1)")));
        assertEquals("IOException", Failures.firstLine(new IOException()));
        assertEquals("IllegalStateException: migration failed (cause: SQLException: Access denied)",
                Failures.describe(new IllegalStateException("migration failed",
                        new RuntimeException(new SQLException("Access denied\nmore")))));
        assertEquals("IOException: broken", Failures.describe(new IOException("broken")));
    }
}
