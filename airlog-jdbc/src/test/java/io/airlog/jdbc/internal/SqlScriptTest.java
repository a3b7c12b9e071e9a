package io.airlog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.jdbc.SqlDialect;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void semicolonsInsideDollarQuotedBodiesDoNotSplit() {
        assertThat(SqlScript.split("CREATE FUNCTION f() AS $$ BEGIN RAISE 'a'; END $$;\nSELECT 1;"))
                .containsExactly("CREATE FUNCTION f() AS $$ BEGIN RAISE 'a'; END $$", "SELECT 1");
    }

    @Test
    void semicolonsInsideStringsAndCommentsDoNotSplit() {
        assertThat(SqlScript.split("-- a comment; with a semicolon\nSELECT 'x;''y' FROM \"t;\"; SELECT 2"))
                .containsExactly("SELECT 'x;''y' FROM \"t;\"", "SELECT 2");
    }

    @Test
    void everyDialectScriptLoadsWithThePrefixReplaced() {
        for (SqlDialect dialect : SqlDialect.values()) {
            assertThat(SqlScript.load(dialect.scriptResource(1), "p_"))
                    .isNotEmpty()
                    .allSatisfy(statement -> assertThat(statement).doesNotContain("${prefix}"))
                    .anySatisfy(statement -> assertThat(statement).startsWith("CREATE TABLE IF NOT EXISTS p_event"));
        }
    }

    @Test
    void everyDialectHasAVersion2MigrationThatAddsTheEncodingColumn() {
        for (SqlDialect dialect : SqlDialect.values()) {
            assertThat(SqlScript.load(dialect.scriptResource(2), "p_"))
                    .allSatisfy(statement -> assertThat(statement).doesNotContain("${prefix}"))
                    .anySatisfy(statement -> assertThat(statement)
                            .startsWith("ALTER TABLE p_event ADD COLUMN IF NOT EXISTS encoding SMALLINT"));
        }
    }

    @Test
    void missingScriptIsReportedByName() {
        assertThatThrownBy(() -> SqlScript.load("io/airlog/jdbc/sql/h2/V99__airlog.sql", "p_"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V99__airlog.sql is missing");
    }
}
