package io.airlog.payara;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Follows "Run the demo" of docs/payara.md as a reader would: the commands of its {@code sh}
 * blocks run as written, with bash, one after the other, in a scratch directory
 * ({@code target/payara-doc/}) where {@code payara-demo} links to this module and
 * {@code airlog-cli/target/airlog.jar} to the built command line, so the demo's
 * {@code ./payara-data} is the scratch directory's. What differs from a terminal, and only
 * this: port 8080 is replaced by a free port, and the first command (the Maven build) is the
 * build that runs this test, so the test checks that the document's build command is this
 * module's {@code package} and that the files the next command uses exist, instead of running
 * Maven inside Maven. Payara Micro runs in the background until the end, when it gets Ctrl+C
 * (SIGINT). The output of each {@code curl} must show the parts of the {@code text} block that
 * follows it in the document ({@code …} stands for any text, each line on its own).
 */
class PayaraDocIT {
    private static final Path DOC = Path.of("../docs/payara.md");
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final String SECTION = "## Run the demo";

    /** A fenced block of the section: its info string and text. */
    private record Block(String info, String text) {
    }

    @Test
    void theCommandsOfRunTheDemoWorkAsWritten() throws Exception {
        List<Block> blocks = blocks();
        List<Block> commands = blocks.stream().filter(b -> b.info().equals("sh")).toList();
        Path work = scratchDirectory();
        int port = PayaraMicro.freePort();

        assertThat(commands.get(0).text()).isEqualTo("mvn -B -q -pl payara-demo -am package -DskipTests");
        assertThat(Path.of("target/payara-demo.war")).isRegularFile();
        assertThat(Path.of("target/payara-micro.jar")).isRegularFile();
        run(commands.get(1).text(), work);
        assertThat(work.resolve("payara-data/signing-key.pem")).isRegularFile();
        assertThat(Files.readString(work.resolve("payara-data/verifier.key"))).startsWith("payara-demo+");
        String start = commands.get(2).text();
        assertThat(start).contains("--port 8080");
        try (PayaraMicro server = PayaraMicro.shell("doc", start.replace("--port 8080", "--port " + port), work,
                port)) {
            server.awaitApplication();
            assertListensOnLoopbackOnly(server, port);
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                if (b.info().equals("sh") && b.text().startsWith("curl ")) {
                    assertThat(i + 1 < blocks.size() && blocks.get(i + 1).info().equals("text"))
                            .as("a text block follows %s", b.text()).isTrue();
                    expect(run(b.text().replace("localhost:8080", "localhost:" + port), work),
                            blocks.get(i + 1).text());
                }
            }
            assertThat(server.interrupt()).as("exit code after Ctrl+C").isNotNegative();
            assertThat(server.output()).contains("ready in");
        }
        Block verify = commands.get(commands.size() - 1);
        assertThat(verify.text()).contains("airlog.jar verify");
        expect(run(verify.text(), work), blocks.get(blocks.indexOf(verify) + 1).text());
        assertThat(work.resolve("payara-data/airlog.mv.db")).isRegularFile();
        assertThat(Files.readString(work.resolve("payara-data/payara-demo.witness")))
                .startsWith("{\"format\":\"airlog-witness/1\"").contains("{\"note\":\"airlog/payara-demo\\n");
    }

    /** The fenced blocks of the section "Run the demo" and its subsections. */
    private static List<Block> blocks() throws IOException {
        List<Block> blocks = new ArrayList<>();
        boolean inSection = false;
        List<String> lines = Files.readAllLines(DOC);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                inSection = line.equals(SECTION);
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (inSection && fence.matches()) {
                StringBuilder text = new StringBuilder();
                for (i++; !lines.get(i).equals("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                blocks.add(new Block(fence.group(1), text.toString().strip()));
            }
        }
        assertThat(blocks).as("code blocks under '%s' in %s", SECTION, DOC).isNotEmpty();
        return blocks;
    }

    private static Path scratchDirectory() throws IOException {
        Path work = Path.of(System.getProperty("payara.work.dir")).resolveSibling("payara-doc");
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(work);
        Files.createSymbolicLink(work.resolve("payara-demo"), Path.of("").toAbsolutePath());
        Path cli = work.resolve("airlog-cli/target/airlog.jar");
        Files.createDirectories(cli.getParent());
        Files.createSymbolicLink(cli, Path.of(System.getProperty("airlog.cli.jar")).toAbsolutePath());
        return work;
    }

    /** The HTTP port answers on 127.0.0.1, not on the machine's other addresses, and the server listens on nothing else. */
    private static void assertListensOnLoopbackOnly(PayaraMicro server, int port) throws Exception {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(n.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    others.add(a);
                }
            }
        }
        assertThat(others).as("a non-loopback address of this machine to try").isNotEmpty();
        for (InetAddress a : others) {
            assertThat(connects(a, port)).as("port %d on %s", port, a).isFalse();
        }
        assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();
        Process ss = new ProcessBuilder("ss", "-H", "-ltnp").redirectErrorStream(true).start();
        String listening = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor(30, TimeUnit.SECONDS);
        List<String> own = listening.lines().filter(l -> l.contains("pid=" + server.pid() + ",")).toList();
        assertThat(own).as("listening sockets of Payara Micro (ss -ltnp)").isNotEmpty()
                .allSatisfy(l -> assertThat(l).containsPattern("127\\.0\\.0\\.1\\]?:" + port + "\\s"));
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String run(String command, Path work) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
        assertThat(p.exitValue()).as("exit code of %s", command).isZero();
        return output;
    }

    /** Each line of a text block appears in the output, its parts in order ({@code …} is any text). */
    private static void expect(String output, String textBlock) {
        for (String line : textBlock.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            int at = 0;
            for (String part : line.split("…")) {
                int found = output.indexOf(part, at);
                assertThat(found).as("'%s' of the line%n%s%nin the output%n%s", part, line, output).isNotNegative();
                at = found + part.length();
            }
        }
    }
}
