package io.airlog.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule every row of the threat tables of docs/integrity.md follows: it names the tests that
 * back it (test class and method, {@code …} for the class named before), and each exists; or it
 * has no test and says what is not caught or what happens instead. A module checks the rows of
 * the sections whose tests it holds (airlog-cli those of the command line's and the database's sections,
 * airlog-jdbc those of the writer's refusals).
 */
public final class ThreatTable {
    /** The page, from a module's directory. */
    public static final Path PAGE = Path.of("..", "docs", "integrity.md");
    /** The heading of the section whose rows airlog-cli's tests back. */
    public static final String CLI_SECTION = "### Checked with the `airlog` command line";
    /** The heading of the database section, whose rows airlog-cli's tests back too (verifier and command line). */
    public static final String DATABASE_SECTION = "### A database log (airlog-jdbc): signed checkpoint rows and the witness";

    /** The heading of the section of the JDBC writer's refusals, whose rows airlog-jdbc's tests back. */
    public static final String WRITER_SECTION = "### The writer refuses to append to a damaged log (airlog-jdbc)";

    /** {@code `SomeTest.method`}, or {@code `…method`} for a method of the class named before. */
    private static final Pattern TEST = Pattern.compile("`(?:(\\w+Test)\\.|…)(\\w+)`");

    private ThreatTable() {
    }

    /** The table rows (not headers or rules) of the sections whose heading {@code section} accepts. */
    public static List<String> rows(Predicate<String> section) throws Exception {
        List<String> rows = new ArrayList<>();
        String heading = "";
        for (String line : Files.readAllLines(PAGE)) {
            if (line.startsWith("#")) {
                heading = line;
            } else if (section.test(heading) && line.startsWith("| ") && !line.startsWith("| attack")
                    && !line.startsWith("|---")) {
                rows.add(line);
            }
        }
        return rows;
    }

    /**
     * Checks each row; test classes are looked up in {@code packages}.
     *
     * @return the tests named, as {@code Class.method}
     */
    public static List<String> check(List<String> rows, List<String> packages) {
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
                assertThat(method(packages, currentClass, m.group(2)))
                        .as("%s.%s named in %s", currentClass, m.group(2), row).isTrue();
                named.add(currentClass + "." + m.group(2));
                found++;
            }
            assertThat(found > 0 || tests.contains("vectors")).as("tests named in: %s", row).isTrue();
        }
        return named;
    }

    private static boolean method(List<String> packages, String simpleName, String method) {
        for (String p : packages) {
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
