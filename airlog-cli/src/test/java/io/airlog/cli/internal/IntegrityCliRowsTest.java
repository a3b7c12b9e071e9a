package io.airlog.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.docs.ThreatTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rows of docs/integrity.md that the command line catches, and those of a database log,
 * name existing tests of airlog-cli.
 */
class IntegrityCliRowsTest {
    @Test
    void everyCommandLineThreatRowNamesExistingTests() throws Exception {
        List<String> rows = ThreatTable.rows(ThreatTable.CLI_SECTION::equals);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(8);
        assertThat(ThreatTable.check(rows, List.of("io.airlog.cli.internal"))).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void everyDatabaseThreatRowNamesExistingTests() throws Exception {
        List<String> rows = ThreatTable.rows(ThreatTable.DATABASE_SECTION::equals);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(16);
        assertThat(ThreatTable.check(rows, List.of("io.airlog.cli.internal"))).hasSizeGreaterThanOrEqualTo(16);
    }
}
