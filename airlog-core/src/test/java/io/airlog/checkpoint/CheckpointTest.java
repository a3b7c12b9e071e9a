package io.airlog.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {
    private static final Digest ROOT = Digest.fromBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");

    @Test
    void bodyIsOriginSizeAndBase64RootEachOnItsLine() {
        Checkpoint checkpoint = new Checkpoint("example.com/behind-the-sofa", 20852163, ROOT);

        assertThat(checkpoint.body())
                .isEqualTo("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
        assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
    }

    @Test
    void extensionLinesAreKept() {
        Checkpoint checkpoint = new Checkpoint("o", 0, ROOT, List.of("ext one", "ext two"));

        assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
        assertThat(checkpoint.body()).endsWith("=\next one\next two\n");
    }

    @Test
    void defaultOriginPercentEncodesEverythingButUnreservedCharacters() {
        assertThat(Checkpoint.defaultOrigin("payments")).isEqualTo("airlog/payments");
        assertThat(Checkpoint.defaultOrigin("a b+c/d~e.f_g-h")).isEqualTo("airlog/a%20b%2Bc%2Fd~e.f_g-h");
        assertThat(Checkpoint.defaultOrigin("caf\u00e9")).isEqualTo("airlog/caf%C3%A9");
    }

    @Test
    void matchesATreeEdgeOfTheSameSizeAndRoot() {
        TreeEdge edge = TreeEdge.empty().append(ROOT).append(ROOT);
        Checkpoint checkpoint = Checkpoint.of("o", edge);

        assertThat(checkpoint.matches(edge)).isTrue();
        assertThat(checkpoint.matches(edge.range())).isTrue();
        assertThat(checkpoint.matches(edge.append(ROOT))).isFalse();
        assertThat(new Checkpoint("o", 2, ROOT).matches(edge)).isFalse();
    }

    @Test
    void malformedBodiesAreRefusedNamingTheLine() {
        assertRefused("o\n1\n" + ROOT.base64(), "ends with a newline");
        assertRefused("o\n1\n", "at least 3 lines");
        assertRefused("\n1\n" + ROOT.base64() + "\n", "line 1 of the checkpoint (the origin) is empty");
        assertRefused("o\n01\n" + ROOT.base64() + "\n", "line 2 of the checkpoint (the tree size) must not have leading zeros");
        assertRefused("o\n+1\n" + ROOT.base64() + "\n", "line 2 of the checkpoint (the tree size) must be ASCII decimal");
        assertRefused("o\n1\nAAAA\n", "line 3 of the checkpoint (the root hash): a digest is 32 bytes, not 3");
        assertRefused("o\n1\n" + ROOT.base64() + "\n\n", "line 4 of the checkpoint (an extension line) is empty");
        assertThatThrownBy(() -> new Checkpoint("two\nlines", 1, ROOT)).hasMessageContaining("is one line");
    }

    private static void assertRefused(String body, String message) {
        assertThatThrownBy(() -> Checkpoint.parse(body)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
