package io.airlog.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.merkle.CompactRange;
import io.airlog.merkle.Digest;
import io.airlog.merkle.LeafSource;
import io.airlog.merkle.Proofs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** C2SP tlog-proof bundles and tlog-witness consistency bodies: text, round trip, checks. */
class ProofBundlesTest {
    private static final String ORIGIN = "airlog/app";
    private static final NoteSigner KEY = TestKeys.rfc8032Test1("example.com/app");
    private static final TrustedKeys TRUSTED = TrustedKeys.of(KEY.verifierKey());
    private static final List<Digest> LEAVES = new ArrayList<>();

    static {
        for (int i = 0; i < 13; i++) {
            LEAVES.add(Digest.sha256(("event " + i).getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private static SignedNote checkpoint(int size) {
        return KEY.sign(new Checkpoint(ORIGIN, size, CompactRange.of(LEAVES.subList(0, size)).root()));
    }

    @Test
    void anInclusionBundleIsATlogProofThatRoundTripsAndVerifies() {
        InclusionBundle bundle = InclusionBundle.of(Proofs.inclusion(6, 13, LeafSource.of(LEAVES)), checkpoint(13));

        String text = bundle.format();

        assertThat(text).startsWith("c2sp.org/tlog-proof@v1\nindex 6\n").contains("\n\nairlog/app\n13\n");
        assertThat(InclusionBundle.parse(text)).isEqualTo(bundle);
        assertThat(bundle.verify(LEAVES.get(6), TRUSTED, ORIGIN).size()).isEqualTo(13);
        assertThatThrownBy(() -> bundle.verify(LEAVES.get(5), TRUSTED, ORIGIN))
                .hasMessageContaining("does not lead to the root");
    }

    @Test
    void extraDataIsCarriedAsBase64() {
        InclusionBundle bundle = new InclusionBundle(0, Proofs.inclusion(0, 2, LeafSource.of(LEAVES)).path(), "eyJ9",
                checkpoint(2));

        assertThat(bundle.format()).startsWith("c2sp.org/tlog-proof@v1\nextra eyJ9\nindex 0\n");
        assertThat(InclusionBundle.parse(bundle.format())).isEqualTo(bundle);
    }

    @Test
    void aConsistencyBundleIsATlogWitnessRequestBodyThatRoundTripsAndVerifies() {
        ConsistencyBundle bundle = ConsistencyBundle.of(Proofs.consistency(5, 13, LeafSource.of(LEAVES)), checkpoint(13));
        Digest oldRoot = CompactRange.of(LEAVES.subList(0, 5)).root();

        assertThat(bundle.format()).startsWith("old 5\n").contains("\n\nairlog/app\n13\n");
        assertThat(ConsistencyBundle.parse(bundle.format())).isEqualTo(bundle);
        assertThat(bundle.verify(oldRoot, TRUSTED, ORIGIN).size()).isEqualTo(13);
        assertThatThrownBy(() -> bundle.verify(LEAVES.get(0), TRUSTED, ORIGIN)).hasMessageContaining("is not a prefix");
    }

    @Test
    void aBundleWhoseCheckpointIsNotTrustedIsRejected() {
        InclusionBundle bundle = InclusionBundle.of(Proofs.inclusion(1, 2, LeafSource.of(LEAVES)), checkpoint(2));

        assertThatThrownBy(() -> bundle.verify(LEAVES.get(1), TrustedKeys.none(), ORIGIN))
                .isInstanceOf(RejectedCheckpointException.class);
    }

    @Test
    void malformedBundlesAreRefusedNamingWhatIsWrong() {
        String note = checkpoint(2).format();

        assertThatThrownBy(() -> InclusionBundle.parse("c2sp.org/tlog-proof@v2\nindex 0\n\n" + note))
                .hasMessageContaining("starts with the line 'c2sp.org/tlog-proof@v1'");
        assertThatThrownBy(() -> InclusionBundle.parse("c2sp.org/tlog-proof@v1\nindex 00\n\n" + note))
                .hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> InclusionBundle.parse("c2sp.org/tlog-proof@v1\n\n" + note))
                .hasMessageContaining("an 'index <n>' line");
        assertThatThrownBy(() -> InclusionBundle.parse("c2sp.org/tlog-proof@v1\nindex 0\nAAAA\n\n" + note))
                .hasMessageContaining("line 3: a digest is 32 bytes, not 3");
        assertThatThrownBy(() -> ConsistencyBundle.parse("new 3\n\n" + note)).hasMessageContaining("'old <size>'");
        assertThatThrownBy(() -> ConsistencyBundle.parse("old 3\n" + LEAVES.get(0).base64() + "\n"))
                .hasMessageContaining("empty line before its checkpoint");
        String tooLong = (LEAVES.get(0).base64() + "\n").repeat(64);
        assertThatThrownBy(() -> ConsistencyBundle.parse("old 1\n" + tooLong + "\n" + note))
                .hasMessageContaining("at most 63 hash lines");
    }
}
