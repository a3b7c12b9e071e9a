package io.airlog.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Objects;

/**
 * Ed25519 signing keys for checkpoints: reading them from a PKCS#8 PEM file or a PKCS#12
 * keystore, making new ones, and writing a private key as PEM readable by its owner only.
 *
 * <p>Messages name files, aliases and what is wrong, never key bytes or passwords.
 */
public final class SigningKeys {
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private SigningKeys() {
    }

    /**
     * A signer from an unencrypted PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}), as
     * written by {@link #writePem}, {@code openssl genpkey -algorithm ed25519} or
     * {@code airlog keygen}.
     *
     * @param keyName the key name its signatures carry (C2SP rules: no spaces, no plus)
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if it is not an unencrypted PEM Ed25519 private key
     */
    public static NoteSigner readPem(Path file, String keyName) {
        NoteText.checkKeyName(keyName);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key file " + file + ": " + e.getMessage(), e);
        }
        return signer(keyName, privateKey(file, pemBody(file, text)));
    }

    private static byte[] pemBody(Path file, String text) {
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new IllegalArgumentException("the signing key file " + file + " is an encrypted PEM key, which is not"
                    + " supported: use a PKCS#12 keystore with a password, or an unencrypted key file that only the"
                    + " application's user can read");
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the signing key file " + file + " holds no '" + BEGIN + "' ... '" + END
                    + "' block (an Ed25519 key in PKCS#8 PEM form is expected)");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the signing key file " + file + " does not hold valid base64");
        }
    }

    private static PrivateKey privateKey(Path file, byte[] der) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the signing key file " + file + " does not hold an Ed25519 private key"
                    + " in PKCS#8 form (" + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /**
     * A signer from a PKCS#12 keystore entry: its private key, and the public key of its
     * certificate (which must belong to it). Keytool makes one with
     * {@code keytool -genkeypair -keyalg Ed25519 -storetype PKCS12 -alias <alias> -keystore <file>}.
     *
     * @param password the keystore password, also used for the entry
     * @param keyName the key name its signatures carry
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if the password is wrong, the alias is missing, or the
     *         entry is not an Ed25519 key with a matching certificate
     */
    public static NoteSigner readPkcs12(Path file, String alias, char[] password, String keyName) {
        NoteText.checkKeyName(keyName);
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(password, "password");
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException("cannot open the keystore " + file + ": wrong password");
            }
            if (Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot open the keystore " + file + " as PKCS#12: " + e.getMessage());
            }
            throw new UncheckedIOException("cannot read the keystore " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot open the keystore " + file + " as PKCS#12 ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            if (!store.containsAlias(alias)) {
                throw new IllegalArgumentException("the keystore " + file + " has no entry '" + alias + "' (it has: "
                        + String.join(", ", Collections.list(store.aliases())) + ")");
            }
            Key key = store.getKey(alias, password);
            Certificate certificate = store.getCertificate(alias);
            if (!(key instanceof PrivateKey privateKey) || !"EdDSA".equals(key.getAlgorithm())
                    && !"Ed25519".equals(key.getAlgorithm())) {
                throw new IllegalArgumentException("the entry '" + alias + "' of the keystore " + file
                        + " is not an Ed25519 private key" + (key == null ? "" : " (" + key.getAlgorithm() + ")"));
            }
            if (certificate == null) {
                throw new IllegalArgumentException("the entry '" + alias + "' of the keystore " + file
                        + " has no certificate to take the public key from");
            }
            try {
                Ed25519.checkPair(privateKey, certificate.getPublicKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the certificate of entry '" + alias + "' of the keystore " + file
                        + " does not belong to its private key");
            }
            return new NoteSigner(keyName, privateKey, certificate.getPublicKey());
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException("cannot recover the key '" + alias + "' of the keystore " + file
                    + ": wrong password");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the entry '" + alias + "' of the keystore " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Checks a key name before a key is read with it: not empty, no space, no {@code +}, no
     * control character (C2SP signed-note).
     *
     * @return the name
     * @throws IllegalArgumentException naming what is wrong
     */
    public static String checkKeyName(String keyName) {
        return NoteText.checkKeyName(keyName);
    }

    /** A new random key pair. */
    public static NoteSigner generate(String keyName) {
        NoteText.checkKeyName(keyName);
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new NoteSigner(keyName, pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys: " + e.getMessage(), e);
        }
    }

    /**
     * A signer from a raw 32-byte Ed25519 private key (the "seed" of RFC 8032), e.g. one kept
     * in a secret store, or the published test keys of RFC 8032 section 7.1.
     *
     * @throws IllegalArgumentException if {@code seed} is not 32 bytes
     */
    public static NoteSigner fromSeed(byte[] seed, String keyName) {
        NoteText.checkKeyName(keyName);
        if (seed.length != Ed25519.KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 private key is 32 bytes, not " + seed.length);
        }
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed.clone()));
            return signer(keyName, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot read Ed25519 keys: " + e.getMessage(), e);
        }
    }

    private static NoteSigner signer(String keyName, PrivateKey key) {
        return new NoteSigner(keyName, key, Ed25519.derivePublic(key));
    }

    /**
     * Writes the signer's private key as an unencrypted PKCS#8 PEM file that only its owner
     * may read and write (POSIX mode 0600, set when the file is created; on file systems
     * without POSIX permissions, read and write access is removed for everyone but the owner).
     * Refuses to overwrite an existing file.
     *
     * @throws UncheckedIOException if the file exists or cannot be written
     */
    public static void writePem(NoteSigner signer, Path file) {
        byte[] der = signer.privateKey().getEncoded();
        String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n" + END + "\n";
        Arrays.fill(der, (byte) 0);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
                java.io.File f = file.toFile();
                if (!(f.setReadable(false, false) && f.setReadable(true, true) && f.setWritable(false, false)
                        && f.setWritable(true, true))) {
                    throw new IOException("cannot restrict the permissions of " + file + " to its owner");
                }
            }
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("the key file " + file + " exists already; it is never overwritten", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key file " + file + ": " + e.getMessage(), e);
        }
    }
}
