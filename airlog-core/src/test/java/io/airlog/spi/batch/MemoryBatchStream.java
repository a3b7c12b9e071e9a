package io.airlog.spi.batch;

import io.airlog.QueueFullPolicy;
import java.time.Duration;

/** A group-commit stream on a {@link MemoryAppender}, for tests of this package and of pipelines. */
public final class MemoryBatchStream extends GroupCommitAuditStream {
    private final MemoryAppender appender;

    private MemoryBatchStream(String logId, MemoryAppender appender, boolean async, int queueCapacity) {
        super("memory-batch", logId, appender, new GroupCommitWriter.Settings(64, Duration.ofMillis(1), queueCapacity,
                QueueFullPolicy.FAIL, Duration.ofSeconds(1), async));
        this.appender = appender;
    }

    /** A stream with room for 8192 queued drafts, failing callers when it is full. */
    public static MemoryBatchStream open(String logId, boolean async) {
        return new MemoryBatchStream(logId, new MemoryAppender(logId), async, 8192);
    }

    /** An asynchronous stream with room for {@code capacity} queued drafts. */
    public static MemoryBatchStream withQueue(String logId, int capacity) {
        return new MemoryBatchStream(logId, new MemoryAppender(logId), true, capacity);
    }

    /** Its storage. */
    public MemoryAppender appender() {
        return appender;
    }
}
