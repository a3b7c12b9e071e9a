package io.airlog.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every row of the threat tables of docs/integrity.md names the tests that back it (or says it
 * is not caught), and every test it names exists.
 */
class IntegrityDocTest {
    private static final Path PAGE = Path.of("..", "docs", "integrity.md");
    private static final List<String> PACKAGES = List.of("io.airlog.verify", "io.airlog.stream", "io.airlog.witness",
            "io.airlog.checkpoint", "io.airlog.merkle");
    private static final Pattern TEST = Pattern.compile("`(?:(\\w+Test)|…)\\.(\\w+)`");

    @Test
    void everyThreatRowNamesExistingTestsOrSaysItIsNotCaught() throws Exception {
        List<String> rows = Files.readAllLines(PAGE).stream()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| attack") && !l.startsWith("|---")).toList();
        assertThat(rows).hasSizeGreaterThan(20);
        List<String> named = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.split(" \\| ");
            String tests = cells[cells.length - 1];
            if (tests.strip().equals("— |")) {
                assertThat(row).as("a row without test says what is not caught or what happens instead")
                        .containsAnyOf("not caught", "nothing lost");
                continue;
            }
            Matcher m = TEST.matcher(tests);
            String currentClass = null;
            int found = 0;
            while (m.find()) {
                currentClass = m.group(1) != null ? m.group(1) : currentClass;
                assertThat(currentClass).as(row).isNotNull();
                assertThat(method(currentClass, m.group(2))).as("%s.%s named in %s", currentClass, m.group(2), row)
                        .isTrue();
                named.add(currentClass + "." + m.group(2));
                found++;
            }
            assertThat(found > 0 || tests.contains("vectors")).as("tests named in: %s", row).isTrue();
        }
        assertThat(named).hasSizeGreaterThan(20);
    }

    private static boolean method(String simpleName, String method) {
        for (String p : PACKAGES) {
            try {
                for (Class<?> c = Class.forName(p + "." + simpleName); c != null; c = c.getSuperclass()) {
                    if (Arrays.stream(c.getDeclaredMethods()).map(Method::getName).anyMatch(method::equals)) {
                        return true; // declared by the test class or by the contract it runs
                    }
                }
                return false;
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        return false;
    }
}
