package io.airlog.jdbc.internal;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditIntegrityException;
import io.airlog.ChainPosition;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.SignedNote;
import io.airlog.jdbc.SqlDialect;
import io.airlog.jdbc.TableNames;
import io.airlog.jdbc.WriterCounters;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import io.airlog.spi.WitnessSnapshot;
import io.airlog.spi.batch.BatchAppender;
import io.airlog.spi.batch.BatchFailure;
import io.airlog.verify.CheckpointVerifier;
import io.airlog.verify.Damage;
import io.airlog.witness.FileWitness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Appends batches of drafts to one log, one transaction per batch, on a connection of its
 * own that it keeps between batches and replaces after any failure.
 *
 * <p>A batch is one transaction, in one of two ways. <em>Under the lock</em>: lock the head
 * row ({@code SELECT ... FOR UPDATE}, inserting the row of an empty log first); take the
 * batch's drafts (so that it can grow while it waits for the lock); seal them in order from
 * the locked head; insert the rows; move the head with a compare-and-swap update; commit.
 * <em>At the expected head</em>, once this appender has found the head where its own previous
 * batch left it {@value #QUIET_BATCHES} batches in a row (no other writer is appending): take
 * the drafts; seal them from that position; move the head first with the compare-and-swap
 * update (which locks the row), check the stored end; insert the rows; commit. On PostgreSQL
 * the head's update, the end check and the first rows are one statement, in both
 * ways when the head is where the stored rows end ({@link EventInserts#insertMovingHead}); a
 * batch at the expected head that fits one statement, with no checkpoint due, runs it in
 * auto-commit: one round trip ({@link #storeAutoCommitted}). If the update finds the head moved
 * (another writer appended) or the end not there, the same transaction falls back to the
 * first way, and so do the next batches until the head is again where this appender left it
 * {@value #QUIET_BATCHES} times in a row. Both ways lock the
 * head row before they insert, so writers never wait for each other's rows, only for the
 * head; the head is checked under its lock for every batch, so writers in other JVMs can
 * append between two batches of this one. Sealing happens only inside the transaction that
 * stores the rows: if anything fails before the commit, the transaction rolls back and the
 * log is unchanged.
 *
 * <p>Every row a batch adds is inserted by {@link #store}, inside the batch's transaction
 * and after the head row is locked (or by the statement that locks it); a step that stores
 * more per batch belongs there, and its
 * check after a failed commit in {@link #resolve}.
 *
 * <p>If the commit itself fails (the connection breaks, the database stops answering), its
 * outcome is unknown: {@link #append} reports the batch {@linkplain BatchFailure.Kind#IN_DOUBT
 * in doubt} with its sealed events, and the writer asks {@link #resolve} (as often as it takes)
 * whether it is stored.
 *
 * <p>Every wait for the database is bounded by the write timeout: a new connection is opened
 * by a {@link ConnectionOpener}, and the connection's network timeout
 * ({@link Connection#setNetworkTimeout}) makes a statement or commit that gets no answer fail
 * (the driver then closes the connection). H2's driver has no network timeout; on H2 only
 * the opening of connections is bounded.
 *
 * <p><b>Integrity.</b> The appender keeps the right edge of the log's Merkle tree
 * ({@link TreeEdge}) in memory. The first batch loads it under the head lock: from the newest
 * trusted checkpoint row ({@link NewestCheckpoint}), or from the first row when there is none,
 * extended over the rows after it, each checked; with a witness, the stored tree is compared
 * with the newest witnessed checkpoint. Every batch then checks, under the head lock and
 * before it appends, that the stored row at the edge's size carries the edge's last leaf and
 * that no row follows it. When something differs (another writer appended, the head was set
 * back, rows were deleted or forged) it reads the rows from its edge's size on, checks them, and
 * compares the head and the newest trusted checkpoint rows with them: rows it did not write
 * are adopted (with a {@linkplain WriterCheckpoints#interval checkpoint interval}) or must be
 * covered by a trusted checkpoint at exactly their end (interval zero); a head set back over
 * intact rows is moved forward. Anything else is damage: the appender <em>refuses</em> this
 * batch and every later one with an {@link AuditIntegrityException} naming the log, the
 * position and what is wrong ({@link #refusal()}).
 *
 * <p><b>Checkpoints.</b> With a signer, a batch signs the tree after its rows when a
 * checkpoint is due (the interval passed since the last one, or interval zero) and inserts the
 * checkpoint row in the batch's transaction ({@link CheckpointInserts}); an idle timer signs
 * an unsigned tail in a small transaction of its own (only while the head is where this
 * appender left it), and {@link #close()} signs the tail. A checkpoint row already stored at
 * the size to be signed (inserted by someone else) costs that checkpoint only. After commit,
 * each checkpoint is offered to the witness publisher. The edge advances only after a commit,
 * or after an in-doubt batch is resolved as stored.
 *
 * <p>{@link #append}, {@link #resolve} and {@link #findStored} are used by one thread only;
 * the idle timer runs on a thread of its own and takes the head lock first.
 */
public final class ChainAppender implements BatchAppender {
    /** Batches in a row that must find the head where this appender left it before it stops locking first. */
    public static final int QUIET_BATCHES = 8;

    private static final System.Logger LOG = System.getLogger(ChainAppender.class.getName());

    private final TableNames tables;
    private final String logId;
    private final Duration timeout;
    private final ConnectionOpener opener;
    /** Opens the connections of the idle timer, and of close's last checkpoint (one at a time). */
    private final ConnectionOpener tailOpener;
    private final WriterCheckpoints checkpoints;
    private final NewestCheckpoint newest;
    private final ScheduledExecutorService idleTimer;

    private Handle handle;
    private Connection connection;
    private HeadRow head;
    private EventInserts inserts;
    private CheckpointInserts checkpointInserts;
    private StoredTail tail;
    private PreparedStatement endRows;
    private volatile long connectionsOpened;
    private volatile long foreignAppends;
    /** Where this appender's last committed batch left the head; null when unknown (start, failure). */
    private ChainPosition expectedHead;
    /** Batches in a row that found the head at {@link #expectedHead}. */
    private int quietBatches;

    /** The tree of the log as this appender stored or checked it; null until the first batch loads it. */
    private volatile TreeEdge edge;
    /**
     * Whether the tree was loaded once: the witness as it was when the stream was built is
     * compared (and an absent witness file created) at the first load only, not when a lost
     * unsigned tail makes the writer load the tree again.
     */
    private boolean started;
    /** The batch whose commit was cut off: its tree and checkpoint, applied if it turns out stored. */
    private Sealed inDoubt;
    /** Guards {@link #signedSize} and {@link #lastSignedNanos}, which the idle timer also updates. */
    private final Object signing = new Object();
    /** The newest tree size known to be covered by a trusted checkpoint. */
    private long signedSize;
    private long lastSignedNanos;
    private volatile AuditIntegrityException refusal;
    private final AtomicLong checkpointsSigned = new AtomicLong();
    private final AtomicLong signingNanos = new AtomicLong();
    private final AtomicLong checkpointsSkipped = new AtomicLong();
    private final AtomicLong adoptedRows = new AtomicLong();
    private final AtomicLong headsMovedForward = new AtomicLong();
    private final AtomicLong untrustedCheckpointRows = new AtomicLong();
    private final AtomicLong unsignedTailsLost = new AtomicLong();
    private volatile long newestUntrustedReported;

    /**
     * A batch sealed in a transaction: its events, the tree after them, its checkpoint if one
     * was signed, and whether it is committed already (one statement in auto-commit).
     */
    private record Sealed(List<AuditEvent> events, TreeEdge edge, Checkpoint checkpoint, SignedNote note,
                          boolean committed) {
    }

    /** The one statement of a batch, run in auto-commit, failed in a way that leaves its outcome unknown. */
    private static final class OutcomeUnknown extends Exception {
        private final transient Sealed sealed;

        OutcomeUnknown(Sealed sealed, Exception cause) {
            super(cause);
            this.sealed = sealed;
        }
    }

    /**
     * @param jdbi where connections come from
     * @param tables the table names
     * @param logId the log to append to
     * @param timeout the longest wait for a connection, and for each answer of the database
     * @param threadName the name of the thread that opens connections
     * @param checkpoints how checkpoints are signed and checked
     */
    public ChainAppender(Jdbi jdbi, TableNames tables, String logId, Duration timeout, String threadName,
                         WriterCheckpoints checkpoints) {
        this.tables = tables;
        this.logId = logId;
        this.timeout = timeout;
        this.opener = new ConnectionOpener(jdbi, threadName);
        this.tailOpener = new ConnectionOpener(jdbi, threadName + "-checkpoints");
        this.checkpoints = checkpoints;
        this.newest = new NewestCheckpoint(tables, logId, checkpoints.origin(), checkpoints.keys());
        if (checkpoints.signer() != null && !checkpoints.interval().isZero()) {
            long period = checkpoints.interval().toNanos();
            idleTimer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "airlog-checkpoints " + logId);
                t.setDaemon(true);
                return t;
            });
            idleTimer.scheduleWithFixedDelay(this::signIdleTail, period, period, TimeUnit.NANOSECONDS);
        } else {
            idleTimer = null;
        }
    }

    /**
     * Seals and stores a batch of drafts as the next events of the log, in order, in one
     * transaction, after checking the stored end of the log (see the class comment). The
     * drafts are asked for once the transaction holds the head row's lock, or, at the expected
     * head, before the transaction starts and again if it has to lock.
     *
     * @param source gives the drafts once the head row is locked (not at all if that fails)
     * @return the stored events, in the order of the drafts
     * @throws BatchFailure if the transaction did not commit (nothing was stored) or its
     *         outcome is unknown ({@link BatchFailure.Kind#IN_DOUBT}, with the sealed events);
     *         caused by an {@link AuditIntegrityException} when the appender refuses a damaged log
     */
    @Override
    public List<AuditEvent> append(DraftSource source) throws BatchFailure {
        AuditIntegrityException refused = refusal;
        if (refused != null) {
            throw SqlStates.rolledBack("refusing to append to a damaged log: " + refused.getMessage(), refused);
        }
        try {
            connect();
        } catch (SQLException | RuntimeException e) {
            disconnect();
            throw SqlStates.rolledBack("cannot connect to the database: " + message(e), e);
        }
        Sealed sealed;
        try {
            sealed = expectedHead != null && quietBatches >= QUIET_BATCHES ? appendAtExpectedHead(source) : null;
            if (sealed == null) {
                sealed = appendUnderLock(source);
            }
        } catch (OutcomeUnknown e) {
            disconnect();
            inDoubt = e.sealed;
            throw BatchFailure.inDoubt("the batch's one statement failed (" + message(e.getCause()) + "); whether"
                    + " it took effect is not known yet", e.getCause(), e.sealed.events());
        } catch (AuditIntegrityException e) {
            refuse(e);
            rollbackKeepingConnection();
            throw SqlStates.rolledBack("refusing to append to a damaged log: " + e.getMessage(), e);
        } catch (SQLException | RuntimeException e) {
            if (e instanceof SQLException sql && SqlStates.isIntegrityViolation(sql)) {
                rollbackKeepingConnection(); // a row was refused, the connection is fine
            } else {
                rollbackAndDisconnect();
            }
            throw SqlStates.rolledBack(message(e), e);
        }
        try {
            if (!sealed.committed()) {
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            disconnect();
            inDoubt = sealed;
            throw BatchFailure.inDoubt("the commit failed (" + message(e) + "); whether it took effect is not"
                    + " known yet", e, sealed.events());
        }
        committed(sealed);
        return sealed.events();
    }

    /** The batch is stored: the tree advances, and its checkpoint (if any) goes to the witness. */
    private void committed(Sealed sealed) {
        edge = sealed.edge();
        expectedHead = StoredTail.position(sealed.edge());
        if (sealed.checkpoint() != null) {
            signed(sealed.checkpoint(), sealed.note());
        }
    }

    /** A checkpoint is committed: remembers it and offers it to the witness. */
    private void signed(Checkpoint checkpoint, SignedNote note) {
        synchronized (signing) {
            signedSize = Math.max(signedSize, checkpoint.size());
            lastSignedNanos = System.nanoTime();
        }
        checkpointsSigned.incrementAndGet();
        if (checkpoints.publisher() != null) {
            checkpoints.publisher().offer(checkpoint, note);
        }
    }

    private void refuse(AuditIntegrityException e) {
        if (refusal == null) {
            refusal = e;
            LOG.log(System.Logger.Level.ERROR, "airlog: refusing to append to log ''{0}'': {1}", logId,
                    e.getMessage());
        }
    }

    /**
     * Moves the head from where this appender left it if the stored end is there too, and
     * inserts; null to lock instead. On PostgreSQL that is one statement with the first rows
     * (see {@link EventInserts#insertMovingHead}), in auto-commit when it is the batch's only
     * statement; on H2 and MariaDB the compare-and-swap, a query of the end, then the inserts.
     */
    private Sealed appendAtExpectedHead(DraftSource source) throws SQLException, OutcomeUnknown {
        TreeEdge known = edge;
        List<AuditEvent> events = seal(source.drafts(), expectedHead);
        ChainPosition next = events.get(events.size() - 1).position();
        Sealed sealed;
        if (inserts.oneStatement(events) && !due()) {
            sealed = storeAutoCommitted(known, events);
        } else if (inserts.movesHead()) {
            sealed = store(known, events, expectedHead);
        } else if (!head.tryAdvance(expectedHead, next)) {
            sealed = null;
        } else if (!endIsAsLeft(known)) {
            connection.rollback(); // the head moved, the end did not: undo the move
            sealed = null;
        } else {
            sealed = store(known, events, null);
        }
        // null: moved by another writer, or the stored end changed under it; check it all, under the lock
        quietBatches = sealed == null ? 0 : quietBatches + 1;
        return sealed;
    }

    /** Locks the head, checks the stored end against it, then seals from it, inserts and moves it. */
    private Sealed appendUnderLock(DraftSource source) throws SQLException {
        ChainPosition locked = head.lockOrCreate();
        if (locked.equals(expectedHead)) {
            quietBatches++;
        } else {
            if (expectedHead != null) {
                foreignAppends++;
            }
            quietBatches = 0;
        }
        if (edge == null) {
            edge = load();
        }
        TreeEdge known = edge;
        if (!locked.equals(StoredTail.position(known)) || !endIsAsLeft(known)) {
            known = reconcile(locked, known);
            edge = known;
        }
        ChainPosition start = StoredTail.position(known);
        List<AuditEvent> events = seal(source.drafts(), start);
        Sealed sealed;
        if (inserts.movesHead() && locked.equals(start)) {
            sealed = store(known, events, locked);
            if (sealed == null) {
                throw new SQLException("the stored end of log '" + logId + "' changed while this transaction held"
                        + " the head's lock (a writer that does not lock the head); the batch is rolled back");
            }
        } else {
            sealed = store(known, events, null);
            head.advance(locked, events.get(events.size() - 1).position());
        }
        if (locked.size() < start.size()) {
            headsMovedForward.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "airlog: the head of log ''{0}'' was set back to size {1} with"
                    + " intact rows after it up to {2}; moved it forward", logId, locked.size(), start.size());
        }
        return sealed;
    }

    /**
     * Inserts the batch's rows, then its checkpoint row when one is due (decided with the
     * head locked). With {@code movingHeadFrom}, the first insert also moves the head from
     * there (PostgreSQL).
     *
     * @return the sealed batch; null if the head was not moved (nothing changed)
     */
    private Sealed store(TreeEdge known, List<AuditEvent> events, ChainPosition movingHeadFrom) throws SQLException {
        TreeEdge after = extend(known, events);
        if (movingHeadFrom == null) {
            inserts.insert(events);
        } else if (!inserts.insertMovingHead(events, movingHeadFrom, StoredTail.position(after))) {
            return null;
        }
        Checkpoint checkpoint = null;
        SignedNote note = null;
        if (due() && freeToSign(known, after.size())) {
            checkpoint = Checkpoint.of(checkpoints.origin(), after);
            note = sign(checkpoint);
            checkpointInserts.insert(logId, after, note);
        }
        return new Sealed(events, after, checkpoint, note, false);
    }

    /**
     * PostgreSQL, a batch of one multi-row insert at the expected head with no checkpoint due:
     * moves the head and inserts the rows in one statement run in auto-commit, its own
     * transaction (one round trip per batch).
     *
     * @return the committed batch; null if the head was not moved (nothing changed)
     * @throws SQLException if the database refused the statement (nothing changed)
     * @throws OutcomeUnknown if the statement failed in a way that may have followed its commit
     */
    private Sealed storeAutoCommitted(TreeEdge known, List<AuditEvent> events) throws SQLException, OutcomeUnknown {
        TreeEdge after = extend(known, events);
        Sealed sealed = new Sealed(events, after, null, null, true);
        connection.setAutoCommit(true);
        try {
            return inserts.insertMovingHead(events, expectedHead, StoredTail.position(after)) ? sealed : null;
        } catch (SQLException e) {
            if (SqlStates.refusedStatement(e)) {
                throw e;
            }
            throw new OutcomeUnknown(sealed, e);
        } catch (RuntimeException e) {
            throw new OutcomeUnknown(sealed, e);
        } finally {
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                // a broken connection: the statement's own exception says so, or the next batch finds out
            }
        }
    }

    /** The tree of {@code known} with the events' checksums appended. */
    private static TreeEdge extend(TreeEdge known, List<AuditEvent> events) {
        TreeEdge after = known;
        for (AuditEvent e : events) {
            after = after.append(Digest.fromHex(e.checksum()));
        }
        return after;
    }

    private SignedNote sign(Checkpoint checkpoint) {
        long start = System.nanoTime();
        SignedNote note = checkpoints.signer().sign(checkpoint);
        signingNanos.addAndGet(System.nanoTime() - start);
        return note;
    }

    private boolean due() {
        if (checkpoints.signer() == null) {
            return false;
        }
        synchronized (signing) {
            return checkpoints.interval().isZero()
                    || System.nanoTime() - lastSignedNanos >= checkpoints.interval().toNanos();
        }
    }

    /**
     * Whether no checkpoint row is stored at {@code size} yet; also checks the trusted ones
     * newer than what is known signed: one beyond {@code known} means the stored log lost
     * events after a signed checkpoint.
     */
    private boolean freeToSign(TreeEdge known, long size) throws SQLException {
        long signedNow;
        synchronized (signing) {
            signedNow = signedSize;
        }
        NewestCheckpoint.Found found = newest.find(connection, signedNow, Long.MAX_VALUE);
        if (found.newest().isPresent()) {
            NewestCheckpoint.Trusted t = found.newest().get();
            if (t.size() > known.size()) {
                throw new AuditIntegrityException(logId, known.size() + 1, "a trusted signed checkpoint covers "
                        + t.size() + " events but the head and the stored rows end at " + known.size()
                        + ": events were lost at the end");
            }
            if (t.size() == known.size()) {
                tail.checkMatches(known, t);
            }
            synchronized (signing) {
                signedSize = Math.max(signedSize, t.size());
            }
        }
        boolean free = true;
        for (NewestCheckpoint.Rejected r : found.rejected()) {
            reportUntrusted(r);
            if (r.size() == size) {
                free = false;
            }
        }
        if (!free) {
            checkpointsSkipped.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "airlog: log ''{0}'' already holds a checkpoint row of tree size"
                    + " {1} that no trusted key signed; this checkpoint is skipped, the next one is signed",
                    logId, size);
        }
        return free;
    }

    private void reportUntrusted(NewestCheckpoint.Rejected r) {
        if (r.size() > newestUntrustedReported) {
            newestUntrustedReported = r.size();
            untrustedCheckpointRows.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "airlog: log ''{0}'' holds a checkpoint row of tree size {1} that"
                    + " is not trusted (ignored): {2}", logId, r.size(), r.problem());
        }
    }

    /**
     * Whether the stored end is where {@code known} says: the row at its size carries its last
     * leaf (for the empty tree: no row at sequence 1) and no row follows.
     */
    private boolean endIsAsLeft(TreeEdge known) throws SQLException {
        ChainPosition at = StoredTail.position(known);
        try (ResultSet rs = endRows(Math.max(1, at.size()))) {
            if (at.size() == 0) {
                return !rs.next();
            }
            return rs.next() && rs.getLong(1) == at.size() && at.lastChecksum().equals(rs.getString(2))
                    && !rs.next();
        }
    }

    /**
     * The stored end differs from {@code known}: checks the rows after it, the head and the
     * trusted checkpoints, and returns the tree to append to.
     *
     * @throws AuditIntegrityException if the stored log is damaged
     */
    private TreeEdge reconcile(ChainPosition locked, TreeEdge known) throws SQLException {
        long signedBefore;
        synchronized (signing) {
            signedBefore = signedSize;
        }
        NewestCheckpoint.Trusted trusted = newestTrusted(signedBefore, known);
        StoredTail.Extended extended = tail.extend(known, trusted, locked.size(), null);
        if (!extended.anchored()) {
            long at = known.size();
            if (at <= signedBefore || locked.size() < signedBefore) {
                throw new AuditIntegrityException(logId, at, extended.storedAtStart() == null
                        ? "the row of sequence " + at + " that this writer stored or checked is gone (events"
                                + " were deleted" + (locked.size() < at ? " and the head set back to "
                                + locked.size() : "") + ")"
                        : "the row of sequence " + at + " no longer carries the checksum this writer stored or"
                                + " checked there (rewritten)");
            }
            // Only rows after the newest signed checkpoint changed: a database that undid committed
            // transactions (not durable), or the unsigned window. Start again from what is stored.
            unsignedTailsLost.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "airlog: log ''{0}'': the rows this writer stored after its newest"
                    + " signed checkpoint ({1}) up to {2} are not stored as it stored them (the database lost committed"
                    + " transactions, or they were removed within the unsigned window); continuing from the stored"
                    + " log", logId, signedBefore, at);
            known = load();
            trusted = newestTrusted(signedBefore, known);
            extended = tail.extend(known, trusted, locked.size(), null);
            if (!extended.anchored()) {
                throw new AuditIntegrityException(logId, known.size(), "the row of sequence " + known.size()
                        + " changed while the head was locked (a writer that does not lock the head)");
            }
        }
        TreeEdge stored = extended.edge();
        checkAgainst(locked, known, stored, trusted, extended.checksumAt());
        long foreign = stored.size() - known.size();
        if (foreign > 0) {
            adoptedRows.addAndGet(foreign);
            LOG.log(System.Logger.Level.DEBUG, "airlog: log ''{0}'': {1} row(s) after {2} were appended by another"
                    + " writer; checked and adopted", logId, foreign, known.size());
        }
        return stored;
    }

    /**
     * The newest trusted checkpoint row newer than what was signed before and {@code known}
     * (untrusted ones are reported); fails if it is of {@code known}'s size but another tree.
     */
    private NewestCheckpoint.Trusted newestTrusted(long signedBefore, TreeEdge known) throws SQLException {
        NewestCheckpoint.Found found = newest.find(connection, Math.max(signedBefore, known.size()) - 1,
                Long.MAX_VALUE);
        found.rejected().forEach(this::reportUntrusted);
        NewestCheckpoint.Trusted trusted = found.newest().orElse(null);
        if (trusted != null && trusted.size() == known.size()) {
            tail.checkMatches(known, trusted);
        }
        return trusted;
    }

    /**
     * The rules for a stored end that differs from what this writer knew ({@code known}):
     * rows it did not write must verify (done by the caller), the head must be at or before
     * the stored end and match its row, nothing trusted may be signed beyond the stored end,
     * and with interval zero foreign rows must end at a trusted checkpoint.
     */
    private void checkAgainst(ChainPosition locked, TreeEdge known, TreeEdge stored,
                              NewestCheckpoint.Trusted trusted, String checksumAtHead) throws SQLException {
        long end = stored.size();
        if (locked.size() > end) {
            throw new AuditIntegrityException(logId, end + 1, "the head says " + locked.size()
                    + " events but the stored rows end at " + end + ": events were deleted");
        }
        if (locked.size() > 0) {
            String atHead;
            if (locked.size() > known.size()) {
                atHead = checksumAtHead;
            } else if (locked.size() == known.size()) {
                atHead = StoredTail.position(known).lastChecksum();
            } else {
                atHead = checksumOf(locked.size());
            }
            if (!locked.lastChecksum().equals(atHead)) {
                throw new AuditIntegrityException(logId, locked.size(), "the head's last checksum is not the"
                        + " checksum of the stored row of sequence " + locked.size());
            }
        }
        if (trusted != null) {
            if (trusted.size() > end) {
                throw new AuditIntegrityException(logId, end + 1, "a trusted signed checkpoint covers "
                        + trusted.size() + " events but only " + end + " are stored: events were lost at the end");
            }
            synchronized (signing) {
                signedSize = Math.max(signedSize, trusted.size());
            }
        }
        if (end > known.size() && checkpoints.everyBatch() && (trusted == null || trusted.size() != end)) {
            throw new AuditIntegrityException(logId, known.size() + 1, "rows " + (known.size() + 1) + ".." + end
                    + " are covered by no trusted checkpoint at the head, yet with checkpointInterval 0 every"
                    + " batch stores its signed checkpoint: they were not appended by an airlog writer");
        }
    }

    /** The greatest stored sequence of the log, 0 for none. */
    private long storedEnd() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT MAX(seq) FROM " + tables.event()
                + " WHERE log_id = ?")) {
            ps.setString(1, logId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The checksum of the stored row of {@code sequence}, null if there is none. */
    private String checksumOf(long sequence) throws SQLException {
        try (ResultSet rs = endRows(sequence)) {
            return rs.next() && rs.getLong(1) == sequence ? rs.getString(2) : null;
        }
    }

    /**
     * The first two stored rows (sequence, checksum) at or after {@code sequence}. Every
     * lookup of the event table by sequence uses this one ordered, limited range: a
     * PostgreSQL generic plan made while the table was tiny could serve an equality lookup
     * through any index that holds both columns (the principal index, scanning the whole
     * log), but serves this one through the primary key, the only index in its order.
     */
    private ResultSet endRows(long sequence) throws SQLException {
        endRows.setString(1, logId);
        endRows.setLong(2, sequence);
        return endRows.executeQuery();
    }

    /** The statement of {@link #endRows(long)}. */
    static String endRowsSql(TableNames tables) {
        return "SELECT seq, checksum FROM " + tables.event() + " WHERE log_id = ? AND seq >= ? ORDER BY seq LIMIT 2";
    }

    /**
     * Loads the tree at the first batch, under the head lock: from the newest trusted
     * checkpoint row (not newer than the witnessed size, so that the witness can be compared)
     * or from the first row, extended over the rows after it; the rows must match the newest
     * trusted checkpoint and (at the first load, see {@link #started}) the witness. Loaded
     * again after rows after the newest signed checkpoint were lost.
     */
    private TreeEdge load() throws SQLException {
        NewestCheckpoint.Found found = newest.find(connection);
        found.rejected().forEach(this::reportUntrusted);
        NewestCheckpoint.Trusted newestTrusted = found.newest().orElse(null);
        long witnessed = started ? -1 : witnessedSize();
        NewestCheckpoint.Trusted start = newestTrusted;
        if (start != null && witnessed >= 0 && start.size() > witnessed) {
            start = newest.find(connection, -1, witnessed).newest().orElse(null);
        }
        CheckpointVerifier witness = null;
        if (!started && checkpoints.witnessed() != null && !checkpoints.keys().isEmpty()) {
            CheckpointVerifier.Builder b = CheckpointVerifier.builder(logId).origin(checkpoints.origin())
                    .trustedKeys(checkpoints.keys()).witness(checkpoints.witnessed());
            if (start != null) {
                b.startAt(start.signed(), start.edge());
            }
            witness = b.build();
        }
        TreeEdge from = start == null ? TreeEdge.empty() : start.edge();
        StoredTail.Extended extended = tail.extend(from, newestTrusted == start ? null : newestTrusted, -1, witness);
        if (!extended.anchored()) {
            if (extended.storedAtStart() == null) {
                long end = storedEnd();
                throw end < from.size()
                        ? new AuditIntegrityException(logId, end + 1, "a trusted signed checkpoint covers "
                                + from.size() + " events but only " + end + " are stored: events were lost at the end")
                        : new AuditIntegrityException(logId, from.size(), "the row of sequence " + from.size()
                                + " that a trusted checkpoint covers is gone");
            }
            throw new AuditIntegrityException(logId, from.size(), "the row of sequence " + from.size()
                    + " is not the one a trusted checkpoint signed");
        }
        TreeEdge loaded = extended.edge();
        if (witness != null) {
            List<Damage> damages = witness.finish().damages();
            if (!damages.isEmpty()) {
                Damage d = damages.get(0);
                throw new AuditIntegrityException(logId, d.firstSequence(), d.detail());
            }
        }
        if (newestTrusted != null && newestTrusted.size() > loaded.size()) {
            throw new AuditIntegrityException(logId, loaded.size() + 1, "a trusted signed checkpoint covers "
                    + newestTrusted.size() + " events but only " + loaded.size() + " are stored: events were lost"
                    + " at the end");
        }
        if (!started && checkpoints.missingWitnessFile() != null) {
            createWitnessFile(checkpoints.missingWitnessFile());
        }
        long signedAtStart = newestTrusted == null ? 0 : newestTrusted.size();
        synchronized (signing) {
            signedSize = Math.max(signedSize, signedAtStart);
            lastSignedNanos = System.nanoTime() - checkpoints.interval().toNanos();
        }
        if (checkpoints.everyBatch() && loaded.size() > signedAtStart) {
            throw new AuditIntegrityException(logId, signedAtStart + 1, "rows " + (signedAtStart + 1) + ".."
                    + loaded.size() + " are covered by no trusted checkpoint, yet with checkpointInterval 0 every"
                    + " batch stores its signed checkpoint: they were not appended by an airlog writer (a log last"
                    + " written with an interval is started once with an interval first, which signs its tail)");
        }
        if (loaded.size() > signedAtStart && checkpoints.signer() != null) {
            LOG.log(System.Logger.Level.INFO, "airlog: log ''{0}'' ends in {1} event(s) no trusted checkpoint"
                    + " covers; the next checkpoint covers them", logId, loaded.size() - signedAtStart);
        }
        started = true;
        return loaded;
    }

    /**
     * Creates the witness file that was absent when the stream was built, now that the check
     * against the stored log passed (the log holds no signed checkpoint the file would have held).
     */
    private void createWitnessFile(Path file) {
        try {
            FileWitness.create(file, checkpoints.origin());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the witness file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The size of the newest checkpoint the witness holds that a trusted key signed; -1 if none. */
    private long witnessedSize() {
        WitnessSnapshot w = checkpoints.witnessed();
        if (w == null || checkpoints.keys().isEmpty()) {
            return -1;
        }
        return w.newestTrusted(checkpoints.keys(), checkpoints.origin()).map(SignedCheckpoint::size).orElse(-1L);
    }

    private List<AuditEvent> seal(List<AuditDraft> drafts, ChainPosition start) {
        List<AuditEvent> events = new ArrayList<>(drafts.size());
        long sequence = start.size();
        String previous = start.lastChecksum();
        for (AuditDraft draft : drafts) {
            AuditEvent event = draft.seal(logId, ++sequence, previous);
            events.add(event);
            previous = event.checksum();
        }
        return events;
    }

    /** Run by the idle timer: signs a tail the interval left unsigned. */
    private void signIdleTail() {
        try {
            signTail(false);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "airlog: could not sign the unsigned tail of log ''{0}'': {1}",
                    logId, message(e));
        }
    }

    /**
     * Signs the tree as this appender left it, if events are unsigned and (unless
     * {@code always}) the interval has passed, in a transaction of its own that locks the head
     * first and gives up if the head moved.
     */
    private void signTail(boolean always) {
        TreeEdge known = edge;
        if (refusal != null || known == null || checkpoints.signer() == null) {
            return;
        }
        synchronized (signing) {
            if (known.size() <= signedSize
                    || !always && System.nanoTime() - lastSignedNanos < checkpoints.interval().toNanos()) {
                return;
            }
        }
        try (Handle h = tailOpener.open(timeout)) {
            Connection c = h.getConnection();
            try {
                c.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            } catch (SQLFeatureNotSupportedException e) {
                // this driver has none: only the opening of the connection is bounded
            }
            c.setAutoCommit(false);
            try (HeadRow row = new HeadRow(tables, logId, SqlDialect.of(c), c);
                 CheckpointInserts insert = new CheckpointInserts(tables, c)) {
                if (!StoredTail.position(known).equals(row.lockOrCreate()) || edge != known) {
                    c.rollback();
                    return;
                }
                long signedNow;
                synchronized (signing) {
                    signedNow = signedSize;
                }
                NewestCheckpoint.Found found = newest.find(c, signedNow, Long.MAX_VALUE);
                if (found.newest().map(t -> t.size() >= known.size()).orElse(false)
                        || found.rejected().stream().anyMatch(r -> r.size() == known.size())) {
                    c.rollback(); // signed already, or a row someone else inserted takes the size
                    return;
                }
                Checkpoint checkpoint = Checkpoint.of(checkpoints.origin(), known);
                SignedNote note = sign(checkpoint);
                insert.insert(logId, known, note);
                c.commit();
                signed(checkpoint, note);
            } catch (SQLException e) {
                c.rollback();
                throw new IllegalStateException(e.getMessage(), e);
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Whether a batch whose commit failed is in the log. Waits for the head row's lock first:
     * the batch's transaction held it, so once it is granted that transaction has ended,
     * committed or rolled back. The batch is stored if and only if the row at its last
     * sequence carries its last event's checksum (the checksum covers the event id and every
     * field, and the batch's rows were committed together). The tree advances only if it is.
     *
     * @param events the batch's sealed events, in order
     * @throws BatchFailure if the database cannot be asked (the writer tries again later)
     */
    @Override
    public Resolution resolve(List<AuditEvent> events) throws BatchFailure {
        AuditEvent last = events.get(events.size() - 1);
        try {
            connect();
            head.lockOrCreate();
            String stored = checksumOf(last.sequence());
            connection.rollback();
            boolean isStored = last.checksum().equals(stored);
            Sealed sealed = inDoubt;
            inDoubt = null;
            if (isStored && sealed != null && sealed.events().equals(events)) {
                committed(sealed);
            }
            return isStored ? Resolution.STORED : Resolution.NOT_STORED;
        } catch (SQLException | RuntimeException e) {
            rollbackAndDisconnect();
            throw SqlStates.rolledBack("cannot check whether the commit took effect: " + message(e), e);
        }
    }

    /**
     * The stored events with the given ids, in any log of the table.
     *
     * @throws BatchFailure if the database cannot be read
     */
    @Override
    public Map<UUID, AuditEvent> findStored(Collection<UUID> eventIds) throws BatchFailure {
        Map<UUID, AuditEvent> found = new HashMap<>();
        try {
            connect();
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + EventRows.COLUMNS + " FROM "
                    + tables.event() + " WHERE event_id IN (" + "?, ".repeat(eventIds.size() - 1) + "?)")) {
                int i = 1;
                for (UUID id : eventIds) {
                    ps.setString(i++, id.toString());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AuditEvent event = EventRows.read(rs);
                        found.put(event.eventId(), event);
                    }
                }
            }
            connection.rollback();
            return found;
        } catch (SQLException | RuntimeException e) {
            rollbackAndDisconnect();
            throw SqlStates.rolledBack("cannot read the stored events with the batch's event ids: " + message(e),
                    e);
        }
    }

    private void connect() throws SQLException {
        if (connection != null) {
            return;
        }
        handle = opener.open(timeout);
        connectionsOpened++;
        connection = handle.getConnection();
        try {
            connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        } catch (SQLFeatureNotSupportedException e) {
            // this driver has none: only the opening of connections is bounded
        }
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        SqlDialect dialect = SqlDialect.of(connection);
        head = new HeadRow(tables, logId, dialect, connection);
        inserts = new EventInserts(tables, logId, dialect, connection);
        checkpointInserts = new CheckpointInserts(tables, connection);
        tail = new StoredTail(tables, logId, connection);
        endRows = connection.prepareStatement(endRowsSql(tables));
    }

    /** How many connections this appender has opened: one, plus one after every failure but a refused row. */
    @Override
    public long connectionsOpened() {
        return connectionsOpened;
    }

    /** How many times a batch found that another writer had appended since this appender's previous batch. */
    @Override
    public long foreignAppends() {
        return foreignAppends;
    }

    /**
     * Rolls back and keeps the connection; the next batch locks the head first. Drops the
     * connection if even the rollback fails.
     */
    private void rollbackKeepingConnection() {
        try {
            connection.rollback();
            expectedHead = null;
            quietBatches = 0;
        } catch (SQLException | RuntimeException e) {
            disconnect();
        }
    }

    private void rollbackAndDisconnect() {
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException | RuntimeException e) {
                // the database ends the transaction when the connection goes
            }
        }
        disconnect();
    }

    /** Drops the connection; the next batch opens a new one and locks the head first. */
    private void disconnect() {
        expectedHead = null;
        quietBatches = 0;
        if (head != null) {
            head.close();
            head = null;
        }
        if (inserts != null) {
            inserts.close();
            inserts = null;
        }
        if (checkpointInserts != null) {
            checkpointInserts.close();
            checkpointInserts = null;
        }
        if (tail != null) {
            tail.close();
            tail = null;
        }
        if (endRows != null) {
            try {
                endRows.close();
            } catch (SQLException e) {
                // the connection is being dropped anyway
            }
            endRows = null;
        }
        if (handle != null) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException | RuntimeException e) {
                // a broken connection: closing it is all that is left
            }
            try {
                handle.close();
            } catch (RuntimeException e) {
                // idem
            }
            handle = null;
            connection = null;
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** How the checks and checkpoints of this appender went so far. */
    public WriterCounters counters() {
        long signedNow;
        synchronized (signing) {
            signedNow = signedSize;
        }
        return new WriterCounters(signedNow, checkpointsSigned.get(), checkpointsSkipped.get(), adoptedRows.get(),
                headsMovedForward.get(), untrustedCheckpointRows.get(), unsignedTailsLost.get());
    }

    /** The time spent signing the checkpoints this appender stored (and any a failed batch signed). */
    public Duration signingTime() {
        return Duration.ofNanos(signingNanos.get());
    }

    /** Why this appender refuses to append, or null while it does not. */
    public AuditIntegrityException refusal() {
        return refusal;
    }

    /** Stops the idle timer, signs the unsigned tail (unless refused) and closes the connection. */
    @Override
    public void close() {
        if (idleTimer != null) {
            idleTimer.shutdownNow();
            try {
                idleTimer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        rollbackAndDisconnect();
        try {
            signTail(true);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "airlog: could not sign the tail of log ''{0}'' at close: {1}",
                    logId, message(e));
        }
        opener.close();
        tailOpener.close();
    }
}
