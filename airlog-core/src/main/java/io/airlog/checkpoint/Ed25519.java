package io.airlog.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 with the JDK's own provider ({@code KeyFactory}, {@code KeyPairGenerator} and
 * {@code Signature} named "Ed25519"): raw 32-byte public keys, signing and verifying.
 */
final class Ed25519 {
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    static final int KEY_LENGTH = 32;
    static final int SIGNATURE_LENGTH = 64;

    private Ed25519() {
    }

    /** The raw 32-byte public key: the last 32 bytes of its X.509 encoding. */
    static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())
                || encoded.length != X509_PREFIX.length + KEY_LENGTH
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key (algorithm " + key.getAlgorithm() + ")");
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    /** The JDK public key of a raw 32-byte key. */
    static PublicKey publicKey(byte[] raw) {
        if (raw.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, not " + raw.length);
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_LENGTH);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, KEY_LENGTH);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key: " + e.getMessage());
        }
    }

    /**
     * The public key of a private key. The JDK offers no direct way, so the key pair generator
     * is given the private key's 32 bytes as its "random" seed, which is how it makes a private
     * key; the result is then checked by signing and verifying.
     */
    static PublicKey derivePublic(PrivateKey privateKey) {
        if (!(privateKey instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()) {
            throw new IllegalArgumentException("not an Ed25519 private key (algorithm " + privateKey.getAlgorithm()
                    + ")");
        }
        byte[] seed = ed.getBytes().get();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] derived = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            boolean same = Arrays.equals(derived, seed);
            Arrays.fill(derived, (byte) 0);
            if (!same) {
                throw new IllegalStateException("this JDK's Ed25519 key pair generator does not take its seed as the"
                        + " private key; cannot compute the public key");
            }
            checkPair(privateKey, pair.getPublic());
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute the Ed25519 public key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * Checks that a private and a public key belong together, by signing a fixed text.
     *
     * @throws IllegalArgumentException if they do not
     */
    static void checkPair(PrivateKey privateKey, PublicKey publicKey) {
        byte[] probe = "airlog key pair check".getBytes(StandardCharsets.US_ASCII);
        if (!verify(publicKey, probe, sign(privateKey, probe))) {
            throw new IllegalArgumentException("the public key does not belong to the private key");
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getClass().getSimpleName(), e);
        }
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A "random" source that hands out one fixed seed. */
    private static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the key pair generator asked for " + bytes.length + " bytes, not "
                        + seed.length);
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
