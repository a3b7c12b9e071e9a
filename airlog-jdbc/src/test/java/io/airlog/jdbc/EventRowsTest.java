package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.ChainPosition;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.jdbc.internal.EventRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventRowsTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventWithEveryFieldSetReadsBackEqualAndVerified(TestDatabase db) throws Exception {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("text", "ü€𝄞 \"quoted\" \\ \n\t");
        context.put("big", 9_007_199_254_740_993.0);
        context.put("long", 9_007_199_254_740_992L);
        context.put("decimal", 0.1);
        context.put("list", Arrays.asList(1, null, false, List.of()));
        context.put("nested", Map.of("deep", Map.of("x", "y")));
        AuditEvent event = new AuditDraft(UUID.randomUUID(), Instant.ofEpochSecond(1_700_000_000L, 123_456_789),
                "document.update", new Principal("ålice", AuthMethod.OIDC, Map.of("roles", List.of("a", "b"))),
                "Document", "42", Outcome.DENIED, "req-1", context).seal("log-ü", 1, ChainPosition.GENESIS);

        assertThat(roundTrip(db, event)).isEqualTo(event).satisfies(e -> assertThat(e.verify()).isTrue());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nullableFieldsReadBackAsNull(TestDatabase db) throws Exception {
        AuditEvent event = new AuditDraft(UUID.randomUUID(), Instant.ofEpochSecond(5), "login",
                Principal.anonymous(), null, null, Outcome.SUCCESS, null, Map.of())
                .seal("log", 1, ChainPosition.GENESIS);

        AuditEvent read = roundTrip(db, event);

        assertThat(read).isEqualTo(event);
        assertThat(read.resource()).isNull();
        assertThat(read.resourceId()).isNull();
        assertThat(read.correlationId()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void timestampsKeepEveryNanosecondIncludingBeforeTheEpoch(TestDatabase db) throws Exception {
        List<Instant> times = List.of(Instant.ofEpochSecond(1_700_000_000L, 1), Instant.ofEpochSecond(-1, 999_999_999),
                Instant.ofEpochSecond(9_223_372_035L, 999_999_999), Instant.ofEpochSecond(-9_223_372_035L, 1));
        try (Stored stored = Stored.create(db)) {
            List<AuditEvent> events = new ArrayList<>();
            ChainPosition head = ChainPosition.EMPTY;
            for (Instant time : times) {
                AuditEvent event = new AuditDraft(UUID.randomUUID(), time, "tick", Principal.anonymous(), null, null,
                        Outcome.SUCCESS, null, Map.of()).seal("log", head.nextSequence(), head.lastChecksum());
                events.add(event);
                head = event.position();
            }
            stored.insert(events);
            assertThat(stored.readAll()).extracting(AuditEvent::timestamp).containsExactlyElementsOf(times);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void uppercaseEventIdIsRejectedNamingTheColumn(TestDatabase db) throws Exception {
        try (Stored stored = Stored.create(db)) {
            AuditEvent event = TestEvents.one();
            stored.insert(List.of(event));
            stored.execute("UPDATE " + stored.tables.event() + " SET event_id = '"
                    + event.eventId().toString().toUpperCase() + "'");
            assertThatThrownBy(stored::readAll).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("column event_id").hasMessageContaining("lowercase canonical form");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void contextThatIsNotCanonicalJsonIsRejectedNamingTheColumn(TestDatabase db) throws Exception {
        try (Stored stored = Stored.create(db)) {
            stored.insert(List.of(TestEvents.one()));
            stored.execute("UPDATE " + stored.tables.event() + " SET context = '{ \"k\": 1 }'");
            assertThatThrownBy(stored::readAll).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column context does not hold canonical JSON (RFC 8785)");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void metadataThatIsNotJsonIsRejectedNamingTheColumn(TestDatabase db) throws Exception {
        try (Stored stored = Stored.create(db)) {
            stored.insert(List.of(TestEvents.one()));
            stored.execute("UPDATE " + stored.tables.event() + " SET principal_metadata = 'nope'");
            assertThatThrownBy(stored::readAll).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("column principal_metadata: invalid JSON");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unknownOutcomeIsRejectedNamingTheColumn(TestDatabase db) throws Exception {
        try (Stored stored = Stored.create(db)) {
            stored.insert(List.of(TestEvents.one()));
            stored.execute("UPDATE " + stored.tables.event() + " SET outcome = 'success'");
            assertThatThrownBy(stored::readAll).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column outcome: 'success' is not a Outcome");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rowsAreWrittenWithEncodingVersionOne(TestDatabase db) throws Exception {
        try (Stored stored = Stored.create(db)) {
            stored.insert(List.of(TestEvents.one()));
            try (Statement st = stored.c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT encoding FROM " + stored.tables.event())) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRowOfAnotherEncodingVersionIsRejectedNamingTheColumnAndVersion(TestDatabase db) throws Exception {
        try (Stored stored = Stored.create(db)) {
            stored.insert(List.of(TestEvents.one()));
            stored.execute("UPDATE " + stored.tables.event() + " SET encoding = 2");
            assertThatThrownBy(stored::readAll).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("column encoding: the row is in encoding version 2")
                    .hasMessageContaining("reads version 1 only");
        }
    }

    private static AuditEvent roundTrip(TestDatabase db, AuditEvent event) throws SQLException {
        try (Stored stored = Stored.create(db)) {
            stored.insert(List.of(event));
            List<AuditEvent> all = stored.readAll();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** Events for tests. */
    static final class TestEvents {
        static AuditEvent one() {
            return new AuditDraft(UUID.randomUUID(), Instant.ofEpochSecond(7, 8), "x", Principal.anonymous(), "R",
                    "1", Outcome.SUCCESS, "c", Map.of("k", 1)).seal("log", 1, ChainPosition.GENESIS);
        }
    }

    /** An event table on one database, its triggers off (rows are edited to test reading). */
    private static final class Stored implements AutoCloseable {
        final Fixture fixture;
        final TableNames tables;
        final Connection c;

        private Stored(TestDatabase db) throws SQLException {
            fixture = Fixture.created(db);
            tables = fixture.tables;
            c = fixture.connect();
            fixture.disableInsertOnly(c);
        }

        static Stored create(TestDatabase db) throws SQLException {
            return new Stored(db);
        }

        void insert(List<AuditEvent> events) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(EventRows.insertSql(tables))) {
                for (AuditEvent event : events) {
                    EventRows.bind(ps, event);
                    ps.executeUpdate();
                }
            }
        }

        List<AuditEvent> readAll() throws SQLException {
            List<AuditEvent> events = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + EventRows.COLUMNS + " FROM " + tables.event()
                         + " ORDER BY seq")) {
                while (rs.next()) {
                    events.add(EventRows.read(rs));
                }
            }
            return events;
        }

        void execute(String sql) throws SQLException {
            TestChains.execute(c, sql);
        }

        @Override
        public void close() throws SQLException {
            c.close();
            fixture.close();
        }
    }
}
