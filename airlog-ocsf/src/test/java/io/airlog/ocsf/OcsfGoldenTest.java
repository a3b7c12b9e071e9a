package io.airlog.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.Outcome;
import io.airlog.ocsf.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden OCSF outputs: one per class, outcome, and with or without a resource, each equal to
 * its file in {@code src/test/resources/io/airlog/ocsf/golden/} and valid against the shipped
 * OCSF 1.9.0 schema. With {@code -Dairlog.ocsf.golden=write} the files are (re)written from
 * the mapper; review the diff before committing it.
 */
class OcsfGoldenTest {
    static final OcsfMapper MAPPER = OcsfMapper.builder()
            .product("bank", "Example Bank", "2.3.0")
            .rule("user.*", OcsfClass.ACCOUNT_CHANGE)
            .rule("document.*", OcsfClass.ENTITY_MANAGEMENT)
            .rule("session.*", OcsfClass.AUTHORIZE_SESSION)
            .build();

    private static final Map<OcsfClass, String> ACTIONS = Map.of(
            OcsfClass.API_ACTIVITY, "transfer.create",
            OcsfClass.AUTHENTICATION, "login",
            OcsfClass.ACCOUNT_CHANGE, "user.password.reset",
            OcsfClass.ENTITY_MANAGEMENT, "document.update",
            OcsfClass.AUTHORIZE_SESSION, "session.roles.assign");

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (OcsfClass cls : OcsfClass.values()) {
            for (Outcome outcome : Outcome.values()) {
                for (boolean resource : new boolean[] {true, false}) {
                    cases.add(Arguments.of(cls, outcome, resource));
                }
            }
        }
        return cases.stream();
    }

    static String name(OcsfClass cls, Outcome outcome, boolean resource) {
        return cls.name().toLowerCase(Locale.ROOT) + "-" + outcome.name().toLowerCase(Locale.ROOT) + "-"
                + (resource ? "with" : "without") + "-resource.json";
    }

    static String golden(String name) throws IOException {
        try (InputStream in = OcsfGoldenTest.class.getResourceAsStream("golden/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0} {1} resource={2}")
    @MethodSource("cases")
    void mappedEventEqualsItsGoldenFileAndPassesTheSchemaCheck(OcsfClass cls, Outcome outcome, boolean resource)
            throws IOException {
        OcsfEvent ocsf = MAPPER.map(Events.event(ACTIONS.get(cls), outcome, resource));
        String name = name(cls, outcome, resource);
        if ("write".equals(System.getProperty("airlog.ocsf.golden"))) {
            Path dir = Path.of("src/test/resources/io/airlog/ocsf/golden");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), ocsf.toJson() + "\n");
        }
        String expected = golden(name);

        assertThat(expected).as("golden file " + name).isNotNull();
        assertThat(ocsf.ocsfClass()).isEqualTo(cls);
        assertThat(Json.parse(ocsf.toJson())).isEqualTo(Json.parse(expected));
        OcsfValidation check = OcsfSchema.shipped().validate(expected);
        assertThat(check.violations()).as(name).isEmpty();
        assertThat(check.version()).isEqualTo("1.9.0");
    }
}
