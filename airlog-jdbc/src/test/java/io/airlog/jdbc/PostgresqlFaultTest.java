package io.airlog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.WriteMode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The fault tests on a PostgreSQL server of their own, and the memory bound during an outage. */
class PostgresqlFaultTest extends DatabaseFaultTest {

    @Override
    PrivateDatabase.Engine engine() {
        return PrivateDatabase.Engine.POSTGRESQL;
    }

    @Override
    void createRole(Connection admin, String role, TableNames tables) throws Exception {
        TestChains.execute(admin, "CREATE ROLE " + role + " LOGIN PASSWORD 'secret'");
        TestChains.execute(admin, "GRANT SELECT, INSERT ON " + tables.event() + ", " + tables.checkpoint() + " TO "
                + role);
        TestChains.execute(admin, "GRANT SELECT, INSERT, UPDATE ON " + tables.head() + " TO " + role);
    }

    @Override
    void grantInsert(Connection admin, String role, TableNames tables, boolean grant) throws Exception {
        TestChains.execute(admin, (grant ? "GRANT INSERT ON " : "REVOKE INSERT ON ") + tables.event()
                + (grant ? " TO " : " FROM ") + role);
    }

    /**
     * Four producers call {@code recordAsync} as fast as they can while the server is down
     * for 10 s: the drafts queued or in flight never exceed the queue capacity, and the live
     * heap (measured after a full collection) grows by less than the documented bound of
     * 2 KiB per unit of capacity plus 16 MiB.
     */
    @Test
    void asyncProducersDuringATenSecondOutageStayWithinTheQueueBound() throws Exception {
        TableNames tables = createTables();
        int capacity = JdbcAuditStream.Builder.DEFAULT_QUEUE_CAPACITY;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (JdbcAuditStream stream = stream(db.dataSource(), tables, "memory").writeMode(WriteMode.ASYNC).build()) {
            AtomicLong stored = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            List<Thread> producers = new ArrayList<>();
            boolean[] stop = {false};
            for (int t = 0; t < 4; t++) {
                int thread = t;
                Thread producer = new Thread(() -> {
                    for (long i = 0; !stop[0]; i++) {
                        stream.recordAsync(AuditDraft.builder("memory").put("thread", thread).put("i", i).build())
                                .whenComplete((event, error) -> (error == null ? stored : failed).incrementAndGet());
                    }
                }, "producer-" + t);
                producers.add(producer);
                producer.start();
            }
            try {
                while (stored.get() < 20_000) {
                    Thread.sleep(10);
                }
                long baseline = liveHeap(memory);
                db.stopHard();
                long maxLive = 0;
                int maxInFlight = 0;
                long end = System.nanoTime() + 10_000_000_000L;
                while (System.nanoTime() < end) {
                    maxInFlight = Math.max(maxInFlight, stream.statistics().inFlight());
                    maxLive = Math.max(maxLive, liveHeap(memory));
                    Thread.sleep(250);
                }
                db.startServer();
                long storedBefore = stored.get();
                while (stored.get() < storedBefore + 20_000) {
                    Thread.sleep(10);
                }
                System.out.printf("async outage of 10 s, capacity %d: at most %d in flight, live heap %d MiB before,"
                        + " at most %d MiB during (+%d KiB), %d failed%n", capacity, maxInFlight, baseline >> 20,
                        maxLive >> 20, (maxLive - baseline) >> 10, failed.get());
                assertThat(maxInFlight).isLessThanOrEqualTo(capacity);
                assertThat(maxLive - baseline).as("live heap growth during the outage")
                        .isLessThan(capacity * 2048L + (16L << 20));
                assertThat(failed.get()).as("producers are failed, not queued without end").isPositive();
            } finally {
                stop[0] = true;
                for (Thread p : producers) {
                    p.join();
                }
            }
        }
    }

    private static long liveHeap(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
