package io.airlog.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walkthrough of docs/cli.md, run command by command: exit statuses and output as the page says. */
class CliDocTest {
    private static final Path PAGE = Path.of("..", "docs", "cli.md");
    private static final Pattern COMMAND = Pattern.compile("\\$ airlog (.*?)\\s+# exit (\\d)");
    private static final Pattern FILE = Pattern.compile("[\\w.-]+\\.(jsonl|keys|witness|proof|pem|note)");

    @TempDir
    Path dir;

    @Test
    void theWalkthroughRunsAsWritten() throws Exception {
        Path audit = TestFiles.signedFile(dir.resolve("audit.jsonl"), "app", 5, dir.resolve("app.witness"));
        TestFiles.keys(dir);
        List<String> lines = TestFiles.lines(audit);
        TestFiles.write(dir.resolve("at-2.note"), Json.flatObject("line", lines.get(3)).get("checkpoint"));
        Files.write(dir.resolve("archive.jsonl"), lines.subList(0, 8));
        Files.write(dir.resolve("cut.jsonl"), lines.subList(0, 8));

        List<String> block = walkthrough();
        int commands = 0;
        for (int i = 0; i < block.size(); i++) {
            Matcher m = COMMAND.matcher(block.get(i));
            assertThat(m.matches()).as("a walkthrough line is a command with its exit status: %s", block.get(i))
                    .isTrue();
            Cli.Result r = Cli.run(arguments(m.group(1)));
            assertThat(r.status()).as("%s\n%s", block.get(i), r).isEqualTo(Integer.parseInt(m.group(2)));
            while (i + 1 < block.size() && !block.get(i + 1).startsWith("$ ")) {
                String expected = block.get(++i).strip();
                assertThat(r.out()).as("%s\n%s", block.get(i - 1), r).containsSubsequence(expected.split("…"));
            }
            commands++;
        }
        assertThat(commands).isGreaterThanOrEqualTo(12);
        assertThat(TestFiles.lines(dir.resolve("siem.jsonl"))).hasSize(5);
    }

    /** The lines of the code block after the heading "## Walkthrough". */
    private static List<String> walkthrough() throws Exception {
        List<String> page = Files.readAllLines(PAGE);
        int start = page.indexOf("## Walkthrough");
        int open = page.subList(start, page.size()).indexOf("```") + start;
        int close = page.subList(open + 1, page.size()).indexOf("```") + open + 1;
        return new ArrayList<>(page.subList(open + 1, close));
    }

    /** The words of a command, file names resolved in the test's directory. */
    private String[] arguments(String command) {
        return Arrays.stream(command.split(" +"))
                .map(w -> FILE.matcher(w).matches() ? dir.resolve(w).toString() : w).toArray(String[]::new);
    }
}
