package io.airlog.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** C2SP signed notes: the published examples, the form, and every rule of the spec. */
class SignedNoteTest {

    @Test
    void rfc8032Test1KeyGivesThePublishedPublicKeyAndSignature() throws Exception {
        var key = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, TestKeys.RFC8032_TEST1_SEED));

        assertThat(Ed25519.raw(Ed25519.derivePublic(key))).isEqualTo(TestKeys.RFC8032_TEST1_PUBLIC);
        assertThat(HexFormat.of().formatHex(Ed25519.sign(key, new byte[0]))).isEqualTo(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                        + "d25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void goSumdbExampleIsSignedByteForByteAlike() {
        NoteSigner signer = TestKeys.goExample();

        assertThat(signer.verifierKey().encode()).isEqualTo(TestKeys.GO_EXAMPLE_VERIFIER_KEY);
        assertThat(SignedNote.sign(TestKeys.GO_EXAMPLE_TEXT, signer).format()).isEqualTo(TestKeys.GO_EXAMPLE_NOTE);
    }

    @Test
    void goSumdbExampleVerifiesAndAnUnknownSecondSignatureIsIgnored() {
        TrustedKeys trusted = TrustedKeys.of(VerifierKey.parse(TestKeys.GO_EXAMPLE_VERIFIER_KEY));
        SignedNote note = SignedNote.parse(TestKeys.GO_EXAMPLE_TWICE_SIGNED);

        assertThat(note.text()).isEqualTo(TestKeys.GO_EXAMPLE_TEXT);
        assertThat(note.signatures()).extracting(NoteSignature::toString)
                .containsExactly("PeterNeumann+c74f20a3", note.signatures().get(1).toString());
        assertThat(trusted.verify(note)).extracting(VerifierKey::name).containsExactly("PeterNeumann");
        assertThat(note.format()).isEqualTo(TestKeys.GO_EXAMPLE_TWICE_SIGNED);
    }

    @Test
    void theTextEndsAtTheLastEmptyLineAndMayHoldEmptyLines() {
        NoteSigner signer = TestKeys.rfc8032Test1("example.com/log");
        String text = "first\n\nthird\n";

        SignedNote note = SignedNote.parse(SignedNote.sign(text, signer).format());

        assertThat(note.text()).isEqualTo(text);
        assertThat(TrustedKeys.of(signer.verifierKey()).verify(note)).hasSize(1);
    }

    @Test
    void aNoteSignedByTwoKeysCarriesBothSignaturesInOrder() {
        NoteSigner first = TestKeys.rfc8032Test1("example.com/a");
        NoteSigner second = TestKeys.rfc8032Test2("example.com/b");

        SignedNote note = SignedNote.sign("text\n", first).withSignature(second);

        assertThat(note.format()).startsWith("text\n\n\u2014 example.com/a ").contains("\n\u2014 example.com/b ");
        assertThat(TrustedKeys.of(first.verifierKey(), second.verifierKey()).verify(note)).hasSize(2);
    }

    @Test
    void malformedNotesAreRefusedNamingWhatIsWrong() {
        String sig = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

        assertRefused("no signature\n", "has an empty line between its text and its signatures");
        assertRefused("text\n\n", "at least one signature line");
        assertRefused("text\n\n" + sig.substring(0, sig.length() - 1), "ends with a newline");
        assertRefused("text\n\n- PeterNeumann AAAAAAA=\n", "does not start with an em dash");
        assertRefused("text\n\n\u2014 PeterNeumannAAAA\n", "no space between key name and signature");
        assertRefused("text\n\n\u2014 Peter+Neumann AAAAAAA=\n", "contains '+'");
        assertRefused("text\n\n\u2014 Peter\u00a0Neumann AAAAAAA=\n", "contains a space (U+00A0)");
        assertRefused("text\n\n\u2014 PeterNeumann AAAAAA==\n", "at least one byte, not 4 bytes");
        assertRefused("text\n\n\u2014 PeterNeumann AAAAAAA\n", "not canonical base64");
        assertRefused("text\n\n\u2014 PeterNeumann !!!!\n", "not valid base64");
        assertRefused("te\rxt\n\n" + sig, "control character U+000D");
        assertRefused("te\u0000xt\n\n" + sig, "control character U+0000");
        assertRefused("text\n\n" + sig.repeat(SignedNote.MAX_SIGNATURES + 1), "at most 100 signatures, not 101");
        assertThatThrownBy(() -> SignedNote.parse(new byte[] {'a', (byte) 0xff, '\n', '\n'}))
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void sixteenSignaturesAreAccepted() {
        NoteSigner signer = TestKeys.rfc8032Test1("example.com/log");
        String line = signer.sign("x\n").line();

        assertThat(SignedNote.parse("x\n\n" + line.repeat(16)).signatures()).hasSize(16);
    }

    @Test
    void signingRefusesATextThatIsNotANoteText() {
        NoteSigner signer = TestKeys.rfc8032Test1("example.com/log");

        assertThatThrownBy(() -> signer.sign("no newline")).hasMessageContaining("ends with a newline");
        assertThatThrownBy(() -> signer.sign("tab\there\n")).hasMessageContaining("U+0009");
    }

    @Test
    void signaturesCoverTheUtf8BytesOfTheText() {
        NoteSigner signer = TestKeys.rfc8032Test1("example.com/log");
        SignedNote note = SignedNote.sign("caf\u00e9 \u2014 \ud83d\ude00\n", signer);

        SignedNote read = SignedNote.parse(note.format().getBytes(StandardCharsets.UTF_8));

        assertThat(TrustedKeys.of(signer.verifierKey()).verify(read)).hasSize(1);
        assertThat(read.signatures()).isEqualTo(List.copyOf(note.signatures()));
    }

    private static void assertRefused(String note, String message) {
        assertThatThrownBy(() -> SignedNote.parse(note)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
