package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.verify.VerificationReport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The README's JDBC example, as written there (on a private H2 database), so that it stays true. */
class ReadmeJdbcExampleTest {

    @Test
    void readmeExampleStoresAnEventThatTheVerifierFindsIntact() {
        DataSource ds = TestDatabase.H2.dataSource("readme_" + TestDatabase.uniquePrefix());
        try (JdbcAuditStream audit = JdbcAuditStream.builder(ds)
                .logId("payments")
                .schemaMode(SchemaMode.CREATE)
                .build()) {
            audit.record(AuditDraft.builder("refund").resource("Order", "o-17").put("amount", 20));
        }
        JdbcChainVerifier verifier = new JdbcChainVerifier(ds, TableNames.DEFAULT);
        VerificationReport report = verifier.verifyFull("payments");

        assertThat(report.intact()).isTrue();
        assertThat(report.end().size()).isEqualTo(1);
    }
}
