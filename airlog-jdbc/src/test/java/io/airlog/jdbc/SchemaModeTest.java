package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaModeTest {
    @Test
    void configValuesParseIgnoringCase() {
        assertThat(SchemaMode.parse("validate")).isEqualTo(SchemaMode.VALIDATE);
        assertThat(SchemaMode.parse(" CREATE ")).isEqualTo(SchemaMode.CREATE);
        assertThat(SchemaMode.parse("None")).isEqualTo(SchemaMode.NONE);
    }

    @Test
    void unknownValueNamesTheKeyAndTheAllowedValues() {
        assertThatThrownBy(() -> SchemaMode.parse("update"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("airlog.jdbc.schema = 'update' is not valid; allowed values: validate, create, none");
    }
}
