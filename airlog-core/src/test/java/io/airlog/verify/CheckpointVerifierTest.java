package io.airlog.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TestKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import io.airlog.spi.WitnessSnapshot;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Merkle tree checked against signed checkpoints and a witness, in core terms: a store's
 * leaves and checkpoints, fed in storage order. Each attack on the store is reported with its
 * kind and position; an untouched store reports nothing.
 */
class CheckpointVerifierTest {
    private static final String LOG = "app";
    private static final String ORIGIN = Checkpoint.defaultOrigin(LOG);
    private static final NoteSigner KEY = TestKeys.rfc8032Test1("example.com/app");
    private static final TrustedKeys TRUSTED = TrustedKeys.of(KEY.verifierKey());

    /** A store: leaves, and checkpoint notes stored after given sizes. */
    private static final class Store {
        final List<Digest> leaves = new ArrayList<>();
        final TreeMap<Long, List<String>> checkpoints = new TreeMap<>();

        Store(int size, long... signedAt) {
            for (int i = 0; i < size; i++) {
                leaves.add(leaf(i));
            }
            for (long n : signedAt) {
                checkpoints.computeIfAbsent(n, k -> new ArrayList<>()).add(note(n, KEY));
            }
        }

        String note(long n, NoteSigner signer) {
            return signer.sign(checkpoint(n)).format();
        }

        Checkpoint checkpoint(long n) {
            return Checkpoint.of(ORIGIN, TreeEdge.of(leaves.subList(0, (int) n)));
        }

        /**
         * Feeds everything in storage order: position = index of the record (leaves and
         * checkpoints); checkpoints beyond the last leaf come last, as a table of them would.
         */
        VerificationFindings verify(CheckpointVerifier.Builder builder) {
            return verify(builder, 0);
        }

        VerificationFindings verify(CheckpointVerifier.Builder builder, int from) {
            CheckpointVerifier v = builder.build();
            long position = 0;
            for (Map.Entry<Long, List<String>> e : checkpoints.headMap((long) from, true).entrySet()) {
                position += e.getValue().size();
            }
            position += from;
            for (int i = from; i < leaves.size(); i++) {
                v.leaf(++position, leaves.get(i));
                for (String note : checkpoints.getOrDefault((long) i + 1, List.of())) {
                    v.checkpoint(++position, note);
                }
            }
            for (List<String> beyond : checkpoints.tailMap((long) leaves.size(), false).values()) {
                for (String note : beyond) {
                    v.checkpoint(++position, note);
                }
            }
            return new VerificationFindings(v.finish());
        }
    }

    /** Findings with helpers. */
    private record VerificationFindings(CheckpointVerifier.Findings findings) {
        List<DamageKind> kinds() {
            return findings.damages().stream().map(Damage::kind).toList();
        }

        List<DamageKind> noticeKinds() {
            return findings.notices().stream().map(Damage::kind).toList();
        }

        Damage only() {
            assertThat(findings.damages()).hasSize(1);
            return findings.damages().get(0);
        }
    }

    private static Digest leaf(long i) {
        return Digest.sha256(ByteBuffer.allocate(9).put((byte) 7).putLong(i).array());
    }

    private static CheckpointVerifier.Builder checks() {
        return CheckpointVerifier.builder(LOG).trustedKeys(TRUSTED);
    }

    private static WitnessSnapshot witness(String... notesNewestFirst) {
        List<WitnessSnapshot.Record> records = new ArrayList<>();
        for (int i = 0; i < notesNewestFirst.length; i++) {
            records.add(new WitnessSnapshot.Record("record " + (notesNewestFirst.length - i), notesNewestFirst[i], null));
        }
        return new WitnessSnapshot("test-witness", true, records, List.of());
    }

    @Test
    void anUntouchedStoreWithSignedAndWitnessedCheckpointsReportsNothing() {
        Store store = new Store(20, 5, 12, 20);

        VerificationFindings f = store.verify(checks().witness(witness(store.note(20, KEY), store.note(12, KEY))));

        assertThat(f.findings().damages()).isEmpty();
        assertThat(f.findings().notices()).isEmpty();
        assertThat(f.findings().anchors()).isEqualTo(new Anchors(20, 20, List.of()));
    }

