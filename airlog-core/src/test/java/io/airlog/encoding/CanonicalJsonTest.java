package io.airlog.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void numberWithAnExponentBeyondBigDecimalIsRejectedAsInvalidJsonNamingThePath() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"n\":1e-2147483649}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("json: invalid JSON").hasMessageContaining("1e-2147483649");
    }

    @Test
    void integerBeyondTwoToTheFiftyThreeThatPrintsDifferentlyIsRejected() {
        // 2^60 is a double, but RFC 8785 prints that double as 1152921504606847000
        assertThatThrownBy(() -> CanonicalJson.normalize(Map.of("big", 1L << 60)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value.big").hasMessageContaining("1152921504606846976");
    }

    @Test
    void integerBeyondTwoToTheFiftyThreeThatPrintsAsItselfIsAcceptedAsADouble() {
        assertThat(CanonicalJson.normalize(new BigDecimal("1152921504606847000"))).isEqualTo(0x1p60);
        assertThat(CanonicalJson.toJson(1_000_000_000_000_000_000L)).isEqualTo("1000000000000000000");
    }

    @Test
    void integralValuesUpToTwoToTheFiftyThreeBecomeLongs() {
        assertThat(CanonicalJson.normalize(9007199254740992.0)).isEqualTo(9007199254740992L);
        assertThat(CanonicalJson.normalize(new BigDecimal("-9007199254740992.000"))).isEqualTo(-9007199254740992L);
        assertThat(CanonicalJson.normalize(-0.0)).isEqualTo(0L);
    }

    @Test
    void decimalThatNoDoublePrintsAsIsRejectedNamingThePath() {
        assertThatThrownBy(() -> CanonicalJson.parse("[0.1000000000000000000001]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("json[0]");
    }

    @Test
    void thirtyTwoLevelsOfNestingAreAcceptedAndThirtyThreeRejected() {
        assertThat(CanonicalJson.toJson(nested(32))).startsWith("[[").endsWith("]]");
        assertThatThrownBy(() -> CanonicalJson.normalize(nested(33)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested deeper than 32");
    }

    @Test
    void duplicateKeyIsRejected() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void nonStringKeyIsRejectedNamingThePath() {
        assertThatThrownBy(() -> CanonicalJson.normalize(Map.of("m", Map.of(1, "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value.m").hasMessageContaining("not a string");
    }

    private static List<Object> nested(int levels) {
        List<Object> outer = new ArrayList<>();
        List<Object> current = outer;
        for (int i = 1; i < levels; i++) {
            List<Object> inner = new ArrayList<>();
            current.add(inner);
            current = inner;
        }
        return outer;
    }
}
