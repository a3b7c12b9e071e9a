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
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * <p>Every row a batch adds is inserted by {@link #insertRows}, inside the batch's transaction
 * and after the head row is locked; a step that stores more per batch belongs there, and its
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
 * <p>Used by one thread only.
 */
public final class ChainAppender implements BatchAppender {
    /** Batches in a row that must find the head where this appender left it before it stops locking first. */
    public static final int QUIET_BATCHES = 8;

    private final TableNames tables;
    private final String logId;
    private final Duration timeout;
    private final ConnectionOpener opener;

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
     * @param timeout the longest wait for a connection, and for each answer of the database
     * @param threadName the name of the thread that opens connections
     */
    public ChainAppender(Jdbi jdbi, TableNames tables, String logId, Duration timeout, String threadName) {
        this.tables = tables;
        this.logId = logId;
        this.timeout = timeout;
        this.opener = new ConnectionOpener(jdbi, threadName);
    }

    /**
     * Seals and stores a batch of drafts as the next events of the log, in order, in one
     * transaction. The drafts are asked for once the transaction holds the head row's lock,
     * or, at the expected head, before the transaction starts and again if it has to lock.
     *
     * @param source gives the drafts once the head row is locked (not at all if that fails)
     * @return the stored events, in the order of the drafts
     * @throws BatchFailure if the transaction did not commit (nothing was stored) or its
     *         outcome is unknown ({@link BatchFailure.Kind#IN_DOUBT}, with the sealed events)
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
            if (e instanceof SQLException sql && SqlStates.isIntegrityViolation(sql)) {
                rollbackKeepingConnection(); // a row was refused, the connection is fine
            } else {
                rollbackAndDisconnect();
            }
            throw SqlStates.rolledBack(message(e), e);
        }
        try {
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            disconnect();
            throw BatchFailure.inDoubt("the commit failed (" + message(e) + "); whether it took effect is not"
                    + " known yet", e, events);
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
        insertRows(events);
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
        insertRows(events);
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

    /** Inserts every row of the batch, inside its transaction, after the head row is locked. */
    private void insertRows(List<AuditEvent> events) throws SQLException {
        inserts.insert(events);
    }

    /**
     * Whether a batch whose commit failed is in the log. Waits for the head row's lock first:
     * the batch's transaction held it, so once it is granted that transaction has ended,
     * committed or rolled back. The batch is stored if and only if the row at its last
     * sequence carries its last event's checksum (the checksum covers the event id and every
     * field, and the batch's rows were committed together).
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
            findChecksum.setString(1, logId);
            findChecksum.setLong(2, last.sequence());
            String stored;
            try (ResultSet rs = findChecksum.executeQuery()) {
                stored = rs.next() ? rs.getString(1) : null;
            }
            connection.rollback();
            return last.checksum().equals(stored) ? Resolution.STORED : Resolution.NOT_STORED;
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
        inserts = new EventInserts(tables, connection);
        findChecksum = connection.prepareStatement("SELECT checksum FROM " + tables.event()
                + " WHERE log_id = ? AND seq = ?");
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
        opener.close();
    }
}