    @Test
    void eventsAfterTheNewestCheckpointAreAnUnsignedTailNotDamage() {
        Store store = new Store(20, 5, 12);

        VerificationFindings f = store.verify(checks());

        assertThat(f.findings().damages()).isEmpty();
        assertThat(f.findings().notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(DamageKind.UNSIGNED_TAIL);
            assertThat(n.firstSequence()).isEqualTo(13);
            assertThat(n.lastSequence()).isEqualTo(20);
        });
        assertThat(f.findings().anchors().signedSize()).isEqualTo(12);
    }

    @Test
    void aCheckpointSignedByAnUntrustedKeyIsReportedAtItsPosition() {
        Store store = new Store(10, 5);
        store.checkpoints.get(5L).set(0, store.note(5, SigningKeys.generate("example.com/app")));

        Damage d = store.verify(checks()).only();

        assertThat(d.kind()).isEqualTo(DamageKind.CHECKPOINT_UNTRUSTED);
        assertThat(d.position()).isEqualTo(6);
        assertThat(d.firstSequence()).isEqualTo(5);
    }

    @Test
    void anAlteredCheckpointIsReportedAsAnInvalidSignature() {
        Store store = new Store(10, 5);
        String note = store.checkpoints.get(5L).get(0);
        store.checkpoints.get(5L).set(0, note.replace("\n5\n", "\n4\n"));

        assertThat(store.verify(checks()).only().kind()).isEqualTo(DamageKind.CHECKPOINT_SIGNATURE_INVALID);
    }

    @Test
    void aMalformedCheckpointAndOneOfAnotherLogAreReported() {
        Store store = new Store(10, 5, 10);
        store.checkpoints.get(5L).set(0, "not a note");
        Checkpoint foreign = new Checkpoint("airlog/other", 10, store.checkpoint(10).root());
        store.checkpoints.get(10L).set(0, KEY.sign(foreign).format());

        assertThat(store.verify(checks()).kinds())
                .containsExactly(DamageKind.CHECKPOINT_MALFORMED, DamageKind.CHECKPOINT_FOREIGN);
    }

    @Test
    void aRecomputedEventBeforeACheckpointIsAMismatchAndLaterOnesAreCountedOnce() {
        Store store = new Store(30, 5, 10, 20, 30);
        store.leaves.set(7, leaf(1000));

        VerificationFindings f = store.verify(checks());

        assertThat(f.kinds()).containsExactly(DamageKind.CHECKPOINT_MISMATCH, DamageKind.CHECKPOINT_MISMATCH);
        assertThat(f.findings().damages().get(1).firstSequence()).isEqualTo(10);
        Damage later = f.findings().damages().get(0);
        assertThat(later.position()).isZero();
        assertThat(later.detail()).contains("2 later signed checkpoint(s) (tree sizes 20..30)");
        assertThat(f.findings().anchors().signedSize()).isEqualTo(5);
        assertThat(f.noticeKinds()).isEmpty();
    }

    @Test
    void aSignedCheckpointCoveringMoreEventsThanStoredShowsLostEvents() {
        Store store = new Store(20, 10, 20);
        store.leaves.subList(15, 20).clear();

        Damage d = store.verify(checks()).only();

        assertThat(d.kind()).isEqualTo(DamageKind.CHECKPOINT_MISMATCH);
        assertThat(d.detail()).contains("covers 20 events but only 15 are stored");
        assertThat(d.firstSequence()).isEqualTo(16);
        assertThat(d.lastSequence()).isEqualTo(20);
    }

    @Test
    void aStoreCutBelowItsWitnessIsBehindTheWitness() {
        Store store = new Store(20, 10, 20);
        String witnessed = store.note(20, KEY);
        store.leaves.subList(12, 20).clear();
        store.checkpoints.remove(20L);

        VerificationFindings f = store.verify(checks().witness(witness(witnessed)));

        assertThat(f.kinds()).containsExactly(DamageKind.BEHIND_WITNESS);
        assertThat(f.findings().damages().get(0).detail()).contains("holds a signed checkpoint of 20 events but the store"
                + " holds 12");
    }

    @Test
    void aRewrittenStoreDoesNotMatchItsWitness() {
        Store original = new Store(20, 20);
        String witnessed = original.note(20, KEY);
        Store rewritten = new Store(20);
        rewritten.leaves.set(3, leaf(999));

        VerificationFindings f = rewritten.verify(checks().witness(witness(witnessed)));

        assertThat(f.kinds()).containsExactly(DamageKind.WITNESS_MISMATCH);
        assertThat(f.findings().damages().get(0).position()).isEqualTo(20);
    }

    @Test
    void aDamagedNewestWitnessRecordIsReportedAndTheNewestValidOneUsed() {
        Store store = new Store(20, 10, 20);
        String altered = store.note(20, KEY).replace("\n20\n", "\n21\n");

        VerificationFindings f = store.verify(checks().witness(witness(altered, store.note(10, KEY))));

        assertThat(f.kinds()).containsExactly(DamageKind.WITNESS_DAMAGED);
        assertThat(f.findings().damages().get(0).detail()).contains("test-witness, record 2");
        assertThat(f.findings().anchors().witnessedSize()).isEqualTo(10);
        assertThat(f.noticeKinds()).containsExactly(DamageKind.WITNESS_BEHIND);
    }

    @Test
    void aMissingWitnessIsDamageOnlyOnceTheStoreHoldsSignedCheckpoints() {
        WitnessSnapshot missing = WitnessSnapshot.missing("test-witness");

        assertThat(new Store(10, 10).verify(checks().witness(missing)).kinds()).containsExactly(DamageKind.WITNESS_MISSING);
        assertThat(new Store(0).verify(checks().witness(missing)).kinds()).isEmpty();
    }

    @Test
    void aWitnessBehindTheStoreIsANoticeAndTheStoreIsStillCheckedAgainstIt() {
        Store store = new Store(20, 10, 20);

        VerificationFindings f = store.verify(checks().witness(witness(store.note(10, KEY))));

        assertThat(f.kinds()).isEmpty();
        assertThat(f.noticeKinds()).containsExactly(DamageKind.WITNESS_BEHIND);
        assertThat(f.findings().anchors()).isEqualTo(new Anchors(20, 10, List.of()));
    }

    @Test
    void anEmptyWitnessIsANoticeUntilItsFirstRecord() {
        Store store = new Store(10, 10);

        VerificationFindings f = store.verify(checks().witness(new WitnessSnapshot("w", true, List.of(), List.of())));

        assertThat(f.kinds()).isEmpty();
        assertThat(f.noticeKinds()).containsExactly(DamageKind.WITNESS_BEHIND);
    }

    @Test
    void aWitnessedCheckpointMissingFromTheStoreWasRemoved() {
        Store store = new Store(20, 10, 20);
        String witnessed = store.note(10, KEY);
        store.checkpoints.remove(10L);

        VerificationFindings f = store.verify(checks().witness(witness(witnessed)));

        assertThat(f.kinds()).containsExactly(DamageKind.CHECKPOINT_MISSING);
    }

    @Test
    void checkpointsNoTrustedKeySignedAreNoticesWhereTheStoreAcceptsInsertedCheckpoints() {
        Store store = new Store(10, 5, 10);
        store.checkpoints.get(5L).set(0, store.note(5, SigningKeys.generate("example.com/app")));
        store.checkpoints.computeIfAbsent(7L, k -> new ArrayList<>()).add("not a note");
        String altered = store.checkpoints.get(10L).get(0);
        store.checkpoints.computeIfAbsent(8L, k -> new ArrayList<>()).add(altered.replace("\n10\n", "\n8\n"));

        VerificationFindings f = store.verify(checks().rejectedAsNotices(true));

        assertThat(f.findings().damages()).isEmpty();
        assertThat(f.noticeKinds()).containsOnly(DamageKind.CHECKPOINT_IGNORED).hasSize(3);
        assertThat(f.findings().notices()).extracting(Damage::firstSequence).containsExactly(5L, 0L, 8L);
        assertThat(f.findings().notices().get(0).detail()).startsWith("CHECKPOINT_UNTRUSTED, ignored: ");
        assertThat(f.findings().anchors().signedSize()).isEqualTo(10);
    }

    @Test
    void anIgnoredCheckpointInPlaceOfTheWitnessedOneIsStillMissing() {
        Store store = new Store(10, 5, 10);
        String witnessed = store.note(10, KEY);
        store.checkpoints.get(10L).set(0, store.note(10, SigningKeys.generate("example.com/app")));

        VerificationFindings f = store.verify(checks().rejectedAsNotices(true).witness(witness(witnessed)));

        assertThat(f.kinds()).containsExactly(DamageKind.CHECKPOINT_MISSING);
        assertThat(f.noticeKinds()).containsExactly(DamageKind.CHECKPOINT_IGNORED);
    }

    @Test
    void eventsAfterTheNewestCheckpointAreDamageWhenEveryEventMustBeSigned() {
        Store store = new Store(12, 5, 10);

        VerificationFindings signedTail = new Store(10, 5, 10).verify(checks().requireSigned(true));
        Damage d = store.verify(checks().requireSigned(true)).only();

        assertThat(signedTail.findings().damages()).isEmpty();
        assertThat(d.kind()).isEqualTo(DamageKind.UNSIGNED_EVENTS);
        assertThat(d.firstSequence()).isEqualTo(11);
        assertThat(d.lastSequence()).isEqualTo(12);
        assertThatThrownBy(() -> CheckpointVerifier.builder(LOG).requireSigned(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs trusted keys");
    }

    @Test
    void theWitnessedSizeIsThatOfTheNewestRecordATrustedKeySigned() {
        Store store = new Store(10, 5, 10);
        WitnessSnapshot snapshot = witness(store.note(10, SigningKeys.generate("example.com/app")), store.note(5, KEY));

        assertThat(CheckpointVerifier.witnessedSize(snapshot, TRUSTED, ORIGIN)).isEqualTo(5);
        assertThat(CheckpointVerifier.witnessedSize(witness(), TRUSTED, ORIGIN)).isZero();
    }

    @Test
    void withoutKeysNothingIsCheckedAndTheFindingsSaySo() {
        Store store = new Store(10, 5, 10);

        VerificationFindings f = store.verify(CheckpointVerifier.builder(LOG).witness(witness(store.note(10, KEY))));

        assertThat(f.findings().damages()).isEmpty();
        assertThat(f.findings().notices()).isEmpty();
        assertThat(f.findings().anchors().signedSize()).isZero();
        assertThat(f.findings().anchors().notChecked()).anySatisfy(s -> assertThat(s).contains("no trusted keys given"))
                .anySatisfy(s -> assertThat(s).contains("the witness test-witness (no trusted keys"))
                .anySatisfy(s -> assertThat(s).contains("2 stored checkpoint(s) were not verified"));
    }

    @Test
    void withoutAWitnessTheFindingsSayWhatCouldNotBeChecked() {
        VerificationFindings f = new Store(10, 10).verify(checks());

        assertThat(f.findings().anchors().notChecked()).singleElement().asString().startsWith("a witness (none given)");
    }

    @Test
    void checkpointsOfARotatedKeyKeepVerifyingWhileBothKeysAreTrusted() {
        NoteSigner next = TestKeys.rfc8032Test2("example.com/app");
        Store store = new Store(20, 10, 20);
        store.checkpoints.get(20L).set(0, store.note(20, next));

        assertThat(store.verify(CheckpointVerifier.builder(LOG).trustedKeys(TrustedKeys.of(KEY.verifierKey(),
                next.verifierKey()))).findings().damages()).isEmpty();
        assertThat(store.verify(checks()).kinds()).containsExactly(DamageKind.CHECKPOINT_UNTRUSTED);
    }

    @Test
    void anIncrementalCheckStartsAtAnAuthenticatedEdgeAndReadsOnlyTheEventsAfterIt() {
        Store store = new Store(30, 10, 20, 30);
        SignedCheckpoint at10 = TRUSTED.open(store.note(10, KEY), ORIGIN);
        TreeEdge edge = TreeEdge.of(store.leaves.subList(0, 10));

        CheckpointVerifier.Builder incremental = checks().startAt(at10, edge).witness(witness(store.note(20, KEY)));
        VerificationFindings f = store.verify(incremental, 10);

        assertThat(f.findings().damages()).isEmpty();
        assertThat(f.findings().anchors()).isEqualTo(new Anchors(30, 20, List.of()));
        assertThat(incremental.build().start().size()).isEqualTo(10);
        assertThat(incremental.build().start().lastChecksum()).isEqualTo(store.leaves.get(9).hex());
    }

    @Test
    void anIncrementalCheckFindsWhatTheFullCheckFindsAfterItsStart() {
        Store store = new Store(30, 10, 20, 30);
        SignedCheckpoint at10 = TRUSTED.open(store.note(10, KEY), ORIGIN);
        TreeEdge edge = TreeEdge.of(store.leaves.subList(0, 10));
        store.leaves.set(15, leaf(5000));
        store.checkpoints.get(30L).set(0, store.note(30, SigningKeys.generate("x")));

        List<DamageKind> incremental = store.verify(checks().startAt(at10, edge), 10).kinds();
        List<DamageKind> full = store.verify(checks()).kinds();

        assertThat(incremental).containsExactly(DamageKind.CHECKPOINT_MISMATCH, DamageKind.CHECKPOINT_UNTRUSTED);
        assertThat(full).containsExactlyInAnyOrderElementsOf(incremental);
    }

    @Test
    void anEdgeThatDoesNotMatchItsCheckpointOrStartsAfterTheWitnessIsRefused() {
        Store store = new Store(30, 10, 20);
        SignedCheckpoint at20 = TRUSTED.open(store.note(20, KEY), ORIGIN);

        assertThatThrownBy(() -> checks().startAt(at20, TreeEdge.of(store.leaves.subList(0, 19))))
                .hasMessageContaining("does not match the signed checkpoint");
        assertThatThrownBy(() -> checks().startAt(at20, TreeEdge.of(store.leaves.subList(0, 20)))
                .witness(witness(store.note(10, KEY))).build())
                .hasMessageContaining("starts at or before the witnessed size 10, not at 20");
    }

    @Test
    void anUnreadableLeafStopsTheTreeAndTheFindingsSaySo() {
        CheckpointVerifier v = checks().build();
        Store store = new Store(10, 10);
        for (int i = 0; i < 9; i++) {
            v.leaf(i + 1, store.leaves.get(i));
        }
        v.leaf(10, "not hex");
        v.checkpoint(11, store.checkpoints.get(10L).get(0));

        CheckpointVerifier.Findings f = v.finish();

        assertThat(f.damages()).isEmpty();
        assertThat(f.anchors().notChecked()).anySatisfy(s -> assertThat(s).contains("after position 10"));
    }
}
