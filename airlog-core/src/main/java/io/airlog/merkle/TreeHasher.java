package io.airlog.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of RFC 9162 section 2.1 (the same as RFC 6962 section 2.1) with SHA-256: a leaf
 * is hashed as SHA-256(0x00 ‖ leaf), an inner node as SHA-256(0x01 ‖ left ‖ right), and the
 * empty tree's root is SHA-256 of nothing. In an airlog log, the leaf is the 32-byte checksum
 * of the event at that position. Thread-safe.
 */
public final class TreeHasher {
    /** The root of the empty tree: SHA-256 of the empty string. */
    public static final Digest EMPTY_ROOT;

    private static final MessageDigest PROTOTYPE;
    private static final ThreadLocal<MessageDigest> LOCAL;

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError("the JDK has no SHA-256: " + e);
        }
        LOCAL = ThreadLocal.withInitial(TreeHasher::newSha256);
        EMPTY_ROOT = Digest.wrap(newSha256().digest());
    }

    private TreeHasher() {
    }

    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    /** This thread's SHA-256, reset. */
    static MessageDigest sha256() {
        MessageDigest sha = LOCAL.get();
        sha.reset();
        return sha;
    }

    /** SHA-256(0x00 ‖ leaf): the hash of a leaf. */
    public static Digest leafHash(Digest leaf) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        leaf.writeTo(sha);
        return Digest.wrap(sha.digest());
    }

    /** SHA-256(0x01 ‖ left ‖ right): the hash of an inner node. */
    public static Digest nodeHash(Digest left, Digest right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        left.writeTo(sha);
        right.writeTo(sha);
        return Digest.wrap(sha.digest());
    }
}
