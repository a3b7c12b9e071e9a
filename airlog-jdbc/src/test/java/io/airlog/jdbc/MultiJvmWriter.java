package io.airlog.jdbc;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.checkpoint.SigningKeys;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child JVM of {@link MultiJvmTest}: records {@code events} events into one log with
 * {@code threads} threads, writes the id of every event it saw acknowledged to a file (one
 * per line), and exits with 0 if none failed.
 *
 * <p>Arguments: url user password tablePrefix logId events threads idFile [keyPem intervalMillis]:
 * with the last two, the stream signs checkpoints with the PEM key at that interval.
 */
public final class MultiJvmWriter {
    private MultiJvmWriter() {
    }

    public static void main(String[] args) throws Exception {
        SimpleDataSource dataSource = new SimpleDataSource(args[0], args[1], args[2]);
        String prefix = args[3];
        String logId = args[4];
        int events = Integer.parseInt(args[5]);
        int threads = Integer.parseInt(args[6]);
        Path idFile = Path.of(args[7]);
        AtomicInteger failed = new AtomicInteger();
        String name = "jvm-" + ProcessHandle.current().pid();
        JdbcAuditStream.Builder builder = JdbcAuditStream.builder(dataSource).name(name).tablePrefix(prefix)
                .logId(logId).schemaMode(SchemaMode.VALIDATE);
        if (args.length > 8) {
            builder.signer(SigningKeys.readPem(Path.of(args[8]), "multi-jvm"))
                    .checkpointInterval(Duration.ofMillis(Long.parseLong(args[9])));
        }
        JdbcAuditStream stream = builder.build();
        try (BufferedWriter ids = Files.newBufferedWriter(idFile)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int count = events / threads + (t < events % threads ? 1 : 0);
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < count; i++) {
                        try {
                            AuditEvent e = stream.record(AuditDraft.builder("multi-jvm")
                                    .put("jvm", name).put("thread", thread).put("i", i));
                            synchronized (ids) {
                                ids.write(e.eventId().toString());
                                ids.newLine();
                            }
                        } catch (AuditException e) {
                            failed.incrementAndGet();
                            e.printStackTrace();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        } finally {
            stream.close();
        }
        System.out.println(name + " " + stream.statistics() + " " + stream.writerCounters() + " failed="
                + failed.get());
        System.exit(failed.get() == 0 ? 0 : 1);
    }
}
