package io.airlog.payara;

import io.airlog.checkpoint.SigningKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Payara Micro process running the demo WAR, started by a test and stopped by its own
 * process id: {@code java -jar payara-micro.jar --nocluster --prebootcommandfile localhost.asadmin
 * --rootdir … --deploy … --port …} (the command of docs/payara.md, bound to 127.0.0.1),
 * its standard output and error captured in a file the test can read (kept in
 * {@code target/payara-it/<name>/} after the server stopped; its root directory is removed).
 *
 * <p>The jar, the WAR, the pre-boot command file and the working directory come from the system
 * properties {@code payara.micro.jar}, {@code payara.demo.war}, {@code payara.preboot.file} and
 * {@code payara.work.dir} that the failsafe configuration sets. The H2 database of the demo lives in a directory given to the
 * server as system property {@value #DB_DIR_PROPERTY}, so a test can start a second server on
 * the same database.
 */
final class PayaraMicro implements AutoCloseable {
    /** The system property naming the demo's H2 directory (read by the WAR's data source). */
    static final String DB_DIR_PROPERTY = "demo.h2.dir";
    /** The demo's signing key in the database directory ({@code airlog.checkpoint.key-file}). */
    static final String SIGNING_KEY = "signing-key.pem";
    /** Its key name ({@code airlog.checkpoint.key-name}). */
    static final String KEY_NAME = "payara-demo";
    /** The context root of the WAR. */
    static final String CONTEXT_ROOT = "/payara-demo";

    private static final Duration START_LIMIT = Duration.ofMinutes(4);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Pattern BOOTED = Pattern.compile("Payara Micro .* ready in ");
    private static final Pattern RESIDENT = Pattern.compile("(?m)^(VmRSS|VmHWM):\\s+(\\d+) kB");

    private final Process process;
    private final Path root;
    private final Path output;
    private final int port;
    private final long launchedNanos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread killOnExit;

    private PayaraMicro(Process process, Path root, Path output, int port, long launchedNanos) {
        this.process = process;
        this.root = root;
        this.output = output;
        this.port = port;
        this.launchedNanos = launchedNanos;
        this.killOnExit = new Thread(process::destroyForcibly, "stop-payara-micro-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts Payara Micro with the demo WAR on a free port, with its root directory under
     * {@code <payara.work.dir>/<name>} and the demo database in {@code dbDir}, where its signing
     * key ({@value #SIGNING_KEY}) is made first if missing, as docs/payara.md does before the
     * first start. Does not wait.
     */
    static PayaraMicro launch(String name, Path dbDir) throws IOException {
        Path work = Path.of(required("payara.work.dir")).resolve(name);
        Files.createDirectories(work);
        Files.createDirectories(dbDir);
        Path key = dbDir.resolve(SIGNING_KEY);
        if (!Files.exists(key)) {
            SigningKeys.writePem(SigningKeys.generate(KEY_NAME), key);
        }
        Path root = Files.createTempDirectory(work, "root-");
        Path output = work.resolve(root.getFileName() + ".log");
        int port = freePort();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-D" + DB_DIR_PROPERTY + "=" + dbDir.toAbsolutePath(),
                "-jar", required("payara.micro.jar"),
                "--nocluster",
                "--prebootcommandfile", required("payara.preboot.file"),
                "--rootdir", root.toString(),
                "--deploy", required("payara.demo.war"),
                "--port", Integer.toString(port));
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        return new PayaraMicro(process, root, output, port, launched);
    }

    /**
     * Runs a shell command line that starts Payara Micro with the demo (as a user types it), in
     * {@code directory}, its output captured in {@code <payara.work.dir>/<name>/}. The shell
     * {@code exec}s the command, so the process is the JVM itself. {@code port} is the HTTP port
     * the command gives Payara Micro.
     */
    static PayaraMicro shell(String name, String commandLine, Path directory, int port) throws IOException {
        Path work = Files.createDirectories(Path.of(required("payara.work.dir")).resolve(name));
        Path output = Files.createTempFile(work, "server-", ".log");
        long launched = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", "exec " + commandLine).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new PayaraMicro(process, null, output, port, launched);
    }

    /** A free TCP port on the loopback interface. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Sends what Ctrl+C sends (SIGINT) and waits for the server to stop; its exit code. */
    int interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("Payara Micro did not stop within " + STOP_LIMIT + " of SIGINT:\n" + tail());
        }
        return process.exitValue();
    }

    /**
     * Waits until the demo answers {@code GET /api/ping} with 200.
     *
     * @return the time from launch until the first answer
     * @throws IllegalStateException if the server exits or does not answer within the limit
     *         (with the end of its output)
     */
    Duration awaitApplication() {
        URI ping = uri("/api/ping");
        awaitUntil("the demo to answer " + ping, () -> {
            boolean booted = booted();
            if (answers(ping)) {
                return true;
            }
            if (booted) {
                throw new IllegalStateException("Payara Micro has booted but the demo does not answer " + ping
                        + " (its deployment failed?); the output ends:\n" + tail());
            }
            return false;
        });
        return Duration.ofNanos(System.nanoTime() - launchedNanos);
    }

    /**
     * Whether Payara Micro has finished booting, deployments included (it prints
     * "Payara Micro ... ready in ... (ms)" whether or not the deployment succeeded).
     */
    boolean booted() {
        return BOOTED.matcher(output()).find();
    }

    /** Whether {@code uri} answers 200. */
    boolean answers(URI uri) throws InterruptedException {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until Payara Micro has finished booting, with or without the application.
     *
     * @throws IllegalStateException if it exits or does not boot within the limit (with the end
     *         of its output)
     */
    void awaitBoot() {
        awaitUntil("Payara Micro to finish booting", this::booted);
    }

    private interface Check {
        boolean done() throws InterruptedException;
    }

    private void awaitUntil(String what, Check check) {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        try {
            while (!check.done()) {
                if (!process.isAlive() && !check.done()) {
                    throw new IllegalStateException("Payara Micro exited with " + process.exitValue()
                            + " while waiting for " + what + "; its output ends:\n" + tail());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("waited " + START_LIMIT.toSeconds() + " s for " + what
                            + "; Payara Micro's output ends:\n" + tail());
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    /** The address of {@code path} below the WAR's context root. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + CONTEXT_ROOT + path);
    }

    /** The HTTP address of the server, without the context root. */
    URI serverUri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Everything the server printed so far (standard output and error). */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process id. */
    long pid() {
        return process.pid();
    }

    /**
     * The resident memory of the server process, from {@code /proc/<pid>/status}: the current
     * size ({@code VmRSS}) and the peak ({@code VmHWM}), in KiB.
     */
    long[] residentKiB() {
        try {
            Matcher m = RESIDENT.matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
            long rss = -1;
            long peak = -1;
            while (m.find()) {
                long kib = Long.parseLong(m.group(2));
                if (m.group(1).equals("VmRSS")) {
                    rss = kib;
                } else {
                    peak = kib;
                }
            }
            return new long[] {rss, peak};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the server: a normal termination (SIGTERM, so Payara and airlog shut down and
     * drain), and after {@link #STOP_LIMIT} a forced one. Returns when the process is gone.
     */
    @Override
    public void close() {
        try {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            if (!process.isAlive()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(killOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting: the hook runs anyway and finds the process gone
                }
                deleteRoot();
            }
        }
    }

    /** Removes the server's root directory (about 100 MB of unpacked runtime), if the test chose it; the output file stays. */
    private void deleteRoot() {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** The last 60 lines of the output. */
    String tail() {
        String[] lines = output().split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 60), lines.length));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property
                    + " is not set: run the integration tests through Maven (mvn verify)");
        }
        return value;
    }
}
