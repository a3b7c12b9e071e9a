package io.airlog.checkpoint;

import io.airlog.internal.Snippet;
import io.airlog.internal.StrictBase64;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A public Ed25519 key that verifies note signatures, with its key name and key ID. Its text
 * form is the verifier key of C2SP signed notes (and of Go's {@code sumdb/note}):
 * {@code <name>+<key ID as 8 hex digits>+<base64(0x01 ‖ 32-byte public key)>}. The key ID is
 * the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key). Immutable.
 */
public final class VerifierKey {
    /** The signature type byte of Ed25519 in C2SP signed notes. */
    public static final byte ED25519 = 0x01;

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final PublicKey jdkKey;

    private VerifierKey(String name, byte[] publicKey) {
        this.name = NoteText.checkKeyName(name);
        this.publicKey = publicKey.clone();
        this.jdkKey = Ed25519.publicKey(this.publicKey);
        this.keyId = keyId(name, this.publicKey);
    }

    /**
     * The verifier key of a raw 32-byte Ed25519 public key.
     *
     * @throws IllegalArgumentException if the name breaks the C2SP rules or the key is not 32 bytes
     */
    public static VerifierKey of(String name, byte[] publicKey) {
        return new VerifierKey(name, Objects.requireNonNull(publicKey, "publicKey"));
    }

    /** The verifier key of a JDK Ed25519 public key. */
    public static VerifierKey of(String name, PublicKey publicKey) {
        return new VerifierKey(name, Ed25519.raw(publicKey));
    }

    /**
     * Reads the text form {@code <name>+<8 hex digits>+<base64>}.
     *
     * @throws IllegalArgumentException naming what is wrong: the shape, the name, the key ID
     *         digits, the base64, an algorithm other than Ed25519, the key length, or a key ID
     *         that does not match name and key
     */
    public static VerifierKey parse(String text) {
        Objects.requireNonNull(text, "text");
        String what = "verifier key '" + Snippet.of(text) + "'";
        int first = text.indexOf('+');
        int second = first < 0 ? -1 : text.indexOf('+', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException(what + " is not <name>+<key id>+<key>");
        }
        String name = text.substring(0, first);
        String id = text.substring(first + 1, second);
        if (!id.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException(what + ": the key id is 8 lowercase hex digits, not '" + Snippet.of(id)
                    + "'");
        }
        byte[] data;
        try {
            data = StrictBase64.decode(text.substring(second + 1), "the key");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
        if (data.length == 0 || data[0] != ED25519) {
            throw new IllegalArgumentException(what + ": only Ed25519 keys (type byte 0x01) are supported, not type "
                    + (data.length == 0 ? "(none)" : String.format("0x%02x", data[0])));
        }
        if (data.length != 1 + Ed25519.KEY_LENGTH) {
            throw new IllegalArgumentException(what + ": an Ed25519 key is 32 bytes, not " + (data.length - 1));
        }
        VerifierKey key;
        try {
            key = new VerifierKey(name, Arrays.copyOfRange(data, 1, data.length));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
        if (!key.keyIdHex().equals(id)) {
            throw new IllegalArgumentException(what + ": the key id " + id + " does not match the name and key (they give "
                    + key.keyIdHex() + ")");
        }
        return key;
    }

    /** SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[:4], big-endian. */
    static int keyId(String name, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0x0a);
            sha.update(ED25519);
            sha.update(publicKey);
            return ByteBuffer.wrap(sha.digest()).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key name. */
    public String name() {
        return name;
    }

    /** The key ID, a big-endian int. */
    public int keyId() {
        return keyId;
    }

    /** The key ID as 8 lowercase hex digits. */
    public String keyIdHex() {
        return String.format("%08x", keyId);
    }

    /** A copy of the raw 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Whether {@code signature} claims this key: same name and key ID. */
    public boolean claimedBy(NoteSignature signature) {
        return signature.keyName().equals(name) && signature.keyId() == keyId;
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code text}. */
    boolean verifies(byte[] text, NoteSignature signature) {
        return claimedBy(signature) && Ed25519.verify(jdkKey, text, signature.rawSignature());
    }

    /** The text form {@code <name>+<8 hex>+<base64(0x01 ‖ key)>}. */
    public String encode() {
        byte[] data = new byte[1 + publicKey.length];
        data[0] = ED25519;
        System.arraycopy(publicKey, 0, data, 1, publicKey.length);
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifierKey k && name.equals(k.name) && Arrays.equals(publicKey, k.publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    /** The text form. */
    @Override
    public String toString() {
        return encode();
    }
}
