package io.airlog.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.jdbc.TableNames;
import org.junit.jupiter.api.Test;

class BenchDatabaseTest {

    @Test
    void freshPrefixesAreValidAndDiffer() {
        String a = BenchDatabase.freshPrefix("naivechained64");
        String b = BenchDatabase.freshPrefix("naivechained64");

        assertThat(new TableNames(a).prefix()).isEqualTo(a).startsWith("bench").endsWith("_naivechained64_");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void databaseNamesOfTheCommandLineAreRecognised() {
        assertThat(BenchDatabase.kindOf("h2")).isEqualTo(BenchDatabase.Kind.H2);
        assertThat(BenchDatabase.kindOf("PostgreSQL")).isEqualTo(BenchDatabase.Kind.POSTGRESQL);
    }

    @Test
    void anUnknownDatabaseIsNamedInTheError() {
        assertThatThrownBy(() -> BenchDatabase.kindOf("oracle")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--db").hasMessageContaining("oracle");
    }

    @Test
    void theH2FileDatabaseUsesDefaultSettings() {
        assertThat(BenchDatabase.h2File(java.nio.file.Path.of("/tmp/x")).url()).isEqualTo("jdbc:h2:file:/tmp/x/bench");
    }
}
