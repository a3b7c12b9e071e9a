package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.jdbc.internal.NewestCheckpoint;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one reader of the newest trusted checkpoint row, which the writer and
 * {@link JdbcChainVerifier} start from: rows no trusted key signed, or whose columns disagree
 * with their note, are passed over and returned as rejected, however many there are.
 */
class NewestCheckpointTest {
    private static final NoteSigner SIGNER = SigningKeys.generate("newest-test");
    private static final NoteSigner STRANGER = SigningKeys.generate("stranger");
    private static final String LOG = "newest";

    private static NewestCheckpoint newest(Fixture fixture) {
        return new NewestCheckpoint(fixture.tables, LOG, Checkpoint.defaultOrigin(LOG),
                TrustedKeys.of(SIGNER.verifierKey()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theNewestTrustedRowIsFoundBelowMoreThanAPageOfUntrustedRows(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); Connection c = fixture.connect()) {
            List<AuditEvent> events = TestChains.seal(LOG, 160);
            TestChains.store(c, fixture.tables, events);
            CheckpointRows.insert(c, fixture.tables, events, 3, SIGNER);
            for (int size = 4; size <= 155; size++) {
                CheckpointRows.insert(c, fixture.tables, events, size, STRANGER);
            }

            NewestCheckpoint.Found found = newest(fixture).find(c);

            assertThat(found.newest()).map(NewestCheckpoint.Trusted::size).contains(3L);
            assertThat(found.rejected()).hasSize(152);
            assertThat(found.rejected().get(0).size()).isEqualTo(155);
            assertThat(found.rejected().get(151).size()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRowWhoseMerkleRootColumnDisagreesWithItsNoteIsNotTrusted(TestDatabase db) throws Exception {
        try (Fixture fixture = Fixture.created(db); Connection c = fixture.connect()) {
            List<AuditEvent> events = TestChains.seal(LOG, 3);
            TestChains.store(c, fixture.tables, events);
            CheckpointRows.insert(c, fixture.tables, events, 2, SIGNER);
            CheckpointRows.insert(c, fixture.tables, events, 3, SIGNER);
            fixture.disableInsertOnly(c);
            TestChains.execute(c, "UPDATE " + fixture.tables.checkpoint() + " SET merkle_root = '" + "0".repeat(64)
                    + "' WHERE log_id = '" + LOG + "' AND size = 3");

            NewestCheckpoint.Found found = newest(fixture).find(c);

            assertThat(found.newest()).map(NewestCheckpoint.Trusted::size).contains(2L);
            assertThat(found.rejected()).singleElement().satisfies(r -> {
                assertThat(r.size()).isEqualTo(3);
                assertThat(r.problem()).contains("merkle_root");
            });
        }
    }
}
