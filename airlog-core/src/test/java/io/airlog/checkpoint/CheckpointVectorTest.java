package io.airlog.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import io.airlog.internal.JsonLine;
import io.airlog.internal.JsonReader;
import io.airlog.merkle.CompactRange;
import io.airlog.merkle.ConsistencyProof;
import io.airlog.merkle.Digest;
import io.airlog.merkle.InclusionProof;
import io.airlog.merkle.LeafSource;
import io.airlog.merkle.Proofs;
import io.airlog.merkle.TreeEdge;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays {@code golden-checkpoints.json} (docs/checkpoints.md) through the Java
 * implementation; docs/checkpoint-vectors.py replays the same file from the specifications
 * in Python.
 */
class CheckpointVectorTest {
    private static final Map<String, Object> VECTORS = load();
    private static final List<Digest> LEAVES = strings("leaves").stream().map(Digest::fromHex).toList();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = CheckpointVectorTest.class.getResourceAsStream("golden-checkpoints.json");
             JsonParser parser = JsonReader.factory().createParser(in)) {
            return (Map<String, Object>) JsonReader.read(parser, parser.nextToken());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(String key) {
        return (List<Map<String, Object>>) VECTORS.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(String key) {
        return (List<String>) VECTORS.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> m, String key) {
        return (List<String>) m.get(key);
    }

    private static int number(Map<String, Object> m, String key) {
        return ((BigDecimal) m.get(key)).intValueExact();
    }

    private static String text(Map<String, Object> m, String key) {
        return (String) m.get(key);
    }

    private static Stream<Named<Map<String, Object>>> named(String key) {
        return list(key).stream().map(m -> Named.of(text(m, "name"), m));
    }

    private static TrustedKeys trusted(Map<String, Object> m) {
        return TrustedKeys.of(strings(m, "trusted").stream().map(VerifierKey::parse).toList());
    }

    private static List<Digest> path(Map<String, Object> m) {
        return strings(m, "path").stream().map(Digest::fromBase64).toList();
    }

    @Test
    void leavesAreTheHashesTheFileSays() {
        for (int i = 0; i < LEAVES.size(); i++) {
            assertThat(LEAVES.get(i)).isEqualTo(CheckpointVectorGenerator.leaf(i));
        }
    }

    @Test
    void keysGiveTheirPublicKeyKeyIdAndVerifierKey() {
        for (Map<String, Object> k : list("keys")) {
            NoteSigner signer = SigningKeys.fromSeed(HexFormat.of().parseHex(text(k, "seed")), text(k, "name"));
            assertThat(HexFormat.of().formatHex(signer.verifierKey().publicKey())).isEqualTo(text(k, "publicKey"));
            assertThat(signer.verifierKey().keyIdHex()).isEqualTo(text(k, "keyId"));
            assertThat(signer.verifierKey().encode()).isEqualTo(text(k, "verifierKey"));
        }
    }

    @Test
    void treesHaveTheirRootRangeAndEdge() {
        for (Map<String, Object> t : list("trees")) {
            int n = number(t, "size");
            TreeEdge edge = TreeEdge.of(LEAVES.subList(0, n));
            assertThat(edge.root().base64()).as("root of %d", n).isEqualTo(text(t, "root"));
            assertThat(edge.range().encode()).isEqualTo(text(t, "range"));
            assertThat(edge.encode()).isEqualTo(text(t, "edge"));
            assertThat(TreeEdge.parse(text(t, "edge")).root().base64()).isEqualTo(text(t, "root"));
            assertThat(CompactRange.parse(text(t, "range")).root().base64()).isEqualTo(text(t, "root"));
        }
    }

    @Test
    void inclusionProofsAreGeneratedAndVerifyAgainstTheRoot() {
        for (Map<String, Object> p : list("inclusion")) {
            int index = number(p, "index");
            int size = number(p, "treeSize");
            InclusionProof proof = Proofs.inclusion(index, size, LeafSource.of(LEAVES));
            assertThat(proof.path()).isEqualTo(path(p));
            assertThat(proof.verify(LEAVES.get(index), CompactRange.of(LEAVES.subList(0, size)).root())).isTrue();
        }
    }

    @Test
    void consistencyProofsAreGeneratedAndVerifyBetweenTheRoots() {
        for (Map<String, Object> p : list("consistency")) {
            int m = number(p, "oldSize");
            int n = number(p, "newSize");
            ConsistencyProof proof = Proofs.consistency(m, n, LeafSource.of(LEAVES));
            assertThat(proof.path()).isEqualTo(path(p));
            assertThat(proof.verify(CompactRange.of(LEAVES.subList(0, m)).root(),
                    CompactRange.of(LEAVES.subList(0, n)).root())).isTrue();
        }
    }

    @Test
    void defaultOriginsAreTheLogIdsPercentEncoded() {
        for (Map<String, Object> o : list("origins")) {
            assertThat(Checkpoint.defaultOrigin(text(o, "logId"))).isEqualTo(text(o, "origin"));
        }
    }

    @ParameterizedTest
    @MethodSource("verifierKeys")
    void verifierKeysAreAcceptedOrRefused(Map<String, Object> k) {
        if ((Boolean) k.get("valid")) {
            assertThat(VerifierKey.parse(text(k, "text")).encode()).isEqualTo(text(k, "text"));
        } else {
            assertThatThrownBy(() -> VerifierKey.parse(text(k, "text"))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    static Stream<Named<Map<String, Object>>> verifierKeys() {
        return named("verifierKeys");
    }

    @ParameterizedTest
    @MethodSource("checkpoints")
    void signedCheckpointsOpenOrAreRejectedForTheirReason(Map<String, Object> c) {
        TrustedKeys keys = trusted(c);
        String note = text(c, "note");
        if ("valid".equals(c.get("expect"))) {
            SignedCheckpoint opened = keys.open(note, text(c, "origin"));
            assertThat(opened.signedBy()).extracting(VerifierKey::name).containsExactlyElementsOf(strings(c, "signedBy"));
            assertThat(opened.note().format()).isEqualTo(note);
        } else {
            assertThatThrownBy(() -> keys.open(note, text(c, "origin")))
                    .isInstanceOfSatisfying(RejectedCheckpointException.class,
                            e -> assertThat(e.reason().name()).isEqualTo(c.get("expect")));
        }
    }

    static Stream<Named<Map<String, Object>>> checkpoints() {
        return named("checkpoints");
    }

    @Test
    void validCheckpointsAreSignedByteForByteAlikeFromTheirKeys() {
        Map<String, NoteSigner> signers = new java.util.HashMap<>();
        for (Map<String, Object> k : list("keys")) {
            signers.put(text(k, "name"), SigningKeys.fromSeed(HexFormat.of().parseHex(text(k, "seed")), text(k, "name")));
        }
        for (Map<String, Object> c : list("checkpoints")) {
            if ("valid".equals(c.get("expect"))) {
                SignedNote note = SignedNote.parse(text(c, "note"));
                List<NoteSigner> by = note.signatures().stream().map(s -> signers.get(s.keyName())).toList();
                assertThat(SignedNote.sign(note.text(), by.toArray(NoteSigner[]::new)).format()).isEqualTo(text(c, "note"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void proofBundlesVerifyOrNot(Map<String, Object> b) {
        TrustedKeys keys = trusted(b);
        Runnable check = "inclusion".equals(b.get("kind"))
                ? () -> InclusionBundle.parse(text(b, "text")).verify(Digest.fromHex(text(b, "leaf")), keys,
                        text(b, "origin"))
                : () -> ConsistencyBundle.parse(text(b, "text")).verify(Digest.fromBase64(text(b, "oldRoot")), keys,
                        text(b, "origin"));
        if ((Boolean) b.get("valid")) {
            check.run();
        } else {
            assertThatThrownBy(check::run).isInstanceOf(IllegalArgumentException.class);
        }
    }

    static Stream<Named<Map<String, Object>>> bundles() {
        return named("bundles");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWitnessFileExampleHoldsIncreasingCheckpoints() {
        Map<String, Object> w = (Map<String, Object>) VECTORS.get("witnessFile");
        List<String> lines = strings(w, "lines");
        TrustedKeys keys = trusted(w);
        assertThat(JsonLine.read("header", lines.get(0))).containsEntry("format", "airlog-witness/1")
                .containsEntry("origin", text(w, "origin"));
        long previous = -1;
        for (String line : lines.subList(1, lines.size())) {
            long size = keys.open(JsonLine.read("record", line).get("note"), text(w, "origin")).size();
            assertThat(size).isGreaterThan(previous);
            previous = size;
        }
        assertThat(previous).isEqualTo(number(w, "newestSize"));
    }
}
