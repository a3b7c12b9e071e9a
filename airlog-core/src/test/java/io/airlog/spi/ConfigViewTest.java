package io.airlog.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.QueueFullPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigViewTest {
    private static ConfigView view(Map<String, String> values, String... prefixes) {
        return ConfigView.of(key -> Optional.ofNullable(values.get(key)), List.of(prefixes));
    }

    @Test
    void aStreamsOwnValueWinsOverTheGlobalOne() {
        ConfigView v = view(Map.of("airlog.streams.sec.json.file", "sec.jsonl", "airlog.json.file", "all.jsonl",
                "airlog.json.durability", "fsync"), "airlog.streams.sec.", "airlog.").under("json.");

        assertThat(v.path("file")).contains(Path.of("sec.jsonl"));
        assertThat(v.keyUsed("file")).isEqualTo("airlog.streams.sec.json.file");
        assertThat(v.text("durability")).contains("fsync");
        assertThat(v.keyUsed("durability")).isEqualTo("airlog.json.durability");
    }

    @Test
    void anUnsetKeyIsSpelledAsItsGlobalForm() {
        ConfigView v = view(Map.of(), "airlog.streams.sec.", "airlog.");

        assertThat(v.keyUsed("log-id")).isEqualTo("airlog.log-id");
        assertThat(v.ownKey("log-id")).isEqualTo("airlog.streams.sec.log-id");
    }

    @Test
    void blankMeansUnset() {
        assertThat(view(Map.of("airlog.x", "  "), "airlog.").text("x")).isEmpty();
    }

    @Test
    void choicesAreSpelledWithDashesAndCaseInsensitive() {
        enum Kind { QUEUE_FULL }
        ConfigView v = view(Map.of("airlog.full", "Fail", "airlog.kind", "queue-full"), "airlog.");

        assertThat(v.choice("full", QueueFullPolicy.class)).contains(QueueFullPolicy.FAIL);
        assertThat(v.choice("kind", Kind.class)).contains(Kind.QUEUE_FULL);
    }

    @Test
    void aBadChoiceNamesTheKeyTheValueAndTheAllowedValues() {
        ConfigView v = view(Map.of("airlog.streams.s.queue.full", "drop"), "airlog.streams.s.", "airlog.");

        assertThatThrownBy(() -> v.choice("queue.full", QueueFullPolicy.class))
                .hasMessage("airlog.streams.s.queue.full: invalid value 'drop'; allowed values: block, fail");
    }

    @Test
    void durationsTakeUnitsBareMillisecondsAndIso8601() {
        ConfigView v = view(Map.of("airlog.a", "250ms", "airlog.b", "2s", "airlog.c", "15", "airlog.d", "PT1M"),
                "airlog.");

        assertThat(List.of(v.duration("a"), v.duration("b"), v.duration("c"), v.duration("d"))).containsExactly(
                Optional.of(Duration.ofMillis(250)), Optional.of(Duration.ofSeconds(2)),
                Optional.of(Duration.ofMillis(15)), Optional.of(Duration.ofMinutes(1)));
        assertThatThrownBy(() -> view(Map.of("airlog.a", "soon"), "airlog.").duration("a"))
                .hasMessage("airlog.a: invalid value 'soon'; expected a duration such as 250ms, 2s, 1m, 1h or PT2S");
    }

    @Test
    void integersOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> view(Map.of("airlog.n", "0"), "airlog.").integer("n", 1, 10))
                .hasMessage("airlog.n: invalid value '0'; expected an integer from 1 to 10");
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        assertThat(view(Map.of("airlog.b", "TRUE"), "airlog.").bool("b", false)).isTrue();
        assertThatThrownBy(() -> view(Map.of("airlog.b", "yes"), "airlog.").bool("b", false))
                .hasMessage("airlog.b: invalid value 'yes'; allowed values: true, false");
    }

    @Test
    void listsDropBlankEntries() {
        assertThat(view(Map.of("airlog.l", " a, ,b ,"), "airlog.").list("l")).containsExactly("a", "b");
    }

    @Test
    void aRequiredKeyThatIsMissingIsNamedWithWhatNeedsIt() {
        assertThatThrownBy(() -> view(Map.of(), "airlog.").under("slf4j.").required("state-file", "the slf4j backend"))
                .hasMessage("airlog.slf4j.state-file is required by the slf4j backend");
    }
}
