package io.airlog.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged demo application ({@code target/quarkus-app/quarkus-run.jar}) running as a
 * child JVM on its own H2 file database and a free port, with its output in a file.
 */
final class DemoProcess implements AutoCloseable {
    static final Path JAR = Paths.get(System.getProperty("quarkus.app.jar", "target/quarkus-app/quarkus-run.jar"));
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final Process process;
    private final Path output;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /**
     * Starts the application on the H2 database {@code database} (a file path without suffix),
     * with its signing key, witness and OCSF copy next to it ({@code signing-key.pem},
     * {@code witness/}, {@code audit-ocsf.jsonl}).
     */
    static DemoProcess start(Path database, Path output, String... systemProperties) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the package phase first");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dquarkus.http.port=" + port, "-Dquarkus.analytics.disabled=true",
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + database.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                "-Dairlog.checkpoint.key-file=" + database.resolveSibling("signing-key.pem").toAbsolutePath(),
                "-Dairlog.witness.directory=" + database.resolveSibling("witness").toAbsolutePath(),
                "-Dairlog.streams.siem.ocsf.file=" + database.resolveSibling("audit-ocsf.jsonl").toAbsolutePath()));
        command.addAll(List.of(systemProperties));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        return new DemoProcess(p, output, port);
    }

    /**
     * Runs a shell command line that starts the application (as a user types it), in
     * {@code directory}, on {@code port} (given as {@code QUARKUS_HTTP_PORT}); its output goes
     * to {@code output}. The shell {@code exec}s the command, so the process is the JVM itself.
     */
    static DemoProcess shell(String commandLine, Path directory, int port, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "exec " + commandLine).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new DemoProcess(builder.start(), output, port);
    }

    /** A free TCP port on this machine. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until the application answers HTTP (any status of the readiness check).
     *
     * @throws IllegalStateException if it exits first or does not answer in time
     */
    DemoProcess awaitAnswering() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                get("/q/health/ready", null);
                return this;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the application did not answer within " + START_LIMIT + ":\n" + output());
    }

    /** Waits for the process to end by itself; its exit code. */
    int awaitExit() throws InterruptedException, IOException {
        if (!process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the application did not exit within " + START_LIMIT + ":\n" + output());
        }
        return process.exitValue();
    }

    /** The URL of {@code path} in the application. */
    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A GET as {@code user} (password = user name), or anonymous when {@code user} is null. */
    HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of a JSON body as {@code user}. */
    HttpResponse<String> postJson(String path, String user, String json) throws IOException, InterruptedException {
        return http.send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    /** Everything the application printed so far. */
    String output() throws IOException {
        return Files.readString(output);
    }

    /** Sends what Ctrl+C sends (SIGINT) and waits for the application to stop. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        awaitExit();
    }

    /** Stops the application (SIGTERM, which Quarkus handles like Ctrl+C) and waits for it (killed if it hangs or the wait is interrupted). */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
