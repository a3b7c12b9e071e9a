package io.airlog.jdbc;

import io.airlog.AuditEvent;
import io.airlog.AuditStream;
import io.airlog.WriteMode;
import io.airlog.jdbc.internal.EventRows;
import io.airlog.testkit.AuditStreamContract;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The backend contract of airlog-core, run by {@link JdbcAuditStream} on each database. */
class JdbcAuditStreamContractTest {

    @Nested
    class OnH2 extends JdbcContract {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgresql extends JdbcContract {
        OnPostgresql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariadb extends JdbcContract {
        OnMariadb() {
            super(TestDatabase.MARIADB);
        }
    }

    /** Each test gets its own tables; the stream is read back with plain SQL in sequence order. */
    abstract static class JdbcContract extends AuditStreamContract {
        private final Fixture fixture;

        JdbcContract(TestDatabase db) {
            this.fixture = Fixture.created(db);
        }

        @AfterEach
        void dropTables() throws Exception {
            fixture.close();
        }

        @Override
        protected AuditStream openStream(String logId) {
            return JdbcAuditStream.builder(fixture.dataSource).logId(logId).tablePrefix(fixture.tables.prefix())
                    .writeMode(WriteMode.ASYNC).build();
        }

        @Override
        protected List<AuditEvent> readBack(String logId) throws Exception {
            List<AuditEvent> events = new ArrayList<>();
            try (Connection c = fixture.connect();
                 PreparedStatement ps = c.prepareStatement("SELECT " + EventRows.COLUMNS + " FROM "
                         + fixture.tables.event() + " WHERE log_id = ? ORDER BY seq")) {
                ps.setString(1, logId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(EventRows.read(rs));
                    }
                }
            }
            return events;
        }
    }
}
