package io.airlog.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code airlog verify --url} on H2, PostgreSQL and MariaDB. */
class VerifyDatabaseTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anIntactLogExitsZeroAndAChangedRowOneNamingItsRow(TestDatabase db) throws Exception {
        try (TestLog log = TestLog.with(db, "payments", 12)) {
            Cli.Result intact = Cli.run(log.args("verify"));
            assertThat(intact.status()).as(intact.toString()).isZero();
            assertThat(intact.out()).contains("log 'payments' intact: 12 events read, verified through sequence 12")
                    .contains("not checked: signed checkpoints");

            log.tamper("UPDATE {event} SET action = 'forged' WHERE log_id = {log} AND seq = 7");
            Cli.Result damaged = Cli.run(log.args("verify", "--json"));
            assertThat(damaged.status()).as(damaged.toString()).isEqualTo(1);
            assertThat(damaged.out()).contains("\"intact\":false")
                    .contains("{\"kind\":\"CHANGED\",\"position\":7,\"firstSequence\":7,\"lastSequence\":7");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void incrementalStartsAtTheNewestSignedCheckpointRow(TestDatabase db) throws Exception {
        try (TestLog log = TestLog.with(db, "app", 6)) {
            log.checkpoint(6, TestFiles.KEY);
            log.append(3);

            Cli.Result r = Cli.run(log.args("verify", "--incremental", "--keys", TestFiles.keys(dir).toString()));
            Cli.Result withoutKeys = Cli.run(log.args("verify", "--incremental"));

            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out()).contains("intact: 3 events read, verified through sequence 9")
                    .contains("signed through 6").contains("UNSIGNED_TAIL");
            assertThat(withoutKeys.out()).contains("intact: 9 events read");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void checksTheTableAgainstItsWitness(TestDatabase db) throws Exception {
        try (TestLog log = TestLog.with(db, "app", 10)) {
            log.checkpoint(8, TestFiles.KEY);
            Path witness = TestFiles.witness(dir.resolve("app.witness"), log.events, 8, "app");
            String keys = TestFiles.keys(dir).toString();

            Cli.Result intact = Cli.run(log.args("verify", "--keys", keys, "--witness", witness.toString()));
            assertThat(intact.status()).as(intact.toString()).isZero();
            assertThat(intact.out()).contains("witnessed through 8").contains("UNSIGNED_TAIL");

            log.tamper("DELETE FROM {event} WHERE log_id = {log} AND seq > 5",
                    "UPDATE {head} SET size = 5, last_checksum = '" + log.events.get(4).checksum() + "' WHERE log_id"
                            + " = {log}");
            Cli.Result cut = Cli.run(log.args("verify", "--keys", keys, "--witness", witness.toString()));
            assertThat(cut.status()).as(cut.toString()).isEqualTo(1);
            assertThat(cut.out()).contains("BEHIND_WITNESS").contains("sequences 6..8");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aLogRewrittenWithRecomputedChecksumsPassesTheChainButNotTheWitness(TestDatabase db) throws Exception {
        try (TestLog log = TestLog.with(db, "app", 5); TestLog other = TestLog.with(db, "app", 5)) {
            Path witness = TestFiles.witness(dir.resolve("app.witness"), log.events, 5, "app");
            String keys = TestFiles.keys(dir).toString();

            Cli.Result chainOnly = Cli.run(other.args("verify"));
            Cli.Result withWitness = Cli.run(other.args("verify", "--keys", keys, "--witness", witness.toString()));

            assertThat(chainOnly.status()).isZero();
            assertThat(withWitness.status()).as(withWitness.toString()).isEqualTo(1);
            assertThat(withWitness.out()).contains("WITNESS_MISMATCH");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUnknownOrUnnamedLogAndAWrongPrefixAreErrorsThatSayWhatTheDatabaseHolds(TestDatabase db) throws Exception {
        try (TestLog log = TestLog.with(db, "payments", 1)) {
            String[] base = {"verify", "--url", log.url, "--user", db.user(), "--table-prefix", log.tables.prefix()};
            Cli.Result unknown = Cli.run(concat(base, "--log", "payment"));
            Cli.Result unnamed = Cli.run(base);
            Cli.Result prefix = Cli.run("verify", "--url", log.url, "--user", db.user(), "--table-prefix", "nope_",
                    "--log", "payments");

            assertThat(unknown.status()).isEqualTo(2);
            assertThat(unknown.err()).contains("no log 'payment'").contains("it holds the logs payments");
            assertThat(unnamed.status()).isEqualTo(2);
            assertThat(unnamed.err()).contains("name the log with --log").contains("payments");
            assertThat(prefix.status()).isEqualTo(2);
            assertThat(prefix.err()).contains("cannot read the airlog table nope_event").doesNotContain("\tat ");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void aServerThatCannotBeReachedIsAConnectionErrorWithoutThePassword(TestDatabase db) {
        String url = db.url("x").replace(db == TestDatabase.POSTGRESQL ? ":5432/" : ":3306/", ":1/")
                + (db == TestDatabase.POSTGRESQL ? "?password=hunter2" : "?password=hunter2");

        Cli.Result r = Cli.run("verify", "--url", url, "--log", "app", "--user", "nobody");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("cannot connect to").contains("password=***").doesNotContain("hunter2")
                .doesNotContain("\tat ");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void takesThePasswordFromAFileAndRefusesTwoWaysAtOnce(TestDatabase db) throws Exception {
        try (TestLog log = TestLog.with(db, "app", 2)) {
            Path password = TestFiles.write(dir.resolve("pw"), "\n");
            Cli.Result fromFile = Cli.run(log.args("verify", "--password-file", password.toString()));
            Cli.Result twoWays = Cli.run(log.args("verify", "--password-file", password.toString(), "--password-env",
                    "HOME"));
            Cli.Result missingFile = Cli.run(log.args("verify", "--password-file", dir.resolve("none").toString()));

            assertThat(fromFile.status()).as(fromFile.toString()).isZero();
            assertThat(twoWays.status()).isEqualTo(2);
            assertThat(twoWays.err()).contains("give the password one way");
            assertThat(missingFile.status()).isEqualTo(2);
            assertThat(missingFile.err()).contains("cannot read the password file");
        }
    }
}
