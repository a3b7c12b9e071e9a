package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.airlog.AuditEvent;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.verify.ChainVerifier;
import io.airlog.verify.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs write one log at the same time, each through its own group-commit writer;
 * the head-row lock makes one gap-free chain in which every acknowledged event is present
 * exactly once.
 */
class MultiJvmTest {
    private static final String LOG = "multi-jvm";

    @TempDir
    Path dir;

    @Test
    void threeJvmsWriteOneGapFreeChainInPostgresql() throws Exception {
        TestDatabase db = TestDatabase.POSTGRESQL;
        try (Fixture fixture = Fixture.created(db)) {
            List<Path> idFiles = runWriters(3, 20_000, 8, db.url(""), db.user(), db.password(), fixture.tables);
            try (Connection c = fixture.connect()) {
                assertOneChainWithEveryAcknowledgedEventOnce(c, fixture.tables, idFiles, 60_000);
            }
        }
    }

    @Test
    void threeJvmsSigningEveryBatchWriteOneChainWhoseCheckpointsAllVerifyInPostgresql() throws Exception {
        TestDatabase db = TestDatabase.POSTGRESQL;
        NoteSigner signer = SigningKeys.generate("multi-jvm");
        Path key = dir.resolve("writer.pem");
        SigningKeys.writePem(signer, key);
        for (String interval : List.of("0", "200")) {
            try (Fixture fixture = Fixture.created(db)) {
                List<Path> idFiles = runWriters(3, 3_000, 8, db.url(""), db.user(), db.password(), fixture.tables,
                        key.toString(), interval);
                try (Connection c = fixture.connect()) {
                    assertOneChainWithEveryAcknowledgedEventOnce(c, fixture.tables, idFiles, 9_000);
                }
                List<CheckpointRows.Row> rows = CheckpointRows.assertEveryRowVerifies(fixture, LOG, 9_000,
                        TrustedKeys.of(signer.verifierKey()), Checkpoint.defaultOrigin(LOG));
                assertThat(rows.get(rows.size() - 1).size()).as("interval %s ms", interval).isEqualTo(9_000);
            }
        }
    }

    @Test
    void twoJvmsWriteOneGapFreeChainInH2ServerMode() throws Exception {
        int port = DatabaseOutageTest.freePort();
        Server server = DatabaseOutageTest.startH2Server(port, dir);
        try {
            String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/shared";
            TableNames tables = TableNames.of(TestDatabase.uniquePrefix());
            new SchemaManager(tables, TestDatabase.indexProfile()).apply(new SimpleDataSource(url, "sa", ""), SchemaMode.CREATE);
            List<Path> idFiles = runWriters(2, 10_000, 8, url, "sa", "", tables);
            try (Connection c = new SimpleDataSource(url, "sa", "").getConnection()) {
                assertOneChainWithEveryAcknowledgedEventOnce(c, tables, idFiles, 20_000);
            }
        } finally {
            server.stop();
        }
    }

    /** Starts the writer JVMs, waits for all of them, and returns their files of acknowledged ids. */
    private List<Path> runWriters(int jvms, int eventsEach, int threadsEach, String url, String user,
                                  String password, TableNames tables, String... checkpoints) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<Path> idFiles = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < jvms; i++) {
                Path ids = dir.resolve("ids-" + i + ".txt");
                Path log = dir.resolve("jvm-" + i + ".log");
                idFiles.add(ids);
                logs.add(log);
                List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp",
                        System.getProperty("java.class.path"), MultiJvmWriter.class.getName(), url, user, password,
                        tables.prefix(), LOG, String.valueOf(eventsEach), String.valueOf(threadsEach), ids.toString()));
                command.addAll(List.of(checkpoints));
                processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                        .start());
            }
            for (int i = 0; i < jvms; i++) {
                Process p = processes.get(i);
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    fail("writer JVM " + i + " did not finish in 5 minutes:\n" + Files.readString(logs.get(i)));
                }
                assertThat(p.exitValue()).as("exit value of writer JVM %d:%n%s", i, Files.readString(logs.get(i)))
                        .isZero();
            }
        } finally {
            for (Process p : processes) {
                if (p.isAlive()) {
                    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
        System.out.printf("%d JVMs x %d events (%d threads each) into one log: %d ms%n", jvms, eventsEach,
                threadsEach, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        for (Path log : logs) {
            System.out.print(Files.readString(log));
        }
        return idFiles;
    }

    private static void assertOneChainWithEveryAcknowledgedEventOnce(Connection c, TableNames tables,
                                                                     List<Path> idFiles, int total)
            throws Exception {
        List<AuditEvent> stored = StoredLog.events(c, tables, LOG);
        VerificationReport report = ChainVerifier.verify(LOG, stored);
        assertThat(report.damages()).isEmpty();
        assertThat(report.end().size()).isEqualTo(total);
        assertThat(StoredLog.head(c, tables, LOG)).isEqualTo(report.end());
        Set<UUID> storedIds = stored.stream().map(AuditEvent::eventId).collect(Collectors.toSet());
        assertThat(storedIds).hasSize(total);
        Set<UUID> acknowledged = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (Path file : idFiles) {
            for (String line : Files.readAllLines(file)) {
                if (!acknowledged.add(UUID.fromString(line))) {
                    twice.add(line);
                }
            }
        }
        assertThat(twice).as("acknowledged twice").isEmpty();
        assertThat(acknowledged).hasSize(total);
        // Set arithmetic in plain Java: AssertJ's containsAll compares element by element.
        assertThat(acknowledged.stream().filter(id -> !storedIds.contains(id))).as("acknowledged but missing")
                .isEmpty();
        Set<String> jvms = stored.stream().map(e -> (String) e.context().get("jvm")).collect(Collectors.toSet());
        assertThat(jvms).hasSize(idFiles.size());
        int handovers = 0;
        for (int i = 1; i < stored.size(); i++) {
            if (!stored.get(i).context().get("jvm").equals(stored.get(i - 1).context().get("jvm"))) {
                handovers++;
            }
        }
        assertThat(handovers).as("the JVMs' batches interleave in the chain").isGreaterThan(idFiles.size());
    }
}
