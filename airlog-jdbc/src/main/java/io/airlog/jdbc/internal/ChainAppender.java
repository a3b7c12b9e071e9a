package io.airlog.jdbc.internal;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.jdbc.SqlDialect;
import io.airlog.jdbc.TableNames;
import io.airlog.spi.batch.BatchAppender;
import io.airlog.spi.batch.BatchFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
 * the drafts; seal them from that position; move the head with the compare-and-swap update
 * first (which also locks the row); insert the rows; commit. That saves the locking query,
 * one round trip in four. If the update finds the head moved (another writer appended), the
 * same transaction falls back to the first way, and so do the next batches until the head is
 * again where this appender left it {@value #QUIET_BATCHES} times in a row. Both ways lock the
 * head row before they insert, so writers never wait for each other's rows, only for the
 * head; the head is checked under its lock for every batch, so writers in other JVMs can
 * append between two batches of this one. Sealing happens only inside the transaction that
 * stores the rows: if anything fails before the commit, the transaction rolls back and the
 * log is unchanged.
 *
 * <p>If the commit itself fails (the connection breaks), its outcome is unknown. The
 * appender then reconnects, waits for the head row's lock (which the old transaction holds
 * until it ends) and looks for the batch's last row: found with its checksum, the batch is
 * committed; absent, it is not. Only when that check cannot be made either is the batch
 * reported {@linkplain BatchFailure.Kind#IN_DOUBT in doubt}.
 *
 * <p>Used by one thread only.
 */
public final class ChainAppender implements BatchAppender {
    /** Batches in a row that must find the head where this appender left it before it stops locking first. */
    public static final int QUIET_BATCHES = 8;

    private final Jdbi jdbi;
    private final TableNames tables;
    private final String logId;

    private Handle handle;
    private Connection connection;
    private HeadRow head;
    private EventInserts inserts;
    private PreparedStatement findChecksum;
    private volatile long connectionsOpened;
    private volatile long foreignAppends;
    /** Where this appender's last committed batch left the head; null when unknown (start, failure). */
    private ChainPosition expectedHead;
    /** Batches in a row that found the head at {@link #expectedHead}. */
    private int quietBatches;

    /**
     * @param jdbi where connections come from
     * @param tables the table names
     * @param logId the log to append to
     */
    public ChainAppender(Jdbi jdbi, TableNames tables, String logId) {
        this.jdbi = jdbi;
        this.tables = tables;
        this.logId = logId;
    }

    /**
     * Seals and stores a batch of drafts as the next events of the log, in order, in one
     * transaction. The drafts are asked for once the transaction holds the head row's lock,
     * or, at the expected head, before the transaction starts and again if it has to lock.
     *
     * @param source gives the drafts once the head row is locked (not at all if that fails)
     * @return the stored events, in the order of the drafts
     * @throws BatchFailure if the transaction did not commit (nothing was stored) or its
     *         outcome is unknown
     */
    @Override
    public List<AuditEvent> append(DraftSource source) throws BatchFailure {
        try {
            connect();
        } catch (SQLException | RuntimeException e) {
            disconnect();
            throw SqlStates.rolledBack("cannot connect to the database: " + message(e), e);
        }
        List<AuditEvent> events;
        try {
            events = expectedHead != null && quietBatches >= QUIET_BATCHES ? appendAtExpectedHead(source) : null;
            if (events == null) {
                events = appendUnderLock(source);
            }
        } catch (SQLException | RuntimeException e) {
            rollbackAndDisconnect();
            throw SqlStates.rolledBack(message(e), e);
        }
        try {
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            disconnect();
            return resolveCommit(events, e);
        }
        expectedHead = events.get(events.size() - 1).position();
        return events;
    }

    /** Moves the head from where this appender left it, then inserts; null if another writer moved it. */
    private List<AuditEvent> appendAtExpectedHead(DraftSource source) throws SQLException {
        List<AuditEvent> events = seal(source.drafts(), expectedHead);
        if (!head.tryAdvance(expectedHead, events.get(events.size() - 1).position())) {
            return null;
        }
        inserts.insert(events);
        quietBatches++;
        return events;
    }

    /** Locks the head, then seals from it, inserts and moves it. */
    private List<AuditEvent> appendUnderLock(DraftSource source) throws SQLException {
        ChainPosition start = head.lockOrCreate();
        if (start.equals(expectedHead)) {
            quietBatches++;
        } else {
            if (expectedHead != null) {
                foreignAppends++;
            }
            quietBatches = 0;
        }
        List<AuditEvent> events = seal(source.drafts(), start);
        inserts.insert(events);
        head.advance(start, events.get(events.size() - 1).position());
        return events;
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

    /** After a failed commit: returns the events if the batch is in the log, else throws. */
    private List<AuditEvent> resolveCommit(List<AuditEvent> events, Exception commitFailure) throws BatchFailure {
        AuditEvent last = events.get(events.size() - 1);
        String stored;
        try {
            connect();
            head.lockOrCreate();
            findChecksum.setString(1, logId);
            findChecksum.setLong(2, last.sequence());
            try (ResultSet rs = findChecksum.executeQuery()) {
                stored = rs.next() ? rs.getString(1) : null;
            }
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            rollbackAndDisconnect();
            BatchFailure failure = BatchFailure.inDoubt("the commit failed (" + message(commitFailure)
                    + ") and whether it took effect cannot be checked (" + message(e)
                    + "); the events may be in the log", commitFailure);
            failure.addSuppressed(e);
            throw failure;
        }
        if (last.checksum().equals(stored)) {
            return events;
        }
        throw SqlStates.rolledBack("the commit failed: " + message(commitFailure), commitFailure);
    }

    private void connect() throws SQLException {
        if (connection != null) {
            return;
        }
        handle = jdbi.open();
        connectionsOpened++;
        connection = handle.getConnection();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        SqlDialect dialect = SqlDialect.of(connection);
        head = new HeadRow(tables, logId, dialect, connection);
        inserts = new EventInserts(tables, connection);
        findChecksum = connection.prepareStatement("SELECT checksum FROM " + tables.event()
                + " WHERE log_id = ? AND seq = ?");
    }

    /** How many connections this appender has opened: one, plus one after every failure. */
    @Override
    public long connectionsOpened() {
        return connectionsOpened;
    }

    /** How many times a batch found that another writer had appended since this appender's previous batch. */
    @Override
    public long foreignAppends() {
        return foreignAppends;
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
        if (findChecksum != null) {
            try {
                findChecksum.close();
            } catch (SQLException e) {
                // the connection is being dropped anyway
            }
            findChecksum = null;
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

    /** Closes the connection. */
    @Override
    public void close() {
        rollbackAndDisconnect();
    }
}
