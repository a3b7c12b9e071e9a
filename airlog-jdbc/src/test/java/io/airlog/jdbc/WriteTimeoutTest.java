package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditException;
import io.airlog.AuditOutcomeUnknownException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * While another transaction holds the log's head row (a stuck writer in another JVM), no
 * caller waits longer than the write timeout: the one whose batch waits for the lock learns
 * that its outcome is unknown, the one still queued that its event was not stored; health is
 * down while it lasts; recording the first draft again afterwards stores it exactly once.
 */
class WriteTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofMillis(800);

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void noCallerWaitsLongerThanTheWriteTimeoutWhileTheHeadIsLocked(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db);
             JdbcAuditStream stream = JdbcAuditStream.builder(fixture.dataSource).tablePrefix(fixture.tables.prefix())
                     .logId("locked").writeTimeout(TIMEOUT).build();
             Connection other = fixture.connect()) {
            stream.record(AuditDraft.builder("before"));
            if (db == TestDatabase.H2) {
                TestChains.execute(other, "SET DEFAULT_LOCK_TIMEOUT 60000");
            }
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("SELECT size FROM " + fixture.tables.head()
                    + " WHERE log_id = 'locked' FOR UPDATE"); ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
            AuditDraft first = AuditDraft.builder("in-flight").build();
            AuditDraft second = AuditDraft.builder("queued").build();
            long start = System.nanoTime();
            CompletableFuture<Throwable> firstCaller = CompletableFuture.supplyAsync(() -> caught(stream, first));
            Thread.sleep(100); // the writer takes the first draft and waits for the lock
            Throwable queued = caught(stream, second);
            Throwable inFlight = firstCaller.join();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).isLessThan(TIMEOUT.plusMillis(100).plusSeconds(1));
            // Down once the batch has waited longer than the timeout (or, with a network timeout, failed).
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (stream.health().up() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(stream.health().up()).as(stream.health().detail()).isFalse();
            if (db == TestDatabase.H2) {
                assertThat(stream.health().detail()).contains("longer than the write timeout");
            }
            if (db == TestDatabase.H2) {
                // No network timeout on H2: the batch is still waiting for the lock at the deadline.
                assertThat(inFlight).isInstanceOf(AuditOutcomeUnknownException.class)
                        .hasMessageContaining("the write timeout (800 ms) passed while its batch was being stored");
                assertThat(queued).isExactlyInstanceOf(AuditException.class)
                        .hasMessageContaining("was not recorded: it was still queued when the write timeout (800 ms)"
                                + " passed");
            } else {
                // The connection's network timeout (the same 800 ms) may end the batch first: then the
                // first caller learns "not stored", and the queued draft may be in the next batch.
                assertThat(inFlight).isInstanceOf(AuditException.class);
                assertThat(queued).isInstanceOf(AuditException.class);
            }
            other.rollback();
            recordUntilStored(stream, first);
            recordUntilStored(stream, second);
            assertThat(stream.statistics().timedOut()).isPositive();
            assertThat(StoredLog.assertIntact(fixture, "locked", 3).stream().map(e -> e.eventId()))
                    .containsExactlyInAnyOrder(StoredLog.assertIntact(fixture, "locked", 3).get(0).eventId(),
                            first.eventId(), second.eventId());
        }
    }

    private static Throwable caught(JdbcAuditStream stream, AuditDraft draft) {
        try {
            stream.record(draft);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** H2 has no network timeout: its batch goes on waiting for the lock; another try may also time out. */
    private static io.airlog.AuditEvent recordUntilStored(JdbcAuditStream stream, AuditDraft draft) throws Exception {
        for (int i = 0; ; i++) {
            try {
                return stream.record(draft);
            } catch (AuditException e) {
                if (i == 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
