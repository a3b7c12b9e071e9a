package io.airlog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainCanonicalJsonTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"a\":1}",
        "{\"amount\":125,\"currency\":\"EUR\",\"durationMicros\":812,\"to\":\"B-7\"}",
        "{\"roles\":[\"teller\",\"auditor\"]}",
        "{\"a\":[],\"b\":{},\"c\":null,\"d\":true,\"e\":false,\"f\":-3,\"g\":0}",
        "{\"A\":1,\"B\":2,\"a\":3}",
        "{\"a\":1,\"aa\":2,\"ab\":3,\"b\":4}",
        "{\"max\":9007199254740992,\"min\":-9007199254740992}",
        "{\"amount\":125.5,\"big\":9007199254740994,\"huge\":1e+21,\"small\":1e-7,\"tiny\":-0.000001}",
        "{\"text\":\"caf\u00e9 \u20ac / ' ; -- <x>\"}",
        "{\"n\":{\"m\":{\"o\":[1,[2,[3]]]}}}",
    })
    void acceptsTheCanonicalTextOfPlainObjects(String text) {
        assertThat(PlainCanonicalJson.isCanonicalObject(text)).isTrue();
        assertThat(JsonReader.parseObject("t", text).json()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "[]",
        "\"a\"",
        "{ }",
        "{\"a\": 1}",
        "{\"a\":1,}",
        "{\"a\":1}x",
        "{\"b\":1,\"a\":2}",
        "{\"a\":1,\"a\":2}",
        "{\"a\":01}",
        "{\"a\":-0}",
        "{\"a\":+1}",
        "{\"a\":1.50}",
        "{\"a\":1.0}",
        "{\"a\":1e3}",
        "{\"a\":1E+21}",
        "{\"a\":1e21}",
        "{\"a\":.5}",
        "{\"a\":1.}",
        "{\"a\":1e}",
        "{\"a\":1e999}",
        "{\"a\":0.1000000000000000000001}",
        "{\"a\":9007199254740993}",
        "{\"a\":12345678901234567890}",
        "{\"a\":\"x\\\"y\"}",
        "{\"a\":\"\\u0041\"}",
        "{\"a\":\"tab\tinside\"}",
        "{\"a\":\"\ud83d\ude00\"}",
        "{\"a\":tru}",
        "{\"a\":nul}",
        "{\"a\":[1,]}",
        "{\"a\":[1 ]}",
        "{\"a\"}",
        "{\"a\":",
        "{\"a\":\"open",
        "{1:2}",
    })
    void leavesEverythingElseToTheFullCheck(String text) {
        assertThat(PlainCanonicalJson.isCanonicalObject(text)).isFalse();
    }

    @Test
    void leavesNestingAtTheDepthLimitToTheFullCheck() {
        String deepest = "[".repeat(AuditLimits.DEPTH - 1) + "]".repeat(AuditLimits.DEPTH - 1);
        String tooDeep = "[".repeat(AuditLimits.DEPTH) + "]".repeat(AuditLimits.DEPTH);
        assertThat(PlainCanonicalJson.isCanonicalObject("{\"a\":" + deepest + "}")).isTrue();
        assertThat(PlainCanonicalJson.isCanonicalObject("{\"a\":" + tooDeep + "}")).isFalse();
    }
}
