package io.airlog.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.merkle.Digest;
import io.airlog.merkle.LeafSource;
import io.airlog.merkle.Proofs;
import io.airlog.merkle.TreeEdge;
import io.airlog.merkle.TreeHasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every value of the worked example of docs/checkpoints.md, recomputed and found on the page. */
class CheckpointsDocTest {
    private static final Path PAGE = Path.of("..", "docs", "checkpoints.md");
    private static final NoteSigner KEY = TestKeys.rfc8032Test1("example.com/airlog-test");
    private static final List<Digest> LEAVES = IntStream.range(0, 3).mapToObj(CheckpointVectorGenerator::leaf).toList();
    private static String page;

    @BeforeAll
    static void read() throws Exception {
        page = Files.readString(PAGE);
    }

    @Test
    void theVerifierKeyAndKeyIdAreOnThePage() {
        assertThat(KEY.verifierKey().keyIdHex()).isEqualTo("ddfab80c");
        assertThat(page).contains("\n" + KEY.verifierKey().encode() + "\n");
    }

    @Test
    void theLeavesAndTheFirstLeafHashAreOnThePage() {
        for (int i = 0; i < 3; i++) {
            assertThat(page).contains("leaf " + i + "  " + LEAVES.get(i).hex());
        }
        Digest h0 = TreeHasher.leafHash(LEAVES.get(0));
        assertThat(page).contains(h0.base64()).contains(h0.hex().substring(0, 8) + "…" + h0.hex().substring(60));
    }

    @Test
    void theRangeEdgeAndSignedCheckpointAreOnThePage() {
        TreeEdge edge = TreeEdge.of(LEAVES);
        SignedNote note = KEY.sign(Checkpoint.of("airlog/app", edge));

        assertThat(page).contains("\n" + edge.range().encode() + "\n").contains("\n" + edge.encode() + "\n")
                .contains("\n" + note.format() + "```");
        assertThat(page).contains(TreeHasher.EMPTY_ROOT.base64());
    }

    @Test
    void theProofsAndTheTlogProofAreOnThePage() {
        TreeEdge edge = TreeEdge.of(LEAVES);
        SignedNote note = KEY.sign(Checkpoint.of("airlog/app", edge));
        InclusionBundle bundle = InclusionBundle.of(Proofs.inclusion(1, 3, LeafSource.of(LEAVES)), note);

        assertThat(bundle.path()).containsExactly(TreeHasher.leafHash(LEAVES.get(0)), TreeHasher.leafHash(LEAVES.get(2)));
        assertThat(Proofs.consistency(2, 3, LeafSource.of(LEAVES)).path())
                .containsExactly(TreeHasher.leafHash(LEAVES.get(2)));
        assertThat(page).contains("\n" + bundle.format() + "```");
    }
}
