package io.airlog.spi.batch;

import io.airlog.QueueFullPolicy;
import io.airlog.WriteMode;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of a stream's {@link GroupCommitWriter}, as configured ({@code airlog.batch.*},
 * {@code airlog.queue.*}, {@code airlog.write-timeout}, {@code airlog.write-mode}) and handed
 * to a backend that batches.
 *
 * @param maxBatchSize most events per batch, 1 to {@value #MAX_BATCH_SIZE}
 * @param maxDelay how long a batch smaller than the previous one waits for more events, 0 to
 *                 {@link #MAX_DELAY}
 * @param queueCapacity most drafts waiting or in flight, at least 1
 * @param queueFull what a caller gets when the queue is full
 * @param blockTimeout how long {@link QueueFullPolicy#BLOCK} waits, positive (never longer than
 *                     the write timeout)
 * @param writeTimeout the longest a caller waits for its event to be stored, room in the queue
 *                     included, {@link #MIN_WRITE_TIMEOUT} to {@link #MAX_WRITE_TIMEOUT}: a draft
 *                     still queued then is not stored, one whose batch is in flight gets an
 *                     {@link io.airlog.AuditOutcomeUnknownException}; a backend bounds its own
 *                     waits for the storage by it (the JDBC backend: the network timeout of the
 *                     writer's connection)
 * @param writeMode whether {@code recordAsync} waits for the batch
 */
public record WriterConfig(int maxBatchSize, Duration maxDelay, int queueCapacity, QueueFullPolicy queueFull,
                           Duration blockTimeout, Duration writeTimeout, WriteMode writeMode) {
    /** Default most events per batch. */
    public static final int DEFAULT_BATCH_MAX_SIZE = 512;
    /** Default time a batch smaller than the previous one waits for more events. */
    public static final Duration DEFAULT_BATCH_MAX_DELAY = Duration.ofMillis(2);
    /** Default queue capacity. */
    public static final int DEFAULT_QUEUE_CAPACITY = 8192;
    /** Default wait for room in a full queue. */
    public static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofSeconds(10);
    /** Default longest wait of a caller for its event to be stored. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    /** The shortest write timeout accepted. */
    public static final Duration MIN_WRITE_TIMEOUT = Duration.ofMillis(100);
    /** The longest write timeout accepted. */
    public static final Duration MAX_WRITE_TIMEOUT = Duration.ofDays(1);
    /** The largest batch size accepted. */
    public static final int MAX_BATCH_SIZE = 10_000;
    /** The longest batch delay accepted. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(1);
    /** Every setting at its default, {@link WriteMode#SYNC}. */
    public static final WriterConfig DEFAULT = new WriterConfig(DEFAULT_BATCH_MAX_SIZE, DEFAULT_BATCH_MAX_DELAY,
            DEFAULT_QUEUE_CAPACITY, QueueFullPolicy.BLOCK, DEFAULT_BLOCK_TIMEOUT, DEFAULT_WRITE_TIMEOUT, WriteMode.SYNC);

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public WriterConfig {
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(queueFull, "queueFull");
        Objects.requireNonNull(blockTimeout, "blockTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(writeMode, "writeMode");
        if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchMaxSize must be between 1 and " + MAX_BATCH_SIZE + ": "
                    + maxBatchSize);
        }
        if (maxDelay.isNegative() || maxDelay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("batchMaxDelay must be between 0 and 1 s: " + maxDelay);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1: " + queueCapacity);
        }
        if (blockTimeout.isNegative() || blockTimeout.isZero()) {
            throw new IllegalArgumentException("blockTimeout must be positive: " + blockTimeout);
        }
        if (writeTimeout.compareTo(MIN_WRITE_TIMEOUT) < 0 || writeTimeout.compareTo(MAX_WRITE_TIMEOUT) > 0) {
            throw new IllegalArgumentException("writeTimeout must be between 100 ms and 1 day: " + writeTimeout);
        }
    }

    /** The writer's settings. */
    public GroupCommitWriter.Settings settings() {
        return new GroupCommitWriter.Settings(maxBatchSize, maxDelay, queueCapacity, queueFull, blockTimeout,
                writeTimeout, writeMode == WriteMode.ASYNC);
    }
}
