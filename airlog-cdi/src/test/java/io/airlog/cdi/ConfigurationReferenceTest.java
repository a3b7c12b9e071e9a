package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.spi.AuditBackendProvider;
import jakarta.enterprise.inject.Any;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keeps docs/configuration.md and {@link AirlogConfigKeys} in step. */
class ConfigurationReferenceTest {
    private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");
    private static final String NAMED_BACKEND = "airlog.streams.<name>.backend";

    /** The rows of the key table: key → columns (type, default, environment variable, per stream, meaning). */
    private Map<String, List<String>> rows;

    @BeforeEach
    void parseTable() throws IOException {
        rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(REFERENCE)) {
            if (!line.startsWith("| `airlog.")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
                cells.add(cell.trim());
            }
            String key = cells.get(0).replace("`", "");
            assertThat(rows).as("duplicate row for %s", key).doesNotContainKey(key);
            rows.put(key, cells.subList(1, cells.size()));
        }
    }

    /**
     * Every backend's own keys, in their global form, as an application with this module's
     * test class path sees them: the CDI beans (jdbc) and the ServiceLoader providers (core's,
     * and those of the backend modules on the test class path).
     */
    private static List<String> backendKeys() {
        List<String> keys = new ArrayList<>();
        ServiceLoader.load(AuditBackendProvider.class).forEach(provider -> addKeys(provider, keys));
        try (TestContainer c = TestContainer.builder().property("airlog.enabled", "false").start()) {
            c.instance(AuditBackendProvider.class, Any.Literal.INSTANCE).forEach(provider -> addKeys(provider, keys));
        }
        return keys;
    }

    private static void addKeys(AuditBackendProvider provider, List<String> keys) {
        provider.keys().forEach(key -> keys.add(AirlogConfigKeys.forBackend(provider.name(), key)));
    }

    private static List<String> constants() throws IllegalAccessException {
        List<String> keys = new ArrayList<>();
        for (Field f : AirlogConfigKeys.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String value = (String) f.get(null);
                if (value.startsWith(AirlogConfigKeys.PREFIX) && !value.endsWith(".")) {
                    keys.add(value);
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyOfTheConstantsClassHasARow() throws IllegalAccessException {
        assertThat(rows.keySet()).containsAll(constants());
    }

    @Test
    void everyKeyOfEveryBackendHasARowMarkedPerStream() {
        List<String> keys = backendKeys();

        assertThat(keys).contains("airlog.jdbc.schema", "airlog.json.file");
        assertThat(rows.keySet()).containsAll(keys);
        keys.forEach(k -> assertThat(rows.get(k).get(3)).as(k).isEqualTo("yes"));
    }

    @Test
    void everyRowIsAKeyOfTheConstantsClassOrOfABackend() throws IllegalAccessException {
        List<String> known = new ArrayList<>(constants());
        known.addAll(backendKeys());
        known.add(NAMED_BACKEND);

        assertThat(known).containsAll(rows.keySet());
    }

    @Test
    void everyKeyIsListedByTheConstantsClassAsGlobalOrPerStream() throws IllegalAccessException {
        List<String> listed = new ArrayList<>(AirlogConfigKeys.STREAM_KEYS);
        listed.addAll(AirlogConfigKeys.GLOBAL_KEYS);

        assertThat(listed).containsExactlyInAnyOrderElementsOf(constants());
    }

    @Test
    void perStreamColumnMatchesTheConstantsClass() {
        AirlogConfigKeys.STREAM_KEYS.forEach(k -> assertThat(rows.get(k).get(3)).as(k).isEqualTo("yes"));
        AirlogConfigKeys.GLOBAL_KEYS.forEach(k -> assertThat(rows.get(k).get(3)).as(k).isEqualTo("no"));
    }

    @Test
    void environmentVariableColumnFollowsTheMicroProfileRule() {
        rows.forEach((key, cells) -> {
            String expected = key.equals(NAMED_BACKEND) ? "AIRLOG_STREAMS_<NAME>_BACKEND"
                    : AirlogConfigKeys.environmentVariable(key);
            assertThat(cells.get(2)).as(key).isEqualTo("`" + expected + "`");
        });
    }

    @Test
    void everyRowHasATypeADefaultAndAMeaning() {
        rows.forEach((key, cells) -> {
            assertThat(cells).as(key).hasSize(5);
            assertThat(cells.get(0)).as(key).isNotBlank();
            assertThat(cells.get(1)).as(key).isNotBlank();
            assertThat(cells.get(4)).as(key).isNotBlank();
        });
    }

    @Test
    void noKeyIsAlsoThePrefixOfAnotherKey() {
        for (String a : rows.keySet()) {
            for (String b : rows.keySet()) {
                assertThat(b.startsWith(a + ".")).as("%s is a prefix of %s", a, b).isFalse();
            }
        }
    }

    @Test
    void streamKeyReplacesThePrefix() {
        assertThat(AirlogConfigKeys.forStream("security", AirlogConfigKeys.forBackend("jdbc", "table-prefix")))
                .isEqualTo("airlog.streams.security.jdbc.table-prefix");
        assertThat(AirlogConfigKeys.environmentVariable("airlog.streams.security.jdbc.table-prefix"))
                .isEqualTo("AIRLOG_STREAMS_SECURITY_JDBC_TABLE_PREFIX");
    }
}
