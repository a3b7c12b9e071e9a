package io.airlog.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, making and writing signing keys; the private key never shows. */
class SigningKeysTest {
    /** RFC 8032 TEST 1's key as OpenSSL writes it ({@code openssl pkey} prints the same). */
    private static final String RFC8032_PEM = "-----BEGIN PRIVATE KEY-----\n"
            + "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n";
    private static final String PASSWORD = "keystore-pass";

    @TempDir
    Path dir;

    @Test
    void anOpenSslPemKeyIsReadAndItsPublicKeyDerived() throws Exception {
        Path file = dir.resolve("rfc.pem");
        Files.writeString(file, RFC8032_PEM);

        NoteSigner signer = SigningKeys.readPem(file, "example.com/log");

        assertThat(signer.verifierKey().publicKey()).isEqualTo(TestKeys.RFC8032_TEST1_PUBLIC);
        assertThat(signer.verifierKey()).isEqualTo(TestKeys.rfc8032Test1("example.com/log").verifierKey());
    }

    @Test
    void aWrittenKeyIsOwnerOnlyAndReadsBackAsTheSameKey() throws Exception {
        NoteSigner signer = SigningKeys.generate("example.com/log");
        Path file = dir.resolve("keys/signing.pem");

        SigningKeys.writePem(signer, file);

        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("\n-----END PRIVATE KEY-----\n");
        NoteSigner read = SigningKeys.readPem(file, "example.com/log");
        assertThat(read.verifierKey()).isEqualTo(signer.verifierKey());
        assertThat(read.sign("x\n")).isEqualTo(signer.sign("x\n"));
    }

    @Test
    void anExistingKeyFileIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("signing.pem");
        Files.writeString(file, "precious");

        assertThatThrownBy(() -> SigningKeys.writePem(SigningKeys.generate("k"), file))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("exists already");
        assertThat(Files.readString(file)).isEqualTo("precious");
    }

    @Test
    void thePrivateKeyAppearsNeitherInToStringNorInErrorMessages() throws Exception {
        NoteSigner signer = TestKeys.rfc8032Test1("example.com/log");
        String seedHex = HexFormat.of().formatHex(TestKeys.RFC8032_TEST1_SEED);
        String seedBase64 = Base64.getEncoder().encodeToString(TestKeys.RFC8032_TEST1_SEED);
        Path damaged = dir.resolve("damaged.pem");
        byte[] der = HexFormat.of().parseHex("302e020100300506032b657004220421" + seedHex); // inner length off by one
        Files.writeString(damaged, "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n");

        assertThat(signer.toString()).isEqualTo("NoteSigner[example.com/log+" + signer.verifierKey().keyIdHex() + "]")
                .doesNotContain(seedHex).doesNotContain(seedBase64);
        assertThatThrownBy(() -> SigningKeys.readPem(damaged, "example.com/log"))
                .hasMessageContaining("does not hold an Ed25519 private key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("MC4C").doesNotContain(seedBase64)
                        .doesNotContain(seedHex));
    }

    @Test
    void anEncryptedPemKeyIsRefusedWithAdvice() throws Exception {
        Path file = dir.resolve("enc.pem");
        Files.writeString(file, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIGb\n-----END ENCRYPTED PRIVATE KEY-----\n");

        assertThatThrownBy(() -> SigningKeys.readPem(file, "k")).hasMessageContaining("encrypted PEM key")
                .hasMessageContaining("PKCS#12");
    }

    @Test
    void aPemFileWithoutAPrivateKeyOrWithAnotherAlgorithmIsRefused() throws Exception {
        Path none = dir.resolve("none.pem");
        Files.writeString(none, "hello\n");
        Path rsa = dir.resolve("rsa.pem");
        byte[] der = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded();
        Files.writeString(rsa, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> SigningKeys.readPem(none, "k")).hasMessageContaining("holds no '-----BEGIN PRIVATE KEY-----'");
        assertThatThrownBy(() -> SigningKeys.readPem(rsa, "k")).hasMessageContaining("does not hold an Ed25519 private key");
        assertThatThrownBy(() -> SigningKeys.readPem(dir.resolve("missing.pem"), "k"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing.pem");
    }

    @Test
    void anInvalidKeyNameIsRefusedBeforeTheKeyIsRead() {
        assertThatThrownBy(() -> SigningKeys.generate("with space")).hasMessageContaining("contains a space");
        assertThatThrownBy(() -> SigningKeys.generate("a+b")).hasMessageContaining("contains '+'");
    }

    @Test
    void aPkcs12KeystoreEntryMadeByKeytoolIsRead() throws Exception {
        Path store = keytool("Ed25519", "audit");

        NoteSigner signer = SigningKeys.readPkcs12(store, "audit", PASSWORD.toCharArray(), "example.com/log");

        SignedNote note = SignedNote.sign("hello\n", signer);
        assertThat(TrustedKeys.of(signer.verifierKey()).verify(note)).containsExactly(signer.verifierKey());
    }

    @Test
    void aPkcs12KeystoreWithAWrongPasswordOrAliasOrKeyTypeIsRefused() throws Exception {
        Path store = keytool("Ed25519", "audit");
        Path rsa = keytool("RSA", "rsa");

        assertThatThrownBy(() -> SigningKeys.readPkcs12(store, "audit", "wrong".toCharArray(), "k"))
                .hasMessageContaining("wrong password").satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
        assertThatThrownBy(() -> SigningKeys.readPkcs12(store, "other", PASSWORD.toCharArray(), "k"))
                .hasMessageContaining("has no entry 'other' (it has: audit)");
        assertThatThrownBy(() -> SigningKeys.readPkcs12(rsa, "rsa", PASSWORD.toCharArray(), "k"))
                .hasMessageContaining("is not an Ed25519 private key (RSA)");
    }

    private Path keytool(String algorithm, String alias) throws Exception {
        Path store = dir.resolve(alias + "-" + algorithm + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-keyalg", algorithm, "-alias", alias,
                "-dname", "CN=airlog test", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return store;
    }
}
