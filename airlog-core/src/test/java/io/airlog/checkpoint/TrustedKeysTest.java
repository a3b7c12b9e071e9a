package io.airlog.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.checkpoint.RejectedCheckpointException.Reason;
import io.airlog.merkle.Digest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opening signed checkpoints with a set of trusted keys: rotation, impostors, alterations. */
class TrustedKeysTest {
    private static final String ORIGIN = "airlog/app";
    private static final Checkpoint CHECKPOINT =
            new Checkpoint(ORIGIN, 7, Digest.fromBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));
    private final NoteSigner oldKey = TestKeys.rfc8032Test1("example.com/app");
    private final NoteSigner newKey = TestKeys.rfc8032Test2("example.com/app");

    @Test
    void aCheckpointSignedByATrustedKeyOpens() {
        SignedCheckpoint opened = TrustedKeys.of(oldKey.verifierKey()).open(oldKey.sign(CHECKPOINT).format(), ORIGIN);

        assertThat(opened.checkpoint()).isEqualTo(CHECKPOINT);
        assertThat(opened.signedBy()).containsExactly(oldKey.verifierKey());
    }

    @Test
    void afterRotationOldAndNewCheckpointsBothOpenWithBothKeysTrusted() {
        TrustedKeys both = TrustedKeys.of(oldKey.verifierKey(), newKey.verifierKey());

        assertThat(both.open(oldKey.sign(CHECKPOINT).format(), ORIGIN).signedBy()).containsExactly(oldKey.verifierKey());
        assertThat(both.open(newKey.sign(CHECKPOINT).format(), ORIGIN).signedBy()).containsExactly(newKey.verifierKey());
    }

    @Test
    void aCheckpointSignedOnlyByAnUnknownKeyIsRejected() {
        NoteSigner stranger = SigningKeys.generate("example.com/app");

        assertRejected(TrustedKeys.of(oldKey.verifierKey()), stranger.sign(CHECKPOINT).format(), Reason.UNTRUSTED_KEY,
                "no signature by a trusted key");
    }

    @Test
    void aSignatureThatSharesOnlyTheNameOrOnlyTheIdOfATrustedKeyIsIgnored() {
        NoteSigner sameName = SigningKeys.generate("example.com/app");
        NoteSignature forgedId = new NoteSignature("other.example/x", oldKey.verifierKey().keyId(), new byte[64]);
        SignedNote note = new SignedNote(CHECKPOINT.body(),
                List.of(sameName.sign(CHECKPOINT.body()), forgedId, oldKey.sign(CHECKPOINT.body())));

        assertThat(TrustedKeys.of(oldKey.verifierKey()).open(note.format(), ORIGIN).signedBy())
                .containsExactly(oldKey.verifierKey());
    }

    @Test
    void anAlteredCheckpointIsRejectedAsABadSignature() {
        String note = oldKey.sign(CHECKPOINT).format().replace("\n7\n", "\n8\n");

        assertRejected(TrustedKeys.of(oldKey.verifierKey()), note, Reason.BAD_SIGNATURE,
                "the signature by trusted key example.com/app+");
    }

    @Test
    void aBadSignatureByATrustedKeyRejectsTheNoteEvenWhenAnotherTrustedKeyVerifies() {
        NoteSignature bad = new NoteSignature(newKey.keyName(), newKey.verifierKey().keyId(), new byte[64]);
        SignedNote note = new SignedNote(CHECKPOINT.body(), List.of(oldKey.sign(CHECKPOINT.body()), bad));

        assertRejected(TrustedKeys.of(oldKey.verifierKey(), newKey.verifierKey()), note.format(), Reason.BAD_SIGNATURE,
                "does not verify");
    }

    @Test
    void aCheckpointOfAnotherLogIsRejected() {
        assertRejected(TrustedKeys.of(oldKey.verifierKey()), oldKey.sign(CHECKPOINT).format(), "airlog/other",
                Reason.OTHER_LOG, "is of log 'airlog/app', not 'airlog/other'");
    }

    @Test
    void aMalformedNoteOrBodyIsRejectedAsMalformed() {
        TrustedKeys keys = TrustedKeys.of(oldKey.verifierKey());

        assertRejected(keys, "garbage", Reason.MALFORMED, "empty line");
        assertRejected(keys, SignedNote.sign("just text\n", oldKey).format(), Reason.MALFORMED, "at least 3 lines");
    }

    @Test
    void withoutKeysNothingOpens() {
        assertRejected(TrustedKeys.none(), oldKey.sign(CHECKPOINT).format(), Reason.UNTRUSTED_KEY, "trusted: none");
    }

    @Test
    void keysAreReadOnePerLineWithCommentsAndNamedByLineWhenMalformed() {
        String text = "# auditors' keys\n" + oldKey.verifierKey().encode() + "\n\n" + newKey.verifierKey().encode() + "\n";

        assertThat(TrustedKeys.parse(text).keys()).containsExactly(oldKey.verifierKey(), newKey.verifierKey());
        assertThatThrownBy(() -> TrustedKeys.parse("# x\nnot a key\n")).hasMessageStartingWith("line 2: ");
    }

    @Test
    void twoDifferentKeysWithTheSameNameAndIdCannotBothBeTrusted() throws Exception {
        // Found by search: with name "c", the keys of these two seeds have the same key ID 9c183112.
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        VerifierKey a = SigningKeys.fromSeed(sha.digest("seed 27197".getBytes()), "c").verifierKey();
        VerifierKey b = SigningKeys.fromSeed(sha.digest("seed 53262".getBytes()), "c").verifierKey();

        assertThat(a.keyIdHex()).isEqualTo("9c183112").isEqualTo(b.keyIdHex());
        assertThatThrownBy(() -> TrustedKeys.of(a, b)).hasMessageContaining("share the name and key id c+9c183112");
        assertThat(TrustedKeys.of(a, a).keys()).hasSize(1);
    }

    private void assertRejected(TrustedKeys keys, String note, Reason reason, String message) {
        assertRejected(keys, note, ORIGIN, reason, message);
    }

    private static void assertRejected(TrustedKeys keys, String note, String origin, Reason reason, String message) {
        assertThatThrownBy(() -> keys.open(note, origin)).isInstanceOfSatisfying(RejectedCheckpointException.class,
                e -> assertThat(e.reason()).isEqualTo(reason)).hasMessageContaining(message);
    }
}
