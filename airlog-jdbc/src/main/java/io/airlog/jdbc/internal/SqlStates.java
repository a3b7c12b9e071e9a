package io.airlog.jdbc.internal;

import io.airlog.spi.batch.BatchFailure;
import java.sql.SQLException;

/** Classification of {@link SQLException}s by SQLSTATE, looking through chained exceptions. */
final class SqlStates {
    private SqlStates() {
    }

    /** A unique or primary key violation. */
    static boolean isDuplicate(SQLException e) {
        return any(e, state -> state.equals("23505") || state.equals("23000"));
    }

    /** Any integrity constraint violation (SQLSTATE class 23). */
    static boolean isIntegrityViolation(SQLException e) {
        return any(e, state -> state.startsWith("23"));
    }

    /** The database rolled the transaction back to break a deadlock or a serialisation conflict (class 40). */
    static boolean isTransactionRollback(SQLException e) {
        return any(e, state -> state.startsWith("40"));
    }

    /**
     * Whether a statement run in auto-commit certainly took no effect: the database answered it
     * with an error that ends the statement. Connection errors (class 08), operator
     * intervention (57: the server may end the session after the statement's commit, before
     * its reply), resources (53), system and internal errors (58, XX), and failures without a
     * SQLSTATE leave the outcome unknown.
     */
    static boolean refusedStatement(SQLException e) {
        String state = e.getSQLState();
        if (state == null || state.length() != 5) {
            return false;
        }
        return switch (state.substring(0, 2)) {
            case "08", "53", "57", "58", "XX" -> false;
            default -> true;
        };
    }

    /**
     * A rolled-back batch, of the kind its cause says: {@link BatchFailure.Kind#CONFLICT} for an
     * integrity violation, {@link BatchFailure.Kind#TRANSIENT} for a deadlock or serialisation
     * conflict, else {@link BatchFailure.Kind#ROLLED_BACK}.
     */
    static BatchFailure rolledBack(String message, Throwable cause) {
        BatchFailure.Kind kind = BatchFailure.Kind.ROLLED_BACK;
        if (cause instanceof SQLException sql) {
            if (isIntegrityViolation(sql)) {
                kind = BatchFailure.Kind.CONFLICT;
            } else if (isTransactionRollback(sql)) {
                kind = BatchFailure.Kind.TRANSIENT;
            }
        }
        return BatchFailure.of(kind, message, cause);
    }

    private static boolean any(SQLException e, java.util.function.Predicate<String> test) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null && test.test(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
