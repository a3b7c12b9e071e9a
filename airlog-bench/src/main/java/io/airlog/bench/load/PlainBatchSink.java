package io.airlog.bench.load;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.jdbc.JdbcAuditStream;
import io.airlog.jdbc.TableNames;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The database's practical limit for these rows: airlog's group commit without airlog.
 * Callers hand drafts to a bounded queue and wait; one writer thread drains it in batches
 * exactly as airlog's writer does (up to 512 events; when a batch is smaller than the one
 * before, it waits up to 2 ms for as many as that one had), turns each draft into its row
 * without hashing or chaining ({@link Rows#unchained}), inserts the batch with the same
 * multi-row statements ({@link Rows.MultiRowInsert}), commits, and releases the callers. What
 * it leaves out compared with airlog: SHA-256 and the canonical encoding, the head-row lock
 * and its update, and airlog's failure handling.
 */
public final class PlainBatchSink implements Sink {
    private static final int QUEUE_CAPACITY = JdbcAuditStream.Builder.DEFAULT_QUEUE_CAPACITY;
    private static final int MAX_BATCH = JdbcAuditStream.Builder.DEFAULT_BATCH_MAX_SIZE;
    private static final long MAX_DELAY_NANOS = JdbcAuditStream.Builder.DEFAULT_BATCH_MAX_DELAY.toNanos();

    private final String logId;
    private final Connection connection;
    private final Rows.MultiRowInsert insert;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private volatile boolean closing;
    private long sequence;
    private int previousBatch = 1;

    /** Opens the writer's connection and starts its thread. */
    public PlainBatchSink(DataSource dataSource, TableNames tables, String logId) throws SQLException {
        this.logId = logId;
        this.connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        this.insert = new Rows.MultiRowInsert(tables, connection);
        this.writer = new Thread(this::run, "plain-batch-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public CompletionStage<?> store(int caller, AuditDraft draft) throws Exception {
        Pending pending = new Pending(draft, new CompletableFuture<>());
        if (closing) {
            throw new IllegalStateException("closed");
        }
        queue.put(pending);
        if (closing && !writer.isAlive() && queue.remove(pending)) {
            throw new IllegalStateException("closed");
        }
        try {
            pending.done().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return null;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        List<AuditEvent> rows = new ArrayList<>(MAX_BATCH);
        try {
            while (true) {
                Pending first = queue.poll(20, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                gather(batch);
                for (Pending p : batch) {
                    rows.add(Rows.unchained(p.draft(), logId, ++sequence));
                }
                try {
                    insert.insert(rows);
                    connection.commit();
                    batch.forEach(p -> p.done().complete(null));
                } catch (SQLException | RuntimeException e) {
                    try {
                        connection.rollback();
                    } catch (SQLException ignored) {
                        e.addSuppressed(ignored);
                    }
                    batch.forEach(p -> p.done().completeExceptionally(e));
                }
                batch.clear();
                rows.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    /** airlog's gathering policy (see GroupCommitWriter). */
    private void gather(List<Pending> batch) throws InterruptedException {
        queue.drainTo(batch, MAX_BATCH - batch.size());
        int expected = Math.min(MAX_BATCH, previousBatch);
        if (batch.size() < expected) {
            long deadline = System.nanoTime() + MAX_DELAY_NANOS;
            while (batch.size() < expected) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                batch.add(next);
                queue.drainTo(batch, MAX_BATCH - batch.size());
            }
        }
        previousBatch = batch.size();
    }

    @Override
    public void close() throws Exception {
        closing = true;
        writer.join();
        insert.close();
        connection.close();
    }

    private record Pending(AuditDraft draft, CompletableFuture<Void> done) {
    }
}
