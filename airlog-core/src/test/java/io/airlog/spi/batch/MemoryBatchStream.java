package io.airlog.spi.batch;

import io.airlog.QueueFullPolicy;
import java.time.Duration;

/** A group-commit stream on a {@link MemoryAppender}, for tests of this package and of pipelines. */
public final class MemoryBatchStream extends GroupCommitAuditStream {
    private final MemoryAppender appender;

    private MemoryBatchStream(String logId, MemoryAppender appender, boolean async, int queueCapacity,
                              Duration writeTimeout) {
        super("memory-batch", logId, appender, new GroupCommitWriter.Settings(64, Duration.ofMillis(1), queueCapacity,
                QueueFullPolicy.FAIL, Duration.ofSeconds(1), writeTimeout, async));
        this.appender = appender;
    }

    /** A stream with room for 8192 queued or in-flight drafts, failing callers when it is full. */
    public static MemoryBatchStream open(String logId, boolean async) {
        return new MemoryBatchStream(logId, new MemoryAppender(logId), async, 8192, Duration.ofSeconds(10));
    }

    /** An asynchronous stream with room for {@code capacity} queued or in-flight drafts. */
    public static MemoryBatchStream withQueue(String logId, int capacity) {
        return new MemoryBatchStream(logId, new MemoryAppender(logId), true, capacity, Duration.ofSeconds(10));
    }

    /** A stream whose callers wait at most {@code writeTimeout}. */
    public static MemoryBatchStream withWriteTimeout(String logId, boolean async, Duration writeTimeout) {
        return new MemoryBatchStream(logId, new MemoryAppender(logId), async, 8192, writeTimeout);
    }

    /** Its storage. */
    public MemoryAppender appender() {
        return appender;
    }
}
