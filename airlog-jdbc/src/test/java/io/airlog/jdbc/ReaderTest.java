package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditIntegrityException;
import io.airlog.AuditQuery;
import io.airlog.AuthMethod;
import io.airlog.ChainPosition;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.WriteMode;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Queries and replay of {@link JdbcAuditStream}: every filter and the paging run in SQL. */
class ReaderTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int EVENTS = 60;

    /** Event {@code i} (0-based; sequence i + 1) of the test log, each field cycling on its own period. */
    private static AuditDraft draft(int i) {
        return AuditDraft.builder(i % 3 == 0 ? "doc.read" : "doc.write")
                .timestamp(T0.plusSeconds(i).plusNanos(i))
                .principal(Principal.of("user-" + (i % 4), AuthMethod.PASSWORD))
                .resource(i % 5 == 0 ? "Folder" : "Document", i % 7 == 0 ? null : "id-" + (i % 6))
                .outcome(Outcome.values()[i % Outcome.values().length])
                .correlationId(i % 8 == 0 ? null : "corr-" + (i % 9))
                .put("i", i)
                .build();
    }

    private static JdbcAuditStream filled(Fixture fixture) {
        JdbcAuditStream stream = JdbcAuditStream.builder(fixture.dataSource).tablePrefix(fixture.tables.prefix())
                .logId("reader").build();
        for (int i = 0; i < EVENTS; i++) {
            stream.record(draft(i));
        }
        // Another log in the same table, which no query of "reader" may return.
        try (JdbcAuditStream other = JdbcAuditStream.builder(fixture.dataSource)
                .tablePrefix(fixture.tables.prefix()).logId("other").build()) {
            for (int i = 0; i < 10; i++) {
                other.record(draft(i));
            }
        }
        return stream;
    }

    private static List<AuditQuery> queries() {
        List<AuditQuery> queries = new ArrayList<>();
        queries.add(AuditQuery.builder().sequences(10, 20).build());
        queries.add(AuditQuery.builder().sequences(55, 1000).build());
        queries.add(AuditQuery.builder().between(T0.plusSeconds(5), T0.plusSeconds(9).plusNanos(9)).build());
        queries.add(AuditQuery.builder().between(Instant.MIN, Instant.MAX).build());
        queries.add(AuditQuery.builder().between(T0.plusSeconds(30), T0.plusSeconds(20)).build());
        queries.add(AuditQuery.builder().subject("user-2").build());
        queries.add(AuditQuery.builder().action("doc.read").build());
        queries.add(AuditQuery.builder().resource("Folder").build());
        queries.add(AuditQuery.builder().resourceId("id-3").build());
        queries.add(AuditQuery.builder().outcome(Outcome.DENIED).build());
        queries.add(AuditQuery.builder().correlationId("corr-4").build());
        queries.add(AuditQuery.builder().subject("user-1").action("doc.write").outcome(Outcome.SUCCESS).build());
        queries.add(AuditQuery.builder().resource("Document").resourceId("id-1").correlationId("corr-1")
                .sequences(1, 40).build());
        queries.add(AuditQuery.builder().subject("nobody").build());
        queries.add(AuditQuery.builder().action("doc.write").offset(5).limit(7).build());
        queries.add(AuditQuery.builder().offset(58).limit(5).build());
        return queries;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyFilterAndPageReturnsWhatTheQueryMatchesInSequenceOrder(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream stream = filled(fixture)) {
            assertEveryQueryReturnsWhatItMatches(fixture, stream);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyFilterAndPageReturnsTheSameWithoutTheSecondaryIndexesOfTheWriteProfile(TestDatabase db)
            throws Exception {
        try (Fixture fixture = Fixture.created(db, IndexProfile.WRITE); JdbcAuditStream stream = filled(fixture)) {
            assertEveryQueryReturnsWhatItMatches(fixture, stream);
        }
    }

    private static void assertEveryQueryReturnsWhatItMatches(Fixture fixture, JdbcAuditStream stream)
            throws Exception {
        List<AuditEvent> all = StoredLog.assertIntact(fixture, "reader", EVENTS);
        for (AuditQuery query : queries()) {
            List<AuditEvent> expected = all.stream().filter(query::matches).skip(query.offset())
                    .limit(query.limit()).collect(Collectors.toList());
            assertThat(stream.find(query)).as("%s", query).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void timeRangeIncludesItsStartAndExcludesItsEnd(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream stream = filled(fixture)) {
            Instant third = T0.plusSeconds(2).plusNanos(2);
            Instant fifth = T0.plusSeconds(4).plusNanos(4);
            assertThat(stream.find(AuditQuery.builder().between(third, fifth).build()))
                    .extracting(AuditEvent::sequence).containsExactly(3L, 4L);
            assertThat(stream.find(AuditQuery.builder().between(third, fifth.plusNanos(1)).build()))
                    .extracting(AuditEvent::sequence).containsExactly(3L, 4L, 5L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pagesFollowEachOtherWithoutOverlap(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream stream = filled(fixture)) {
            List<Long> seen = new ArrayList<>();
            for (int page = 0; page < 7; page++) {
                stream.find(AuditQuery.builder().offset(page * 10L).limit(10).build())
                        .forEach(e -> seen.add(e.sequence()));
            }
            assertThat(seen).hasSize(EVENTS).isSorted().doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void replayStreamsVerifiedEventsAcrossPagesInOrder(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db);
             JdbcAuditStream stream = JdbcAuditStream.builder(fixture.dataSource)
                     .tablePrefix(fixture.tables.prefix()).logId("long").writeMode(WriteMode.ASYNC).build()) {
            List<CompletableFuture<AuditEvent>> results = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                results.add(stream.recordAsync(AuditDraft.builder("long").put("i", i).build()).toCompletableFuture());
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
            try (Stream<AuditEvent> replay = stream.replay(1, Long.MAX_VALUE)) {
                List<Long> sequences = replay.map(AuditEvent::sequence).collect(Collectors.toList());
                assertThat(sequences).hasSize(2500).isSorted().doesNotHaveDuplicates();
                assertThat(sequences.get(0)).isEqualTo(1);
            }
            try (Stream<AuditEvent> replay = stream.replay(999, 1001)) {
                assertThat(replay.map(AuditEvent::sequence)).containsExactly(999L, 1000L, 1001L);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void replayIsCappedAtTheHeadAndEmptyBeyondIt(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream stream = filled(fixture)) {
            try (Stream<AuditEvent> replay = stream.replay(58, 100)) {
                assertThat(replay.map(AuditEvent::sequence)).containsExactly(58L, 59L, 60L);
            }
            try (Stream<AuditEvent> replay = stream.replay(61, 100)) {
                assertThat(replay).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void replayStopsAtAnAlteredRow(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream stream = filled(fixture);
             Connection c = fixture.connect()) {
            fixture.disableInsertOnly(c);
            TestChains.execute(c, "UPDATE " + fixture.tables.event() + " SET action = 'doc.delete'"
                    + " WHERE log_id = 'reader' AND seq = 30");
            try (Stream<AuditEvent> replay = stream.replay(1, 60)) {
                assertThatThrownBy(() -> replay.forEach(e -> { }))
                        .isInstanceOfSatisfying(AuditIntegrityException.class,
                                e -> assertThat(e.sequence()).isEqualTo(30));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRowThatIsNoEventIsReportedAsDamageAtItsSequence(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream stream = filled(fixture);
             Connection c = fixture.connect()) {
            fixture.disableInsertOnly(c);
            TestChains.execute(c, "UPDATE " + fixture.tables.event() + " SET outcome = 'MAYBE'"
                    + " WHERE log_id = 'reader' AND seq = 12");
            assertThatThrownBy(() -> stream.find(AuditQuery.builder().sequences(10, 14).build()))
                    .isInstanceOfSatisfying(AuditIntegrityException.class, e -> {
                        assertThat(e.sequence()).isEqualTo(12);
                        assertThat(e).hasMessageContaining("outcome");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void headIsTheCommittedPosition(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream stream = filled(fixture)) {
            AuditEvent last = stream.find(AuditQuery.builder().sequences(EVENTS, EVENTS).build()).get(0);
            assertThat(stream.head()).isEqualTo(new ChainPosition(EVENTS, last.checksum()));
        }
    }
}
