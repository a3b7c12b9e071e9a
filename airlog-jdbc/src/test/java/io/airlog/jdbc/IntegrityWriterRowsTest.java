package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.docs.ThreatTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rows of docs/integrity.md on the writer's refusals name existing tests of airlog-jdbc. */
class IntegrityWriterRowsTest {
    @Test
    void everyWriterRefusalRowNamesExistingTests() throws Exception {
        List<String> rows = ThreatTable.rows(ThreatTable.WRITER_SECTION::equals);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(11);
        assertThat(ThreatTable.check(rows, List.of("io.airlog.jdbc"))).hasSizeGreaterThanOrEqualTo(12);
    }
}
