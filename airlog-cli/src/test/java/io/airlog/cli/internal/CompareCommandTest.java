package io.airlog.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import io.airlog.encoding.EventJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code airlog compare}: a database and its archive, two databases, two files. */
class CompareCommandTest {
    @TempDir
    Path dir;

    private Path archive(List<AuditEvent> events) throws Exception {
        return Files.write(dir.resolve("archive-" + System.nanoTime() + ".jsonl"),
                events.stream().map(EventJson::toJson).toList());
    }

    private static String[] compare(TestLog log, String right, String... more) {
        String[] base = {"compare", log.url, right, "--user", log.db.user(), "--table-prefix", log.tables.prefix()};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseAndItsArchiveAreIdenticalAndEveryDifferenceIsReportedWithSideKindAndRange(TestDatabase db)
            throws Exception {
        try (TestLog log = TestLog.with(db, "app", 12)) {
            Path archive = archive(log.events);
            Cli.Result same = Cli.run(compare(log, archive.toString()));
            assertThat(same.status()).as(same.toString()).isZero();
            assertThat(same.out()).contains("identical").contains("12 events");

            log.tamper("DELETE FROM {event} WHERE log_id = {log} AND seq = 3",
                    "UPDATE {event} SET action = 'forged' WHERE log_id = {log} AND seq = 6");
            List<String> lines = TestFiles.lines(archive);
            lines.remove(9);
            Files.write(archive, lines);
            Cli.Result differs = Cli.run(compare(log, archive.toString(), "--json"));

            assertThat(differs.status()).as(differs.toString()).isEqualTo(1);
            assertThat(differs.out()).contains("\"identical\":false")
                    .contains("{\"kind\":\"MISSING\",\"side\":\"LEFT\",\"store\":\"" + log.url + " (log app)\","
                            + "\"firstSequence\":3,\"lastSequence\":3")
                    .contains("{\"kind\":\"DIFFERENT\",\"side\":\"BOTH\"")
                    .contains("\"firstSequence\":6,\"lastSequence\":6,\"position\":0,\"detail\":\"the left event does"
                            + " not match its own checksum")
                    .contains("{\"kind\":\"MISSING\",\"side\":\"RIGHT\",\"store\":\"" + archive + "\","
                            + "\"firstSequence\":10,\"lastSequence\":10");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPrimaryAndItsReplicaDatabaseWithAnExtraEventOnThePrimary(TestDatabase db) throws Exception {
        try (TestLog primary = TestLog.with(db, "app", 7); TestLog replica = TestLog.with(db, "app", 0)) {
            replica.copy(primary.events);
            Cli.Result same = Cli.run(databases(primary, replica));
            primary.append(2);
            Cli.Result behind = Cli.run(databases(primary, replica));
            Path archive = archive(primary.events.subList(0, 5));
            Cli.Result partial = Cli.run(compare(primary, archive.toString()));

            assertThat(same.status()).as(same.toString()).isZero();
            assertThat(behind.status()).as(behind.toString()).isEqualTo(1);
            assertThat(behind.out()).contains("MISSING in '" + replica.url + " (log app)' at sequences 8..9");
            assertThat(partial.status()).isEqualTo(1);
            assertThat(partial.out()).contains("MISSING in '" + archive + "' at sequences 6..9");
        }
    }

    private static String[] databases(TestLog left, TestLog right) {
        return new String[] {"compare", left.url, right.url, "--log", "app", "--user", left.db.user(),
            "--table-prefix", left.tables.prefix(), "--right-table-prefix", right.tables.prefix()};
    }

    @Test
    void twoFilesAreComparedByTheLogOfTheirFirstEvent() throws Exception {
        Path a = TestFiles.signedFile(dir.resolve("a.jsonl"), "app", 4, null);
        Path b = TestFiles.signedFile(dir.resolve("b.jsonl"), "app", 4, null);

        Cli.Result r = Cli.run("compare", a.toString(), a.toString());
        Cli.Result different = Cli.run("compare", a.toString(), b.toString());

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("log 'app' identical").contains("4 events");
        assertThat(different.status()).isEqualTo(1);
        assertThat(different.out()).contains("DIFFERENT in '" + a + " and " + b + "' at sequences 1..4: two"
                + " different intact events");
    }
}
