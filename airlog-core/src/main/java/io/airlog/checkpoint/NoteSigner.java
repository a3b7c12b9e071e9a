package io.airlog.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * Signs notes with one Ed25519 private key under one key name. Made by {@link SigningKeys}
 * (from a PKCS#8 PEM file, a PKCS#12 keystore, or a new key). The private key never leaves
 * this object: {@link #toString()} shows the key name and ID only, and no message of airlog
 * contains key material. Thread-safe.
 */
public final class NoteSigner {
    private final PrivateKey privateKey;
    private final VerifierKey verifierKey;

    NoteSigner(String keyName, PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.verifierKey = VerifierKey.of(keyName, publicKey);
    }

    /** The key name. */
    public String keyName() {
        return verifierKey.name();
    }

    /** The public half, for verifiers: give {@code verifierKey().encode()} to auditors. */
    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /**
     * Signs a note text.
     *
     * @throws IllegalArgumentException if the text does not end with a newline or holds a
     *         control character other than newline
     */
    public NoteSignature sign(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a note text ends with a newline");
        }
        NoteText.check("a note text", text);
        byte[] signature = Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
        return new NoteSignature(keyName(), verifierKey.keyId(), signature);
    }

    /** Signs a checkpoint: its body, as a signed note. */
    public SignedNote sign(Checkpoint checkpoint) {
        return SignedNote.sign(checkpoint, this);
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** The key name and ID, never the key. */
    @Override
    public String toString() {
        return "NoteSigner[" + keyName() + "+" + verifierKey.keyIdHex() + "]";
    }
}
