package io.airlog.demo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Client text: what is refused, and how an audit event shows it. */
class InputTextTest {

    @Test
    void validTextWithinItsLimitIsReturnedAsItIs() {
        assertThat(InputText.checked("title", "Budget 😀 2027", 20)).isEqualTo("Budget 😀 2027");
    }

    @Test
    void nulIsRefusedNamingTheFieldAndTheIndex() {
        assertThatThrownBy(() -> InputText.checked("title", "ab\u0000", 20)).isInstanceOf(BadInputException.class)
                .hasMessage("title: U+0000 (NUL) at index 2 is not allowed");
    }

    @Test
    void unpairedSurrogatesAreRefusedNamingTheFieldAndTheIndex() {
        assertThatThrownBy(() -> InputText.checked("id", "a\uD800b", 20))
                .hasMessage("id: an unpaired surrogate U+D800 at index 1 is not allowed");
        assertThatThrownBy(() -> InputText.checked("id", "\uDC00", 20))
                .hasMessage("id: an unpaired surrogate U+DC00 at index 0 is not allowed");
    }

    @Test
    void textOverItsLimitIsRefusedWithItsLength() {
        assertThatThrownBy(() -> InputText.checked("title", "x".repeat(201), 200))
                .hasMessage("title: at most 200 characters, got 201");
    }

    @Test
    void shownReplacesWhatAnEventCannotHold() {
        assertThat(InputText.shown("a\u0000b\uD800c\uDC00")).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
        assertThat(InputText.shown("pair \uD83D\uDE00 kept")).isEqualTo("pair \uD83D\uDE00 kept");
        assertThat(InputText.shown(null)).isNull();
    }

    @Test
    void shownCutsLongTextSayingHowMuchWasLeftOut() {
        assertThat(InputText.shown("x".repeat(300))).isEqualTo("x".repeat(256) + "… (44 more characters)");
    }

    @Test
    void shownNeverCutsASurrogatePairInTwo() {
        String text = "x".repeat(255) + "\uD83D\uDE00" + "y";

        assertThat(InputText.shown(text)).isEqualTo("x".repeat(255) + "… (3 more characters)");
    }

    @Test
    void shownTextIsAlwaysValid() {
        String hostile = "\uDBFF".repeat(300) + "\u0000";

        assertThat(InputText.firstInvalid(InputText.shown(hostile))).isNegative();
    }
}
