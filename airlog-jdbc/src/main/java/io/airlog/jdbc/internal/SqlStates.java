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
