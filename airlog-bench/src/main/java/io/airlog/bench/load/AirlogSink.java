package io.airlog.bench.load;

import io.airlog.AuditDraft;
import io.airlog.WriteMode;
import io.airlog.jdbc.JdbcAuditStream;
import io.airlog.jdbc.SchemaMode;
import io.airlog.jdbc.TableNames;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;

/**
 * airlog itself: a {@link JdbcAuditStream} with its default settings (group commit, batches of
 * at most 512, 2 ms maximum delay, queue of 8192). Synchronous callers use {@code record},
 * which returns after the commit; asynchronous callers use {@code recordAsync} on a stream in
 * {@link WriteMode#ASYNC}, which returns once the draft is queued.
 */
public final class AirlogSink implements Sink {
    private final JdbcAuditStream stream;
    private final boolean async;

    /**
     * Opens a stream on existing tables.
     *
     * @param async whether callers hand drafts over without waiting for the commit
     */
    public AirlogSink(DataSource dataSource, TableNames tables, String logId, boolean async) {
        this.async = async;
        this.stream = JdbcAuditStream.builder(dataSource).name("bench").logId(logId).tablePrefix(tables.prefix())
                .schemaMode(SchemaMode.VALIDATE).writeMode(async ? WriteMode.ASYNC : WriteMode.SYNC).build();
    }

    /** The stream (for its statistics). */
    public JdbcAuditStream stream() {
        return stream;
    }

    @Override
    public CompletionStage<?> store(int caller, AuditDraft draft) {
        if (async) {
            return stream.recordAsync(draft);
        }
        stream.record(draft);
        return null;
    }

    @Override
    public void close() {
        stream.close();
    }
}
