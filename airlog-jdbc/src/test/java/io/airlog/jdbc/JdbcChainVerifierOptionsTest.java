package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditEvent;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedNote;
import io.airlog.checkpoint.TestKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.verify.VerificationReport;
import io.airlog.witness.FileWitness;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings of {@link JdbcChainVerifier}: bad ones are refused naming the problem, good ones are used. */
class JdbcChainVerifierOptionsTest {
    private static final NoteSigner KEY = TestKeys.rfc8032Test1("example.com/airlog-test");

    @TempDir
    Path dir;

    @Test
    void requiringSignaturesWithoutTrustedKeysAndAPageSizeBelowOneAreRefused() {
        TableNames tables = TableNames.DEFAULT;
        var dataSource = TestDatabase.H2.dataSource("options");

        assertThatThrownBy(() -> JdbcChainVerifier.builder(dataSource, tables).requireSigned(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requireSigned needs trusted keys");
        assertThatThrownBy(() -> JdbcChainVerifier.builder(dataSource, tables).pageSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pageSize must be at least 1, not 0");
        assertThatThrownBy(() -> JdbcChainVerifier.builder(dataSource, tables).origin(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origin");
    }

    @Test
    void aWitnessDirectoryHoldsOneFilePerLogAndEachLogIsComparedWithItsOwn() throws Exception {
        try (Fixture f = Fixture.created(TestDatabase.H2); Connection c = f.connect()) {
            List<AuditEvent> a = TestChains.seal("log-a", 6);
            List<AuditEvent> b = TestChains.seal("log-b", 4);
            TestChains.store(c, f.tables, a);
            TestChains.store(c, f.tables, b);
            for (List<AuditEvent> log : List.of(a, b)) {
                SignedNote note = CheckpointRows.insert(c, f.tables, log, log.size(), KEY);
                String logId = log.get(0).logId();
                FileWitness.create(FileWitness.fileFor(dir, logId), Checkpoint.defaultOrigin(logId))
                        .publish(Checkpoint.parse(note.text()), note);
            }
            JdbcChainVerifier verifier = JdbcChainVerifier.builder(f.dataSource, f.tables)
                    .trustedKeys(TrustedKeys.of(KEY.verifierKey())).witnessDirectory(dir).build();

            VerificationReport reportA = verifier.verifyFull("log-a");
            VerificationReport reportB = verifier.verifyIncremental("log-b");

            assertThat(reportA.damages()).isEmpty();
            assertThat(reportA.anchors().witnessedSize()).isEqualTo(6);
            assertThat(reportB.damages()).isEmpty();
            assertThat(reportB.anchors().witnessedSize()).isEqualTo(4);
            assertThat(verifier.newestCheckpoint("log-b")).hasValueSatisfying(cp -> assertThat(cp.size()).isEqualTo(4));
        }
    }
}
