package io.airlog.jdbc;

import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditLimits;
import io.airlog.AuditLogReader;
import io.airlog.AuditQuery;
import io.airlog.Capability;
import io.airlog.ChainPosition;
import io.airlog.QueueFullPolicy;
import io.airlog.WriteMode;
import io.airlog.internal.Text;
import io.airlog.jdbc.internal.ChainAppender;
import io.airlog.jdbc.internal.Durability;
import io.airlog.jdbc.internal.LogQueries;
import io.airlog.spi.batch.GroupCommitAuditStream;
import io.airlog.spi.batch.GroupCommitWriter;
import io.airlog.spi.batch.WriterConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * An audit log in an SQL database (H2, PostgreSQL, MariaDB): insert-only rows, each chained
 * to the one before by SHA-256, written by a group-commit writer; also the
 * {@linkplain AuditLogReader reader} of that log.
 *
 * <h2>Concurrency design</h2>
 * <ul>
 *   <li><b>One writer thread per stream.</b> {@link #record} and {@link #recordAsync} put the
 *   (already validated) draft into a bounded queue. The stream's writer thread takes what is
 *   queued, up to {@linkplain Builder#batchMaxSize the maximum batch size}, waiting at most
 *   {@linkplain Builder#batchMaxDelay the maximum delay} for more, and stores the batch in
 *   one transaction (group commit): many callers share one commit.</li>
 *   <li><b>The head row is the sequencer of the log, across JVMs.</b> Each batch
 *   transaction locks the log's head row before it inserts: with
 *   {@code SELECT size, last_checksum ... FOR UPDATE} (inserting the row of a new log first,
 *   race-free), or, once this writer has found the head where its own previous batch left it
 *   several batches in a row, with the compare-and-swap update itself
 *   ({@code UPDATE ... WHERE log_id = ? AND size = ? AND last_checksum = ?}), falling back to
 *   the locking query in the same transaction when another writer moved the head. It seals the
 *   drafts in Java from the locked position (sequence {@code size + 1}, {@code size + 2}, ...;
 *   each linked to the checksum before it), inserts the rows as multi-row inserts, and commits.
 *   Writers in other JVMs wait for the lock and then read the new head, so all of them together
 *   produce one gap-free chain. Sequence numbers never come from a database sequence or
 *   identity column.</li>
 *   <li><b>Callers learn the outcome only after the commit</b>, and never later than the
 *   {@linkplain Builder#writeTimeout write timeout}. If the batch fails, each of its callers
 *   (and only they) get an {@link AuditException}: the transaction rolled back, so the log has
 *   no partial batch, no gap and no duplicate. After a failure the writer drops its connection
 *   and waits (exponential backoff with jitter, at most 2 s) before it tries again, so it
 *   resumes by itself when the database comes back without flooding it with connections.</li>
 *   <li><b>A cut-off commit is resolved, not guessed.</b> Its batch is in doubt: the writer
 *   keeps the callers waiting, reconnects (as often as needed, before any new batch), waits
 *   for the head row's lock and looks for the batch's last row: present with its checksum, the
 *   callers get their events; absent, an {@link AuditException}. A caller whose deadline comes
 *   first gets an {@link io.airlog.AuditOutcomeUnknownException} and learns the outcome by
 *   recording the same draft again.</li>
 *   <li><b>An event id is stored once.</b> A draft whose event id is already stored is
 *   answered with the stored event when it is the same draft (same log, every field equal),
 *   and fails naming the differing fields when it is not; the other drafts of its batch are
 *   stored together.</li>
 *   <li><b>Deadlocks are retried.</b> A batch the database rolls back to break a deadlock or
 *   a serialisation conflict is tried again after a short backoff (three attempts in all)
 *   before its callers fail.</li>
 *   <li><b>Bounded memory and back-pressure.</b> At most {@linkplain Builder#queueCapacity the
 *   queue capacity} drafts are queued or in flight at once (asynchronous ones until their
 *   stage's code ran); beyond that callers wait up to a timeout ({@link QueueFullPolicy#BLOCK})
 *   or fail at once ({@link QueueFullPolicy#FAIL}); nothing is dropped silently.</li>
 *   <li><b>Close</b> refuses new drafts ({@link IllegalStateException}), lets the writer store
 *   everything queued (for at most the write timeout), and stops the thread.</li>
 * </ul>
 *
 * <p>Reading ({@link #find}, {@link #replay}, {@link #head}) sees committed events only and
 * uses connections of its own; it never waits for the writer.
 *
 * <p>{@link #health()} is {@code DOWN} while closed, after a failed batch until a batch
 * commits again, while a batch is in doubt, and while one wait for the database has lasted
 * longer than the write timeout (a database that does not answer).
 *
 * <p>Safe for concurrent use by any number of threads.
 */
public final class JdbcAuditStream extends GroupCommitAuditStream implements AuditLogReader {
    private final LogQueries queries;
    private final Durability durability;

    private JdbcAuditStream(Builder b, TableNames tables, Durability durability) {
        super(b.name, b.logId, new ChainAppender(b.jdbi, tables, b.logId, b.writeTimeout, "airlog-" + b.name
                + "-connect"), new GroupCommitWriter.Settings(b.batchMaxSize, b.batchMaxDelay, b.queueCapacity,
                b.queueFullPolicy, b.blockTimeout, b.writeTimeout, b.writeMode == WriteMode.ASYNC));
        this.queries = new LogQueries(b.jdbi, tables, b.logId);
        this.durability = durability;
    }

    /** Starts a stream on a data source. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")));
    }

    /** Starts a stream on a {@link Jdbi} (its connection factory, e.g. a pool). */
    public static Builder builder(Jdbi jdbi) {
        return new Builder(Objects.requireNonNull(jdbi, "jdbi"));
    }

    /**
     * {@link Capability#QUERY} besides the writer's, and {@link Capability#DURABLE} where the
     * database's settings promise that a committed event survives a crash of its process (see
     * {@link #durability()}).
     */
    @Override
    public Set<Capability> capabilities() {
        Set<Capability> capabilities = super.capabilities();
        capabilities.add(Capability.QUERY);
        if (durability.durable()) {
            capabilities.add(Capability.DURABLE);
        }
        return capabilities;
    }

    /**
     * Whether a committed event survives a crash of the database's process, and why: what
     * {@link Capability#DURABLE} in {@link #capabilities()} rests on (read from the database's
     * settings when the stream was built; see docs/database.md, "Durability").
     */
    public String durability() {
        return (durability.durable() ? "durable: " : "not durable: ") + durability.reason();
    }

    @Override
    public ChainPosition head() {
        return queries.head();
    }

    /**
     * One page of the log's committed events that match the query, in sequence order.
     *
     * @throws io.airlog.AuditIntegrityException if a matching row cannot be read back as an
     *         event (a stored value was altered)
     * @throws AuditException if the database cannot be read
     */
    @Override
    public List<AuditEvent> find(AuditQuery query) {
        return queries.find(Objects.requireNonNull(query, "query"));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads pages of rows by sequence range, each with a short query, so memory stays
     * constant and no connection is held between pages.
     *
     * @throws IllegalArgumentException if {@code fromSequence} is below 1
     */
    @Override
    public Stream<AuditEvent> replay(long fromSequence, long toSequence) {
        return queries.replay(fromSequence, toSequence);
    }

    /**
     * Builds a {@link JdbcAuditStream}. Defaults: stream name {@code default}, log id
     * {@code default}, table prefix {@value TableNames#DEFAULT_PREFIX}, schema
     * {@link SchemaMode#VALIDATE}, batches of at most {@value #DEFAULT_BATCH_MAX_SIZE} events
     * and {@link #DEFAULT_BATCH_MAX_DELAY}, a queue of {@value #DEFAULT_QUEUE_CAPACITY}
     * drafts, {@link QueueFullPolicy#BLOCK} for at most {@link #DEFAULT_BLOCK_TIMEOUT}, a
     * write timeout of {@link #DEFAULT_WRITE_TIMEOUT}, {@link WriteMode#SYNC}.
     */
    public static final class Builder {
        /** Default most events per transaction. */
        public static final int DEFAULT_BATCH_MAX_SIZE = WriterConfig.DEFAULT_BATCH_MAX_SIZE;
        /** Default time a batch smaller than the previous one waits for more events. */
        public static final Duration DEFAULT_BATCH_MAX_DELAY = WriterConfig.DEFAULT_BATCH_MAX_DELAY;
        /** Default queue capacity. */
        public static final int DEFAULT_QUEUE_CAPACITY = WriterConfig.DEFAULT_QUEUE_CAPACITY;
        /** Default wait for room in a full queue. */
        public static final Duration DEFAULT_BLOCK_TIMEOUT = WriterConfig.DEFAULT_BLOCK_TIMEOUT;
        /** Default longest wait of a caller, and of the writer for each answer of the database. */
        public static final Duration DEFAULT_WRITE_TIMEOUT = WriterConfig.DEFAULT_WRITE_TIMEOUT;
        /** The largest batch size accepted. */
        public static final int MAX_BATCH_SIZE = WriterConfig.MAX_BATCH_SIZE;

        private final Jdbi jdbi;
        private String name = "default";
        private String logId = "default";
        private String tablePrefix = TableNames.DEFAULT_PREFIX;
        private SchemaMode schemaMode = SchemaMode.VALIDATE;
        private int batchMaxSize = DEFAULT_BATCH_MAX_SIZE;
        private Duration batchMaxDelay = DEFAULT_BATCH_MAX_DELAY;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private QueueFullPolicy queueFullPolicy = QueueFullPolicy.BLOCK;
        private Duration blockTimeout = DEFAULT_BLOCK_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private WriteMode writeMode = WriteMode.SYNC;

        private Builder(Jdbi jdbi) {
            this.jdbi = jdbi;
        }

        /** The stream's name (default {@code default}). */
        public Builder name(String streamName) {
            this.name = Text.requiredNonBlank("name", streamName, AuditLimits.LOG_ID);
            return this;
        }

        /** The log this stream writes and reads (default {@code default}). */
        public Builder logId(String id) {
            this.logId = Text.requiredNonBlank("logId", id, AuditLimits.LOG_ID);
            return this;
        }

        /** The table prefix (default {@value TableNames#DEFAULT_PREFIX}); see {@link TableNames}. */
        public Builder tablePrefix(String prefix) {
            this.tablePrefix = new TableNames(prefix).prefix();
            return this;
        }

        /** What to do with the schema when the stream is built (default {@link SchemaMode#VALIDATE}). */
        public Builder schemaMode(SchemaMode mode) {
            this.schemaMode = Objects.requireNonNull(mode, "schemaMode");
            return this;
        }

        /** Most events per transaction, 1 to {@value #MAX_BATCH_SIZE} (default {@value #DEFAULT_BATCH_MAX_SIZE}). */
        public Builder batchMaxSize(int size) {
            if (size < 1 || size > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("batchMaxSize must be between 1 and " + MAX_BATCH_SIZE + ": "
                        + size);
            }
            this.batchMaxSize = size;
            return this;
        }

        /**
         * How long (0 to 1 s) a batch smaller than the previous one waits for more events
         * before it is committed; zero commits at once what is queued (default
         * {@link #DEFAULT_BATCH_MAX_DELAY}).
         */
        public Builder batchMaxDelay(Duration delay) {
            Objects.requireNonNull(delay, "batchMaxDelay");
            if (delay.isNegative() || delay.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalArgumentException("batchMaxDelay must be between 0 and 1 s: " + delay);
            }
            this.batchMaxDelay = delay;
            return this;
        }

        /** Most drafts waiting for the writer (default {@value #DEFAULT_QUEUE_CAPACITY}). */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1: " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /** What callers get when the queue is full (default {@link QueueFullPolicy#BLOCK}). */
        public Builder queueFullPolicy(QueueFullPolicy policy) {
            this.queueFullPolicy = Objects.requireNonNull(policy, "queueFullPolicy");
            return this;
        }

        /** How long {@link QueueFullPolicy#BLOCK} waits for room (default {@link #DEFAULT_BLOCK_TIMEOUT}). */
        public Builder blockTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "blockTimeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("blockTimeout must be positive: " + timeout);
            }
            this.blockTimeout = timeout;
            return this;
        }

        /**
         * How long a caller waits in all for its event to be stored (room in the queue
         * included), and the writer for each answer of the database (default
         * {@link #DEFAULT_WRITE_TIMEOUT}; 100 ms to 1 day). A caller whose draft is still
         * queued then gets an {@link AuditException} (not stored); one whose batch is in flight
         * an {@link io.airlog.AuditOutcomeUnknownException}. The writer's connection gets it as
         * its network timeout ({@link java.sql.Connection#setNetworkTimeout}), and opening a
         * connection is abandoned after it, so a database that stops answering holds neither
         * callers nor the writer longer.
         */
        public Builder writeTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "writeTimeout");
            if (timeout.compareTo(WriterConfig.MIN_WRITE_TIMEOUT) < 0
                    || timeout.compareTo(WriterConfig.MAX_WRITE_TIMEOUT) > 0) {
                throw new IllegalArgumentException("writeTimeout must be between 100 ms and 1 day: " + timeout);
            }
            this.writeTimeout = timeout;
            return this;
        }

        /** Whether {@code recordAsync} waits for the commit (default {@link WriteMode#SYNC}). */
        public Builder writeMode(WriteMode mode) {
            this.writeMode = Objects.requireNonNull(mode, "writeMode");
            return this;
        }

        /**
         * Applies the schema mode, reads the database's durability settings (see
         * {@link JdbcAuditStream#durability()}) and starts the writer thread. With
         * {@link SchemaMode#NONE} the database need not be reachable yet.
         *
         * @throws SchemaException if the schema is not valid
         * @throws AuditException if the database cannot be reached to check the schema
         */
        public JdbcAuditStream build() {
            TableNames tables = new TableNames(tablePrefix);
            SchemaManager schema = new SchemaManager(tables);
            Durability durability;
            try {
                durability = jdbi.withHandle(h -> {
                    schema.apply(h.getConnection(), schemaMode);
                    return Durability.of(h.getConnection());
                });
            } catch (org.jdbi.v3.core.ConnectionException e) {
                if (schemaMode != SchemaMode.NONE) {
                    throw new AuditException("cannot connect to check the airlog schema: " + e.getMessage(), e);
                }
                // Without a schema check the stream may start while the database is away.
                durability = new Durability(false, "not known: the database could not be reached when the stream"
                        + " was built (" + e.getMessage() + ")");
            }
            return new JdbcAuditStream(this, tables, durability);
        }
    }
}
