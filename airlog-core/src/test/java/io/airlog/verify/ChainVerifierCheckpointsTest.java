package io.airlog.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.TestKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import io.airlog.stream.InMemoryAuditStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain verifier with a checkpoint verifier: one report for both, notices kept apart. */
class ChainVerifierCheckpointsTest {
    private static final NoteSigner KEY = TestKeys.rfc8032Test1("example.com/app");

    private static List<AuditEvent> events(int n) {
        InMemoryAuditStream stream = InMemoryAuditStream.of("app");
        for (int i = 0; i < n; i++) {
            stream.record(AuditDraft.builder("act").put("i", i));
        }
        return stream.events();
    }

    private static String note(List<AuditEvent> events) {
        TreeEdge edge = TreeEdge.of(events.stream().map(e -> Digest.fromHex(e.checksum())).toList());
        return KEY.sign(Checkpoint.of("airlog/app", edge)).format();
    }

    private static ChainVerifier verifier() {
        return ChainVerifier.of("app", CheckpointVerifier.builder("app")
                .trustedKeys(TrustedKeys.of(KEY.verifierKey())).build());
    }

    @Test
    void eventsAreLeavesAndTheReportHoldsTheCheckpointFindings() {
        List<AuditEvent> events = events(4);
        ChainVerifier v = verifier();
        for (int i = 0; i < 4; i++) {
            v.accept(i + 1, events.get(i));
        }
        v.checkpoint(5, note(events));

        VerificationReport report = v.finish();

        assertThat(report.intact()).isTrue();
        assertThat(report.anchors().signedSize()).isEqualTo(4);
        assertThat(report.end().size()).isEqualTo(4);
    }

    @Test
    void aMalformedRecordWithAStoredChecksumIsStillItsLeaf() {
        List<AuditEvent> events = events(3);
        ChainVerifier v = verifier();
        v.accept(1, events.get(0));
        v.acceptMalformed(2, "unreadable column", events.get(1).checksum());
        v.accept(3, events.get(2));
        v.checkpoint(4, note(events));

        VerificationReport report = v.finish();

        assertThat(report.damages()).extracting(Damage::kind).containsExactly(DamageKind.MALFORMED);
        assertThat(report.anchors().signedSize()).isEqualTo(3);
    }

    @Test
    void reportedNoticesAreKeptApartFromDamage() {
        ChainVerifier v = ChainVerifier.of("app");
        v.report(new Damage(DamageKind.WITNESS_BEHIND, 0, 1, 2, "behind"));

        VerificationReport report = v.finish();

        assertThat(report.intact()).isTrue();
        assertThat(report.notices()).extracting(Damage::kind).containsExactly(DamageKind.WITNESS_BEHIND);
        assertThat(report.summary()).contains("WITNESS_BEHIND: behind");
    }

    @Test
    void aChainOnlyVerifierTakesNoCheckpointsAndSaysWhatItDidNotCheck() {
        ChainVerifier v = ChainVerifier.of("app");

        assertThatThrownBy(() -> v.checkpoint(1, "note")).isInstanceOf(IllegalStateException.class);
        assertThat(v.finish().anchors()).isEqualTo(Anchors.CHAIN_ONLY);
    }

    @Test
    void aReportRefusesANoticeAmongItsDamagesAndDamageAmongItsNotices() {
        Damage notice = new Damage(DamageKind.UNSIGNED_TAIL, 0, 1, 1, "tail");
        Damage damage = new Damage(DamageKind.CHANGED, 1, 1, 1, "changed");

        assertThatThrownBy(() -> new VerificationReport("app", ChainPosition.EMPTY, ChainPosition.EMPTY, 0,
                List.of(notice))).hasMessageContaining("UNSIGNED_TAIL is a notice");
        assertThatThrownBy(() -> new VerificationReport("app", ChainPosition.EMPTY, ChainPosition.EMPTY, 0, List.of(),
                List.of(damage), Anchors.CHAIN_ONLY)).hasMessageContaining("CHANGED is damage");
    }
}
