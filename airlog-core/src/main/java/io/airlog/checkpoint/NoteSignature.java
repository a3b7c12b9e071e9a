package io.airlog.checkpoint;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a {@link SignedNote}: {@code — <key name> <base64(key ID ‖ signature)>}.
 * Not yet verified: it only claims to come from the key of that name and ID. Immutable.
 */
public final class NoteSignature {
    private final String keyName;
    private final int keyId;
    private final byte[] signature;

    /**
     * @param keyName the signer's key name (C2SP rules: no spaces, no plus)
     * @param keyId the 4-byte key ID, as a big-endian int
     * @param signature the signature bytes (at least one)
     */
    public NoteSignature(String keyName, int keyId, byte[] signature) {
        this.keyName = NoteText.checkKeyName(keyName);
        this.keyId = keyId;
        Objects.requireNonNull(signature, "signature");
        if (signature.length == 0) {
            throw new IllegalArgumentException("a note signature has at least one byte after the key ID");
        }
        this.signature = signature.clone();
    }

    /** The key name. */
    public String keyName() {
        return keyName;
    }

    /** The key ID (the first 4 bytes of the base64 payload, big-endian). */
    public int keyId() {
        return keyId;
    }

    /** The key ID as 8 lowercase hex digits. */
    public String keyIdHex() {
        return String.format("%08x", keyId);
    }

    /** A copy of the signature bytes (without the key ID). */
    public byte[] signature() {
        return signature.clone();
    }

    byte[] rawSignature() {
        return signature;
    }

    /** The signature line, with its newline: {@code — name base64\n}. */
    public String line() {
        byte[] payload = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
        return "\u2014 " + keyName + " " + Base64.getEncoder().encodeToString(payload) + "\n";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature s && keyName.equals(s.keyName) && keyId == s.keyId
                && Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return (keyName.hashCode() * 31 + keyId) * 31 + Arrays.hashCode(signature);
    }

    /** The key name and ID: {@code name+8hex}. */
    @Override
    public String toString() {
        return keyName + "+" + keyIdHex();
    }
}
