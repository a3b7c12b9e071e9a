package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.TestKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.jdbc.internal.EventRows;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import io.airlog.verify.VerificationReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The cost of the startup check grows with the rows since the newest signed checkpoint, not
 * with the table: with 1,000,000 stored rows signed by a checkpoint row and 10,000 new ones, the
 * incremental check reads exactly the 10,000 new rows. Runs on PostgreSQL (batched inserts rewritten into multi-row
 * INSERTs load the million rows in well under a minute; a file-based H2 database took
 * minutes, an in-memory one would need more than the test heap).
 */
class IncrementalVerificationCostTest {
    private static final String LOG = "big";
    private static final int OLD_ROWS = 1_000_000;
    private static final int NEW_ROWS = 10_000;
    private static final int BATCH = 5_000;
    private static final NoteSigner KEY = TestKeys.rfc8032Test1("example.com/airlog-test");

    @Test
    void incrementalCheckAfterAMillionRowsReadsOnlyTheNewRows() throws Exception {
        TableNames tables = TableNames.of(TestDatabase.uniquePrefix());
        DataSource dataSource = new SimpleDataSource("jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true",
                "postgres", "");
        try (Connection c = dataSource.getConnection()) {
            new SchemaManager(tables).apply(c, SchemaMode.CREATE);
            TreeEdge[] edge = {TreeEdge.empty()};
            ChainPosition verified = append(c, tables, ChainPosition.EMPTY, OLD_ROWS, edge);
            String note = KEY.sign(Checkpoint.of(Checkpoint.defaultOrigin(LOG), edge[0])).format();
            CheckpointRows.insert(c, tables, LOG, verified.lastChecksum(), edge[0], note);
            ChainPosition head = append(c, tables, verified, NEW_ROWS, edge);

            VerificationReport report = JdbcChainVerifier.builder(dataSource, tables)
                    .trustedKeys(TrustedKeys.of(KEY.verifierKey())).build().verifyIncremental(LOG);

            assertThat(report.damages()).isEmpty();
            assertThat(report.start()).isEqualTo(verified);
            assertThat(report.eventsRead()).isEqualTo(NEW_ROWS);
            assertThat(report.end()).isEqualTo(head);
        } finally {
            try (Connection c = dataSource.getConnection()) {
                Fixture.drop(c, TestDatabase.POSTGRESQL, tables);
            }
        }
    }

    /**
     * Seals and stores {@code count} small events after {@code head} in batches, one transaction per
     * batch, extending the tree edge {@code edge[0]} over them.
     */
    private static ChainPosition append(Connection c, TableNames tables, ChainPosition head, int count,
                                        TreeEdge[] edge) throws SQLException {
        c.setAutoCommit(false);
        ChainPosition position = head;
        try (PreparedStatement insert = c.prepareStatement(EventRows.insertSql(tables))) {
            for (int i = 1; i <= count; i++) {
                AuditEvent event = new AuditDraft(UUID.randomUUID(), Instant.ofEpochSecond(1_700_000_000L, i), "tick",
                        Principal.anonymous(), null, null, Outcome.SUCCESS, null, Map.of())
                        .seal(LOG, position.nextSequence(), position.lastChecksum());
                position = event.position();
                edge[0] = edge[0].append(Digest.fromHex(event.checksum()));
                EventRows.bind(insert, event);
                insert.addBatch();
                if (i % BATCH == 0 || i == count) {
                    insert.executeBatch();
                    TestChains.setHead(c, tables, LOG, position);
                    c.commit();
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
        return position;
    }
}
