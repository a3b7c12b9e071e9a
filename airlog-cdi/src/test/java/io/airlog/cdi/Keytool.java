package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Makes PKCS#12 keystores with the JDK's keytool, as an operator would. */
final class Keytool {
    private Keytool() {
    }

    /** A new keystore in {@code dir} with one key pair of {@code algorithm} under {@code alias}. */
    static Path keystore(Path dir, String algorithm, String alias, String password) throws Exception {
        Path store = dir.resolve(alias + "-" + algorithm + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-keyalg", algorithm, "-alias", alias,
                "-dname", "CN=airlog test", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", password, "-keypass", password)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return store;
    }
}
