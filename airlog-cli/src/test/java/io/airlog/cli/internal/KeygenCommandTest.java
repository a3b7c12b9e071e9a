package io.airlog.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.TreeHasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesAnOwnerOnlyKeyWhoseVerifierKeyIsPrintedAndChecksItsSignatures() throws Exception {
        Path pem = dir.resolve("signing.pem");

        Cli.Result r = Cli.run("keygen", "--name", "audit.example.com/payments", "--out", pem.toString());

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pem))).isEqualTo("rw-------");
        NoteSigner signer = SigningKeys.readPem(pem, "audit.example.com/payments");
        String printed = r.out().strip();
        assertThat(printed).isEqualTo(signer.verifierKey().encode()).startsWith("audit.example.com/payments+");
        Checkpoint c = new Checkpoint("audit.example.com/payments", 0, TreeHasher.EMPTY_ROOT);
        assertThat(TrustedKeys.parse(printed).open(signer.sign(c).format(), c.origin()).size()).isZero();
    }

    @Test
    void writesTheVerifierKeyToAFileAndReportsInJson() throws Exception {
        Path pem = dir.resolve("k.pem");
        Path vkey = dir.resolve("k.vkey");

        Cli.Result r = Cli.run("keygen", "--name", "k", "--out", pem.toString(), "--verifier-out", vkey.toString(),
                "--json");

        assertThat(r.status()).as(r.toString()).isZero();
        String line = Files.readString(vkey).strip();
        assertThat(r.out()).contains("\"verifierKey\":\"" + line + "\"").contains("\"keyName\":\"k\"");
        assertThat(TrustedKeys.read(vkey).keys()).hasSize(1);
    }

    @Test
    void neverOverwritesAKeyFileAndLeavesNothingBehindWhenTheVerifierFileExists() throws Exception {
        Path pem = Files.writeString(dir.resolve("existing.pem"), "precious");
        Path vkey = Files.writeString(dir.resolve("existing.vkey"), "kept");

        Cli.Result r = Cli.run("keygen", "--name", "k", "--out", pem.toString());
        Cli.Result r2 = Cli.run("keygen", "--name", "k", "--out", dir.resolve("new.pem").toString(), "--verifier-out",
                vkey.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("exists already").doesNotContain("Exception");
        assertThat(Files.readString(pem)).isEqualTo("precious");
        assertThat(r2.status()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("new.pem"))).isFalse();
        assertThat(Files.readString(vkey)).isEqualTo("kept");
    }

    @Test
    void aKeyNameWithASpaceOrWithoutOutputIsAUsageError() {
        Cli.Result space = Cli.run("keygen", "--name", "a b", "--out", dir.resolve("x.pem").toString());
        Cli.Result missing = Cli.run("keygen", "--name", "k");

        assertThat(space.status()).isEqualTo(2);
        assertThat(space.err()).contains("--name").doesNotContain("at io.airlog");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("--out");
    }
}
