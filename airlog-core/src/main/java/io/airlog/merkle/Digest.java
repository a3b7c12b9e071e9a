package io.airlog.merkle;

import io.airlog.internal.StrictBase64;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A 32-byte SHA-256 value: a leaf of a log's Merkle tree (an event's checksum), the hash of a
 * leaf or of an inner node, or a tree's root. Immutable.
 */
public final class Digest {
    /** The length of a digest in bytes. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Digest(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A digest from its 32 bytes (copied).
     *
     * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
     */
    public static Digest of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a digest is 32 bytes, not " + bytes.length);
        }
        return new Digest(bytes.clone());
    }

    /** Wraps an array this package owns, without copying. */
    static Digest wrap(byte[] bytes) {
        return new Digest(bytes);
    }

    /**
     * A digest from 64 lowercase hexadecimal digits, the form of an event checksum.
     *
     * @throws IllegalArgumentException naming the problem if {@code hex} is not 64 lowercase
     *         hexadecimal digits
     */
    public static Digest fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a digest is 64 hexadecimal digits, not " + hex.length()
                    + " characters");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new IllegalArgumentException("a digest is lowercase hexadecimal; character " + (i + 1)
                        + " is not");
            }
        }
        return new Digest(HEX.parseHex(hex));
    }

    /**
     * A digest from standard base64 (RFC 4648 section 4, with padding: 44 characters).
     *
     * @throws IllegalArgumentException naming the problem if {@code base64} is not the
     *         canonical base64 of 32 bytes
     */
    public static Digest fromBase64(String base64) {
        return new Digest(StrictBase64.decode(base64, LENGTH, "a digest"));
    }

    /** The SHA-256 of {@code data}. */
    public static Digest sha256(byte[] data) {
        MessageDigest sha = TreeHasher.sha256();
        return new Digest(sha.digest(data));
    }

    /** A copy of the 32 bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** The bytes without a copy, for this package's hashing. */
    byte[] raw() {
        return bytes;
    }

    /** Feeds the 32 bytes to {@code sha}. */
    void writeTo(MessageDigest sha) {
        sha.update(bytes);
    }

    /** 64 lowercase hexadecimal digits. */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** Standard base64 with padding (44 characters). */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digest d && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The hexadecimal form. */
    @Override
    public String toString() {
        return hex();
    }
}
