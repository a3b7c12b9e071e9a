package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.WriteMode;
import io.airlog.spi.batch.WriterStatistics;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Batches that fail for real, because a table the transaction needs is gone (renamed by an
 * operator mid-run): their callers get an {@link AuditException}, the log is unchanged, and
 * the next batch continues from the committed head.
 */
class FailedBatchTest {

    private static JdbcAuditStream.Builder builder(Fixture fixture) {
        return JdbcAuditStream.builder(fixture.dataSource).tablePrefix(fixture.tables.prefix()).logId("failing");
    }

    private static void rename(Fixture fixture, String from, String to) throws Exception {
        try (Connection c = fixture.connect()) {
            TestChains.execute(c, "ALTER TABLE " + from + " RENAME TO " + to);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void callersOfABatchThatCannotLockTheHeadGetAnAuditException(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream stream = builder(fixture).build()) {
            AuditEvent before = null;
            for (int i = 0; i < 3; i++) {
                before = stream.record(AuditDraft.builder("before"));
            }
            String away = fixture.tables.prefix() + "head_away";
            rename(fixture, fixture.tables.head(), away);
            try {
                assertThatThrownBy(() -> stream.record(AuditDraft.builder("during")))
                        .isInstanceOf(AuditException.class).hasMessageContaining("could not store")
                        .hasMessageContaining("the log is unchanged");
                assertThat(stream.health().up()).isFalse();
            } finally {
                rename(fixture, away, fixture.tables.head());
            }
            AuditEvent after = stream.record(AuditDraft.builder("after"));
            assertThat(after.sequence()).isEqualTo(4);
            assertThat(after.follows(before)).isTrue();
            assertThat(stream.health().up()).isTrue();
            StoredLog.assertIntact(fixture, "failing", 4);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void batchesThatCannotInsertFailEveryCallerAndLeaveTheHeadWhereItWas(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db);
             JdbcAuditStream stream = builder(fixture).writeMode(WriteMode.ASYNC).build()) {
            for (int i = 0; i < 3; i++) {
                stream.record(AuditDraft.builder("before"));
            }
            String away = fixture.tables.prefix() + "event_away";
            rename(fixture, fixture.tables.event(), away);
            List<CompletableFuture<AuditEvent>> during = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    during.add(stream.recordAsync(AuditDraft.builder("during").build()).toCompletableFuture());
                }
                CompletableFuture.allOf(during.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            } finally {
                rename(fixture, away, fixture.tables.event());
            }
            assertThat(during).allSatisfy(f -> assertThatThrownBy(f::join).hasCauseInstanceOf(AuditException.class));
            assertThat(stream.head().size()).isEqualTo(3);
            WriterStatistics stats = stream.statistics();
            assertThat(stats.failedEvents()).isEqualTo(20);
            assertThat(stats.failedBatches()).isBetween(1L, 20L);
            assertThat(stream.record(AuditDraft.builder("after")).sequence()).isEqualTo(4);
            StoredLog.assertIntact(fixture, "failing", 4);
        }
    }
}
