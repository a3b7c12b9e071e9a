package io.airlog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text forms of compact ranges and tree edges: round trips and strict reading. */
class TextFormsTest {
    private static final List<Digest> LEAVES = NaiveMerkle.digests(NaiveMerkle.leaves(13));

    @Test
    void compactRangeRoundTripsThroughItsText() {
        for (int n = 0; n <= 13; n++) {
            CompactRange range = CompactRange.of(LEAVES.subList(0, n));
            assertThat(CompactRange.parse(range.encode())).isEqualTo(range);
        }
        assertThat(CompactRange.empty().encode()).isEqualTo("range 0");
        assertThat(CompactRange.of(LEAVES.subList(0, 6)).encode()).matches("range 6 \\S{44} \\S{44}");
    }

    @Test
    void treeEdgeRoundTripsThroughItsTextAndNamesItsLastLeaf() {
        for (int n = 0; n <= 13; n++) {
            TreeEdge edge = TreeEdge.of(LEAVES.subList(0, n));
            TreeEdge read = TreeEdge.parse(edge.encode());
            assertThat(read).isEqualTo(edge);
            assertThat(read.root()).isEqualTo(CompactRange.of(LEAVES.subList(0, n)).root());
        }
        assertThat(TreeEdge.empty().encode()).isEqualTo("edge 0");
        assertThat(TreeEdge.of(LEAVES.subList(0, 5)).encode())
                .startsWith("edge 5 " + LEAVES.get(4).base64() + " ");
    }

    @Test
    void digestsReadOnlyTheirCanonicalForms() {
        Digest d = LEAVES.get(0);

        assertThat(Digest.fromHex(d.hex())).isEqualTo(d);
        assertThat(Digest.fromBase64(d.base64())).isEqualTo(d);
        assertThatThrownBy(() -> Digest.fromHex(d.hex().toUpperCase())).hasMessageContaining("lowercase");
        assertThatThrownBy(() -> Digest.fromHex("abc")).hasMessageContaining("64 hexadecimal digits, not 3");
        assertThatThrownBy(() -> Digest.fromBase64(d.base64().replace("=", "")))
                .hasMessageContaining("not canonical base64");
        assertThatThrownBy(() -> Digest.fromBase64("AAAA")).hasMessageContaining("32 bytes, not 3");
        assertThatThrownBy(() -> Digest.fromBase64("not base64!")).hasMessageContaining("not valid base64");
    }

    @Test
    void malformedTextsAreRefusedNamingTheProblem() {
        String node = LEAVES.get(0).base64();

        assertThatThrownBy(() -> CompactRange.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> CompactRange.parse("edge 1 " + node)).hasMessageContaining("starts with 'range'");
        assertThatThrownBy(() -> CompactRange.parse("range 3 " + node))
                .hasMessageContaining("of size 3 has 2 node(s), not 1");
        assertThatThrownBy(() -> CompactRange.parse("range 01 " + node)).hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> CompactRange.parse("range -1")).hasMessageContaining("ASCII decimal digits");
        assertThatThrownBy(() -> CompactRange.parse("range 1  " + node)).hasMessageContaining("single spaces");
        assertThatThrownBy(() -> CompactRange.parse("range 1 x" + node.substring(1, 43)))
                .hasMessageContaining("part 3 of a compact range");
        assertThatThrownBy(() -> TreeEdge.parse("edge 2")).hasMessageContaining("names its last leaf");
        assertThatThrownBy(() -> TreeEdge.parse("edge 0 " + node)).hasMessageContaining("empty tree has no leaf");
        assertThatThrownBy(() -> TreeEdge.parse("edge 3 " + node)).hasMessageContaining("of size 2 has 1 node(s), not 0");
        assertThatThrownBy(() -> TreeEdge.parse("edge 99999999999999999999")).hasMessageContaining("exceeds 2^63-1");
    }
}
