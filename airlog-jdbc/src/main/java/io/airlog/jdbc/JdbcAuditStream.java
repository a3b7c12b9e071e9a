package io.airlog.jdbc;

import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditIntegrityException;
import io.airlog.AuditLimits;
import io.airlog.AuditLogReader;
import io.airlog.AuditQuery;
import io.airlog.Capability;
import io.airlog.ChainPosition;
import io.airlog.QueueFullPolicy;
import io.airlog.StreamHealth;
import io.airlog.WriteMode;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.internal.Text;
import io.airlog.jdbc.internal.ChainAppender;
import io.airlog.jdbc.internal.Durability;
import io.airlog.jdbc.internal.LogQueries;
import io.airlog.jdbc.internal.WriterCheckpoints;
import io.airlog.spi.CheckpointStatus;
import io.airlog.spi.CheckpointWitness;
import io.airlog.spi.CheckpointingStream;
import io.airlog.spi.WitnessSnapshot;
import io.airlog.spi.batch.GroupCommitAuditStream;
import io.airlog.spi.batch.GroupCommitWriter;
import io.airlog.spi.batch.WriterConfig;
import io.airlog.witness.FileWitness;
import io.airlog.witness.WitnessPublisher;
import io.airlog.witness.WitnessStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * <h2>Integrity</h2>
 * The writer keeps the right edge of the log's Merkle tree in memory and never builds on a
 * damaged log: under the head lock, before every batch, it checks the stored end of the log
 * against what it stored or checked itself, the head and the newest trusted signed checkpoint
 * row; rows another writer appended are checked and continued from. A log found deleted,
 * rewritten, forged or behind a signed checkpoint is <em>refused</em>: that batch's callers
 * and every later one get an {@link AuditIntegrityException} naming the log, the position and
 * what is wrong, and {@link #health()} is {@code DOWN} with that message. With a
 * {@linkplain Builder#signer signer} the writer also signs checkpoints into the checkpoint
 * table, in the batch's transaction, at most {@linkplain Builder#checkpointInterval an
 * interval} apart (an idle timer signs a tail left unsigned; close signs the rest), and
 * publishes them to a {@linkplain Builder#witness witness}. See docs/jdbc-writer.md.
 *
 * <p>{@link #health()} is {@code DOWN} while closed, after a failed batch until a batch
 * commits again, while a batch is in doubt, while one wait for the database has lasted
 * longer than the write timeout (a database that does not answer), and for good once the
 * writer refused a damaged log; {@code DEGRADED} while the witness is behind its window or
 * failing.
 *
 * <p>Safe for concurrent use by any number of threads.
 */
public final class JdbcAuditStream extends GroupCommitAuditStream implements AuditLogReader, CheckpointingStream {
    private final LogQueries queries;
    private final Durability durability;
    private final ChainAppender appender;
    private final WitnessPublisher publisher;
    private final boolean signs;

    private JdbcAuditStream(Builder b, TableNames tables, Durability durability, ChainAppender appender,
                            WitnessPublisher publisher) {
        super(b.name, b.logId, appender, new GroupCommitWriter.Settings(b.batchMaxSize, b.batchMaxDelay,
                b.queueCapacity, b.queueFullPolicy, b.blockTimeout, b.writeTimeout, b.writeMode == WriteMode.ASYNC));
        this.queries = new LogQueries(b.jdbi, tables, b.logId);
        this.durability = durability;
        this.appender = appender;
        this.publisher = publisher;
        this.signs = b.signer != null;
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
     * {@code DOWN} for good once the writer refused a damaged log (the detail names the log,
     * the position and what is wrong); {@code DEGRADED} while the witness is later than its
     * window or its last publication failed; otherwise as {@link GroupCommitAuditStream#health()}.
     */
    @Override
    public StreamHealth health() {
        StreamHealth base = super.health();
        AuditIntegrityException refused = appender.refusal();
        if (refused != null) {
            return new StreamHealth(StreamHealth.Status.DOWN, base.recorded(), base.failed(), base.queued(),
                    "refusing to append to a damaged log: " + refused.getMessage());
        }
        if (base.up() && publisher != null) {
            WitnessStatus w = publisher.status();
            if (w.behind() || !w.lastError().isEmpty()) {
                return new StreamHealth(base.status().worse(StreamHealth.Status.DEGRADED), base.recorded(),
                        base.failed(), base.queued(), "the witness " + w.location() + " is " + w.lag().toMillis()
                        + " ms behind (window " + w.window().toMillis() + " ms)"
                        + (w.lastError().isEmpty() ? "" : ": " + w.lastError()));
            }
        }
        return base;
    }

    /** The state of the witness this stream publishes its checkpoints to, if any. */
    public Optional<WitnessStatus> witnessStatus() {
        return publisher == null ? Optional.empty() : Optional.of(publisher.status());
    }

    /**
     * The newest signed size, the checkpoints signed and the time spent signing them, and the
     * witness's state; empty without a signer.
     */
    @Override
    public Optional<CheckpointStatus> checkpointStatus() {
        if (!signs) {
            return Optional.empty();
        }
        WriterCounters counters = appender.counters();
        return Optional.of(new CheckpointStatus(counters.signedSize(), counters.checkpointsSigned(),
                appender.signingTime(), witnessStatus()));
    }

    /** What the writer did to keep the log signed and whole so far. */
    public WriterCounters writerCounters() {
        return appender.counters();
    }

    /**
     * Stores everything queued, signs the unsigned tail, stops the writer, then publishes the
     * last checkpoint to the witness. Idempotent.
     *
     * @throws UncheckedIOException if the last checkpoint could not be published to the witness
     */
    @Override
    public void close() {
        super.close();
        if (publisher != null) {
            publisher.close();
        }
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
        /** Default longest time a committed event stays without a signed checkpoint. */
        public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
        /** The longest checkpoint interval accepted. */
        public static final Duration MAX_CHECKPOINT_INTERVAL = Duration.ofDays(1);

        private final Jdbi jdbi;
        private String name = "default";
        private String logId = "default";
        private String tablePrefix = TableNames.DEFAULT_PREFIX;
        private SchemaMode schemaMode = SchemaMode.VALIDATE;
        private IndexProfile indexProfile = IndexProfile.QUERY;
        private int batchMaxSize = DEFAULT_BATCH_MAX_SIZE;
        private Duration batchMaxDelay = DEFAULT_BATCH_MAX_DELAY;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private QueueFullPolicy queueFullPolicy = QueueFullPolicy.BLOCK;
        private Duration blockTimeout = DEFAULT_BLOCK_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private WriteMode writeMode = WriteMode.SYNC;
        private NoteSigner signer;
        private String origin;
        private Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        private TrustedKeys trustedKeys = TrustedKeys.none();
        private CheckpointWitness witness;
        private Path witnessFile;
        private Duration witnessWindow = WitnessPublisher.DEFAULT_WINDOW;

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

        /**
         * The secondary indexes {@link SchemaMode#CREATE} gives the event table (default
         * {@link IndexProfile#QUERY}); ignored by the other schema modes.
         */
        public Builder indexProfile(IndexProfile profile) {
            this.indexProfile = Objects.requireNonNull(profile, "indexProfile");
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
         * Signs checkpoints of the log's Merkle tree with this key (default: none, and no
         * checkpoint rows are written). The key never reaches the database.
         */
        public Builder signer(NoteSigner noteSigner) {
            this.signer = Objects.requireNonNull(noteSigner, "signer");
            return this;
        }

        /** The origin line of the checkpoints (default {@link Checkpoint#defaultOrigin} of the log id). */
        public Builder origin(String checkpointOrigin) {
            this.origin = Objects.requireNonNull(checkpointOrigin, "origin");
            return this;
        }

        /**
         * The longest time a committed event stays without a signed checkpoint, 0 to 1 day
         * (default {@link #DEFAULT_CHECKPOINT_INTERVAL}). Zero: every batch's transaction stores
         * its checkpoint, and rows no trusted checkpoint covers at the head are refused. Above
         * zero: a batch signs when the interval has passed since the last checkpoint, an idle
         * timer signs a tail left unsigned, and rows other writers appended are checked and
         * adopted (the window is documented in docs/jdbc-writer.md).
         */
        public Builder checkpointInterval(Duration interval) {
            Objects.requireNonNull(interval, "checkpointInterval");
            if (interval.isNegative() || interval.compareTo(MAX_CHECKPOINT_INTERVAL) > 0) {
                throw new IllegalArgumentException("checkpointInterval must be between 0 and 1 day: " + interval);
            }
            this.checkpointInterval = interval;
            return this;
        }

        /**
         * Keys whose checkpoints are trusted besides the signer's (those signed before a key
         * rotation, or by the writers of other JVMs); without a signer, the keys the start-up
         * check uses.
         */
        public Builder trustedKeys(TrustedKeys keys) {
            this.trustedKeys = Objects.requireNonNull(keys, "trustedKeys");
            return this;
        }

        /**
         * Compares the log with this witness's newest checkpoint when the writer starts, and
         * (with a signer) publishes every checkpoint to it; closed with the stream.
         */
        public Builder witness(CheckpointWitness checkpointWitness) {
            this.witness = Objects.requireNonNull(checkpointWitness, "witness");
            return this;
        }

        /**
         * A {@link FileWitness} at {@code path}; a directory means the file
         * {@link FileWitness#fileFor} names for the log in it. An absent file is created by the
         * first batch once its start-up check passed: a file removed from under a log with
         * signed checkpoints makes that check fail ({@code WITNESS_MISSING}) and is not
         * created again, at this start or any later one.
         */
        public Builder witnessFile(Path path) {
            this.witnessFile = Objects.requireNonNull(path, "witnessFile");
            return this;
        }

        /** How soon a checkpoint reaches the witness after its commit (default one second, at least 2 ms). */
        public Builder witnessWindow(Duration window) {
            Objects.requireNonNull(window, "witnessWindow");
            if (window.toMillis() < 2) {
                throw new IllegalArgumentException("witnessWindow must be at least 2 ms: " + window);
            }
            this.witnessWindow = window;
            return this;
        }

        /**
         * Applies the schema mode, reads the database's durability settings (see
         * {@link JdbcAuditStream#durability()}) and starts the writer thread. With
         * {@link SchemaMode#NONE} the database need not be reachable yet.
         *
         * @throws SchemaException if the schema is not valid
         * @throws AuditException if the database cannot be reached to check the schema
         * @throws IllegalArgumentException if a witness is set without a signer or trusted keys
         * @throws UncheckedIOException if the witness cannot be opened or read
         */
        public JdbcAuditStream build() {
            if ((witness != null || witnessFile != null) && signer == null && trustedKeys.isEmpty()) {
                throw new IllegalArgumentException("a witness needs signed checkpoints: set a signer or trusted keys");
            }
            TableNames tables = new TableNames(tablePrefix);
            SchemaManager schema = new SchemaManager(tables, indexProfile);
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
            String o = origin != null ? origin : Checkpoint.defaultOrigin(logId);
            TrustedKeys keys = signer == null ? trustedKeys : TrustedKeys.of(signer.verifierKey()).and(trustedKeys);
            Path file = witnessFile == null ? null
                    : Files.isDirectory(witnessFile) ? FileWitness.fileFor(witnessFile, logId) : witnessFile;
            CheckpointWitness w = witness != null ? witness : file == null ? null
                    : Files.exists(file) ? existingWitness(file, o) : FileWitness.open(file, o);
            WitnessSnapshot snapshot;
            try {
                snapshot = w == null ? null : w.read();
                if (w != null && signer == null) {
                    w.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the witness " + w.location() + ": " + e.getMessage(), e);
            }
            Path missingFile = witness == null && file != null && !snapshot.exists() && signer != null ? file : null;
            WitnessPublisher publisher = w != null && signer != null ? new WitnessPublisher(w, witnessWindow) : null;
            ChainAppender appender = new ChainAppender(jdbi, tables, logId, writeTimeout, "airlog-" + name
                    + "-connect", new WriterCheckpoints(signer, o, checkpointInterval, keys, publisher, snapshot,
                    missingFile));
            return new JdbcAuditStream(this, tables, durability, appender, publisher);
        }

        /** Opens an existing witness file, checking that it is this log's. */
        private static CheckpointWitness existingWitness(Path file, String o) {
            try {
                return FileWitness.create(file, o);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the witness file " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
