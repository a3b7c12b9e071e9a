package io.airlog.jdbc;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of the crash tests: records events into one log from {@code threads}
 * threads until it is killed, and appends the id of every event it saw acknowledged to a
 * file, one unbuffered write per id (so that a {@code kill -9} loses no acknowledged id
 * already reported).
 *
 * <p>Arguments: url user password tablePrefix logId threads idFile.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        JdbcAuditStream stream = JdbcAuditStream.builder(new SimpleDataSource(args[0], args[1], args[2]))
                .name("crash-" + ProcessHandle.current().pid()).tablePrefix(args[3]).logId(args[4]).build();
        int threads = Integer.parseInt(args[5]);
        FileOutputStream ids = new FileOutputStream(Path.of(args[6]).toFile(), true);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            new Thread(() -> {
                for (long i = 0; ; i++) {
                    try {
                        AuditEvent e = stream.record(AuditDraft.builder("crash").put("thread", thread).put("i", i));
                        byte[] line = (e.eventId() + "\n").getBytes(StandardCharsets.US_ASCII);
                        synchronized (ids) {
                            ids.write(line);
                        }
                    } catch (AuditException e) {
                        System.out.println("not recorded: " + e.getMessage());
                    } catch (Exception e) {
                        e.printStackTrace();
                        System.exit(2);
                    }
                }
            }, "crash-" + t).start();
        }
    }
}
