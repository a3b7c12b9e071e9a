package io.airlog.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every row of the threat tables of docs/integrity.md names the tests that back it (or says it
 * is not caught), and every test it names exists ({@link ThreatTable}); the rows of the command
 * line's and the database's sections are checked by airlog-cli, those of the writer's refusals by
 * airlog-jdbc: the modules that hold their tests.
 */
class IntegrityDocTest {
    private static final List<String> PACKAGES = List.of("io.airlog.verify", "io.airlog.stream", "io.airlog.witness",
            "io.airlog.checkpoint", "io.airlog.merkle");

    @Test
    void everyThreatRowNamesExistingTestsOrSaysItIsNotCaught() throws Exception {
        List<String> rows = ThreatTable.rows(heading -> !heading.equals(ThreatTable.CLI_SECTION)
                && !heading.equals(ThreatTable.DATABASE_SECTION) && !heading.equals(ThreatTable.WRITER_SECTION));
        assertThat(rows).hasSizeGreaterThan(20);
        assertThat(ThreatTable.check(rows, PACKAGES)).hasSizeGreaterThan(20);
    }
}
