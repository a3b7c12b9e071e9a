package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.Outcome;
import io.airlog.WriteMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Recording the same draft (same event id, same content, same log) again returns the stored
 * event instead of storing a second copy or failing; a draft that reuses a stored event id
 * with other content, or in another log, fails naming what differs.
 */
class IdempotentRecordTest {

    private static JdbcAuditStream.Builder builder(Fixture fixture, String logId) {
        return JdbcAuditStream.builder(fixture.dataSource).tablePrefix(fixture.tables.prefix()).logId(logId);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recordingTheSameDraftAgainReturnsTheStoredEvent(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream stream = builder(fixture, "again").build()) {
            AuditDraft draft = AuditDraft.builder("transfer").resource("Account", "A-1").put("amount", 10).build();
            AuditEvent first = stream.record(draft);
            stream.record(AuditDraft.builder("later"));
            AuditEvent again = stream.record(draft);
            assertThat(again).isEqualTo(first);
            assertThat(stream.statistics().repeatedDrafts()).isEqualTo(1);
            assertThat(stream.statistics().failedEvents()).isZero();
            assertThat(stream.statistics().connections()).as("a refused row keeps the connection").isEqualTo(1);
            StoredLog.assertIntact(fixture, "again", 2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStoredEventIdWithOtherContentFailsNamingTheFieldsThatDiffer(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream stream = builder(fixture, "differs").build()) {
            AuditDraft draft = AuditDraft.builder("transfer").put("amount", 10).build();
            AuditEvent first = stream.record(draft);
            AuditDraft other = draft.withOutcome(Outcome.FAILURE).withContextValue("amount", 11);
            assertThatThrownBy(() -> stream.record(other)).isInstanceOf(AuditException.class)
                    .hasMessageContaining("event id " + draft.eventId() + " is already stored (log 'differs',"
                            + " sequence 1) with different content (outcome, context)")
                    .hasMessageContaining("this draft was not recorded");
            assertThat(stream.statistics().failedEvents()).isEqualTo(1);
            assertThat(StoredLog.assertIntact(fixture, "differs", 1)).containsExactly(first);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDraftStoredInAnotherLogFailsInThisOne(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); JdbcAuditStream one = builder(fixture, "one").build();
             JdbcAuditStream two = builder(fixture, "two").name("two").build()) {
            AuditDraft draft = AuditDraft.builder("transfer").build();
            one.record(draft);
            assertThatThrownBy(() -> two.record(draft)).isInstanceOf(AuditException.class)
                    .hasMessageContaining("is already stored (log 'one', sequence 1) with different content (log)");
            assertThat(two.head().size()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSameDraftTwiceInOneBatchIsStoredOnceAndBothCallersGetIt(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db);
             JdbcAuditStream stream = builder(fixture, "twice").writeMode(WriteMode.ASYNC).build()) {
            AuditDraft draft = AuditDraft.builder("transfer").build();
            var a = stream.recordAsync(draft).toCompletableFuture();
            var b = stream.recordAsync(draft).toCompletableFuture();
            assertThat(a.join()).isEqualTo(b.join());
            StoredLog.assertIntact(fixture, "twice", 1);
        }
    }
}
