package io.airlog.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.jdbc.JdbcAuditStream;
import io.airlog.jdbc.SchemaMode;
import io.airlog.jdbc.TableNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a child process with {@code java -jar}: every driver inside, the exit codes. */
class AirlogJarIT {
    private static final Path JAR = Path.of(System.getProperty("airlog.cli.jar", "target/airlog.jar"));

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run airlog(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static Run airlog(String... args) throws Exception {
        return airlog(Map.of(), args);
    }

    @Test
    void printsItsVersionAndUsage() throws Exception {
        Run version = airlog("--version");
        Run usage = airlog();

        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("airlog 0.");
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).contains("Usage: airlog").contains("verify").contains("keygen");
    }

    @Test
    void verifiesAFileWithExitCodesZeroOneAndTwo() throws Exception {
        Path file = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 5, null);
        Path keys = TestFiles.keys(dir);
        Run intact = airlog("verify", file.toString(), "--keys", keys.toString());
        List<String> lines = TestFiles.lines(file);
        lines.set(2, lines.get(2).replace("\"n\":2", "\"n\":9"));
        Files.write(file, lines);
        Run damaged = airlog("verify", file.toString(), "--keys", keys.toString());
        Run missing = airlog("verify", dir.resolve("none").toString());

        assertThat(intact.status()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("intact").contains("signed through 5");
        assertThat(damaged.status()).isEqualTo(1);
        assertThat(damaged.out()).contains("line 3: CHANGED");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("airlog verify: no such file: " + dir.resolve("none") + "\n");
    }

    @Test
    void makesAKeyAndProvesAndChecksAnEventWithIt() throws Exception {
        Path pem = dir.resolve("k.pem");
        Path vkey = dir.resolve("k.vkey");
        Run keygen = airlog("keygen", "--name", "example.com/app", "--out", pem.toString(), "--verifier-out",
                vkey.toString());
        io.airlog.checkpoint.NoteSigner key = io.airlog.checkpoint.SigningKeys.readPem(pem, "example.com/app");
        Path file = dir.resolve("a.jsonl");
        try (var s = io.airlog.stream.JsonLinesAuditStream.builder(file, "app").signer(key).build()) {
            for (int i = 1; i <= 9; i++) {
                s.record(TestLog.draft(i));
            }
        }
        Path proof = dir.resolve("e.proof");
        Run prove = airlog("prove", file.toString(), "--seq", "4", "--keys", vkey.toString(), "-o", proof.toString());
        Run check = airlog("check-proof", proof.toString(), "--keys", vkey.toString());

        assertThat(keygen.status()).as(keygen.err()).isZero();
        assertThat(prove.status()).as(prove.err()).isZero();
        assertThat(check.status()).as(check.err()).isZero();
        assertThat(check.out()).startsWith("valid: event ").contains("sequence 4");
    }

    @Test
    void readsPostgreSqlWithThePasswordFromTheEnvironment() throws Exception {
        try (TestLog log = TestLog.with(TestDatabase.POSTGRESQL, "payments", 4)) {
            Run viaNamedVariable = airlog(Map.of("AUDIT_PW", "unused-with-trust"), log.args("verify",
                    "--password-env", "AUDIT_PW"));
            Run viaDefaultVariable = airlog(Map.of("AIRLOG_PASSWORD", "unused-with-trust"), log.args("verify",
                    "--json"));
            Run unsetVariable = airlog(log.args("verify", "--password-env", "AIRLOG_TEST_UNSET_VARIABLE"));

            assertThat(viaNamedVariable.status()).as(viaNamedVariable.err()).isZero();
            assertThat(viaNamedVariable.out()).contains("log 'payments' intact: 4 events read");
            assertThat(viaDefaultVariable.status()).isZero();
            assertThat(viaDefaultVariable.out()).startsWith("{\"log\":\"payments\",\"intact\":true");
            assertThat(unsetVariable.status()).isEqualTo(2);
            assertThat(unsetVariable.err()).contains("AIRLOG_TEST_UNSET_VARIABLE is not set");
        }
    }

    @Test
    void readsMariaDbAndAnH2FileDatabase() throws Exception {
        Path archive = dir.resolve("archive.jsonl");
        try (TestLog log = TestLog.with(TestDatabase.MARIADB, "app", 3)) {
            Files.write(archive, log.events.stream().map(io.airlog.encoding.EventJson::toJson).toList());
            Run compare = airlog("compare", log.url, archive.toString(), "--user", "root", "--table-prefix",
                    log.tables.prefix());
            assertThat(compare.status()).as(compare.err()).isZero();
            assertThat(compare.out()).contains("identical").contains("3 events");
        }
        String url = "jdbc:h2:file:" + dir.resolve("h2db");
        TableNames tables = TableNames.of("airlog_");
        DatabaseLogin login = new DatabaseLogin(url, "sa", null, tables);
        try (JdbcAuditStream s = JdbcAuditStream.builder(login.dataSource()).logId("app")
                .schemaMode(SchemaMode.CREATE).build()) {
            s.record(TestLog.draft(1));
            s.record(TestLog.draft(2));
        }
        Run h2 = airlog("verify", "--url", url, "--user", "sa", "--log", "app");
        assertThat(h2.status()).as(h2.err()).isZero();
        assertThat(h2.out()).contains("log 'app' intact: 2 events read");
    }
}
