package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableNamesTest {
    @Test
    void defaultPrefixNamesTheTables() {
        assertThat(TableNames.DEFAULT.event()).isEqualTo("airlog_event");
        assertThat(TableNames.DEFAULT.head()).isEqualTo("airlog_head");
        assertThat(TableNames.DEFAULT.checkpoint()).isEqualTo("airlog_checkpoint");
    }

    @Test
    void prefixWithSqlMetacharactersIsRejectedNamingIt() {
        assertThatThrownBy(() -> TableNames.of("x; DROP TABLE y; --"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x; DROP TABLE y; --'")
                .hasMessageContaining("ASCII letters, digits and underscores");
    }

    @Test
    void prefixStartingWithADigitIsRejected() {
        assertThatThrownBy(() -> TableNames.of("1_")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start with an ASCII letter");
    }

    @Test
    void emptyPrefixIsRejected() {
        assertThatThrownBy(() -> TableNames.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table prefix ''");
    }

    @Test
    void overlongPrefixIsRejectedWithTheLimit() {
        assertThatThrownBy(() -> TableNames.of("a".repeat(33))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the limit is 32");
    }

    @Test
    void nonAsciiLetterIsRejected() {
        assertThatThrownBy(() -> TableNames.of("audit_é_")).isInstanceOf(IllegalArgumentException.class);
    }
}
