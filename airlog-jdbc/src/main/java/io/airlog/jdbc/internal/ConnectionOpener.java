package io.airlog.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens connections for the writer with a time limit. A database that accepts TCP
 * connections but does not answer (frozen, or behind a broken network) would otherwise hold
 * the writer thread inside the driver's login for as long as the driver allows, which is
 * forever for PostgreSQL's default settings. The connection is opened on a helper thread
 * instead; the writer waits at most the timeout. An attempt that is still running is not
 * repeated: the next call waits for the same attempt, so a database that does not answer ties
 * up one helper thread, never more, and a connection that arrives late is used then.
 *
 * <p>Used by one thread only (the writer's), except for {@link #close()}.
 */
final class ConnectionOpener implements AutoCloseable {
    private final Jdbi jdbi;
    private final ExecutorService helper;
    private CompletableFuture<Handle> attempt;

    ConnectionOpener(Jdbi jdbi, String threadName) {
        this.jdbi = jdbi;
        this.helper = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A new connection, within {@code timeout}.
     *
     * @throws SQLTimeoutException if none came within the timeout (the attempt goes on)
     * @throws SQLException if the attempt failed
     */
    Handle open(Duration timeout) throws SQLException {
        if (attempt == null) {
            attempt = CompletableFuture.supplyAsync(jdbi::open, helper);
        }
        try {
            Handle handle = attempt.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            attempt = null;
            return handle;
        } catch (TimeoutException e) {
            throw new SQLTimeoutException("no connection to the database within " + timeout
                    + " (the database does not answer)");
        } catch (ExecutionException e) {
            attempt = null;
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new SQLException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while connecting", e);
        }
    }

    /** Stops the helper thread; a connection that is still being opened is closed when it arrives. */
    @Override
    public void close() {
        if (attempt != null) {
            attempt.thenAccept(Handle::close);
            attempt = null;
        }
        helper.shutdown();
    }
}
