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
        assertThat(BenchDatabase.kindOf("mariadb")).isEqualTo(BenchDatabase.Kind.MARIADB);
    }

    @Test
    void postgresqlConnectionsAreNamedAfterThisJvmUnlessTheUrlNamesThem() {
        BenchDatabase unnamed = BenchDatabase.postgresql("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        BenchDatabase named = BenchDatabase.postgresql("jdbc:postgresql://h/db?ApplicationName=mine&user=u");

        assertThat(unnamed.applicationName()).contains("airlog-bench-" + ProcessHandle.current().pid());
        assertThat(unnamed.url()).endsWith("&ApplicationName=airlog-bench-" + ProcessHandle.current().pid());
        assertThat(named.applicationName()).contains("mine");
        assertThat(named.url()).isEqualTo("jdbc:postgresql://h/db?ApplicationName=mine&user=u");
        assertThat(BenchDatabase.postgresql("jdbc:postgresql://h/db").url()).contains("/db?ApplicationName=");
    }

    @Test
    void aChildJvmRecognisesTheDatabaseOfItsUrl() {
        assertThat(BenchDatabase.ofUrl("jdbc:h2:mem:x").kind()).isEqualTo(BenchDatabase.Kind.H2);
        assertThat(BenchDatabase.ofUrl(BenchDatabase.DEFAULT_MARIADB_URL).kind()).isEqualTo(BenchDatabase.Kind.MARIADB);
        assertThat(BenchDatabase.ofUrl(BenchDatabase.DEFAULT_POSTGRESQL_URL).kind())
                .isEqualTo(BenchDatabase.Kind.POSTGRESQL);
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
