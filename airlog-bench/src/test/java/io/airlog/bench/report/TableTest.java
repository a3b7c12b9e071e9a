package io.airlog.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void rendersMarkdownWithNumbersRightAligned() {
        String table = new Table("check", "events/s").row("full", "900").row("incremental", "25,000").render();

        assertThat(table).isEqualTo("""
                | check       | events/s |
                | ----------- | -------: |
                | full        |      900 |
                | incremental |   25,000 |
                """);
    }

    @Test
    void rowWithTheWrongNumberOfCellsIsRejected() {
        assertThatThrownBy(() -> new Table("a", "b").row("1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 cells");
    }

    @Test
    void numbersAreFormattedForReading() {
        assertThat(Table.count(25_123.6)).isEqualTo("25,124");
        assertThat(Table.ratio(4.256)).isEqualTo("4.26×");
        assertThat(Table.fixed2(0.5)).isEqualTo("0.50");
    }
}
