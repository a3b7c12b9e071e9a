package io.airlog.jdbc.internal;

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
