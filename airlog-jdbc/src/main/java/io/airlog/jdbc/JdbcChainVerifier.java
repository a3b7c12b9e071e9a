package io.airlog.jdbc;

import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditLimits;
import io.airlog.ChainPosition;
import io.airlog.internal.Text;
import io.airlog.jdbc.internal.EventIdentity;
import io.airlog.jdbc.internal.EventRows;
import io.airlog.verify.ChainVerifier;
import io.airlog.verify.Damage;
import io.airlog.verify.DamageKind;
import io.airlog.verify.VerificationReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Verifies one log stored in SQL: every row's checksum recomputed, every link, contiguous
 * sequences, the log identity, and that the head row matches the last event.
 *
 * <p>Rows are read in sequence order in pages of {@code pageSize} rows (keyset paging on the
 * primary key), so memory stays constant whatever the size of the log, on every driver, and
 * no transaction or snapshot is held open for the length of the verification. Each page is
 * fed to airlog-core's {@link ChainVerifier}; a row's {@linkplain Damage#position() position}
 * is its ordinal in sequence order (equal to its sequence in an intact log).
 *
 * <p>Three entry points:
 * <ul>
 * <li>{@link #verifyFull} reads the whole log;</li>
 * <li>{@link #verifyFrom} continues after a position the caller trusts (for example a signed
 *     checkpoint it checked): it first checks that the row at that position still has that
 *     checksum, then reads only the rows after it;</li>
 * <li>{@link #verifyIncremental} does the same from the position last {@linkplain #record recorded}
 *     in the verification table.</li>
 * </ul>
 * None of them writes; {@link #record} stores the end of an intact report so that the next
 * incremental verification starts there. See {@code docs/database.md} for what each detects.
 * Thread-safe: every call uses its own connection.
 */
public final class JdbcChainVerifier {
    /** The default number of rows read per query. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    private final DataSource dataSource;
    private final TableNames tables;
    private final int pageSize;

    /** A verifier of the tables {@code tables} reached through {@code dataSource}. */
    public JdbcChainVerifier(DataSource dataSource, TableNames tables) {
        this(dataSource, tables, DEFAULT_PAGE_SIZE);
    }

    /**
     * A verifier reading {@code pageSize} rows per query.
     *
     * @throws IllegalArgumentException if {@code pageSize} is below 1
     */
    public JdbcChainVerifier(DataSource dataSource, TableNames tables, int pageSize) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.tables = Objects.requireNonNull(tables, "tables");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, not " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /**
     * Verifies a whole log from its first event.
     *
     * @throws AuditException if the database fails
     */
    public VerificationReport verifyFull(String logId) {
        return verifyFrom(logId, ChainPosition.EMPTY);
    }

    /**
     * Verifies the events after a trusted position: checks that the event at
     * {@code trusted.size()} still has checksum {@code trusted.lastChecksum()} (else
     * {@link DamageKind#CHANGED}, or {@link DamageKind#MISSING} if it is gone), then every event after it.
     *
     * @throws AuditException if the database fails
     */
    public VerificationReport verifyFrom(String logId, ChainPosition trusted) {
        Text.requiredNonBlank("logId", logId, AuditLimits.LOG_ID);
        Objects.requireNonNull(trusted, "trusted");
        try (Connection c = dataSource.getConnection()) {
            return new Run(c, logId, trusted).verify();
        } catch (SQLException e) {
            throw new AuditException("cannot verify log '" + logId + "': " + e.getMessage(), e);
        }
    }

    /**
     * Verifies the events after the last {@linkplain #record recorded} position (all of them
     * if none was recorded).
     *
     * @throws AuditException if the database fails
     */
    public VerificationReport verifyIncremental(String logId) {
        return verifyFrom(logId, verifiedThrough(logId).orElse(ChainPosition.EMPTY));
    }

    /**
     * The last recorded verified position of a log (the highest size in the verification table).
     *
     * @throws AuditException if the database fails
     */
    public Optional<ChainPosition> verifiedThrough(String logId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT size, last_checksum FROM " + tables.verification()
                     + " WHERE log_id = ? ORDER BY size DESC")) {
            ps.setString(1, logId);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ChainPosition(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new AuditException("cannot read the verified position of log '" + logId + "': " + e.getMessage(),
                    e);
        }
    }

    /**
     * Records the end of an intact report as the log's verified position, where the next
     * {@link #verifyIncremental} starts. Does nothing for a damaged report or one that ends
     * at or before the position already recorded.
     *
     * @return whether a position was recorded
     * @throws AuditException if the database fails
     */
    public boolean record(VerificationReport report) {
        if (!report.intact() || report.end().size() == 0
                || report.end().size() <= verifiedThrough(report.logId()).map(ChainPosition::size).orElse(0L)) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.verification()
                     + " (log_id, size, last_checksum, verified_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
            ps.setString(1, report.logId());
            ps.setLong(2, report.end().size());
            ps.setString(3, report.end().lastChecksum());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw new AuditException("cannot record the verified position of log '" + report.logId() + "': "
                    + e.getMessage(), e);
        }
    }

    /** One verification on one connection. */
    private final class Run {
        private final Connection c;
        private final String logId;
        private final ChainPosition trusted;
        private final ChainVerifier verifier;
        private EventIdentity identity;
        private long position;
        private long pageAfter;
        private long lastSeq;
        private String lastChecksum;
        private String checksumAtFirstHead;

        Run(Connection c, String logId, ChainPosition trusted) {
            this.c = c;
            this.logId = logId;
            this.trusted = trusted;
            this.verifier = ChainVerifier.from(logId, trusted);
            this.position = trusted.size();
            this.pageAfter = trusted.size();
            this.lastSeq = trusted.size();
            this.lastChecksum = trusted.lastChecksum();
        }

        VerificationReport verify() throws SQLException {
            checkTrustedRow();
            Optional<ChainPosition> firstHead = head();
            long firstHeadSize = firstHead.map(ChainPosition::size).orElse(0L);
            if (firstHeadSize == lastSeq) {
                checksumAtFirstHead = lastChecksum;
            }
            readRows(firstHeadSize);
            checkHead(firstHead, head());
            return verifier.finish();
        }

        /**
         * Checks that the event at the trusted position still has the trusted checksum. The
         * last stored event at or before that position also becomes the starting point of
         * the head comparison (when no later rows are read).
         */
        private void checkTrustedRow() throws SQLException {
            if (trusted.size() == 0) {
                return;
            }
            lastSeq = 0;
            lastChecksum = ChainPosition.GENESIS;
            // In primary-key order with LIMIT, so that the database reads one index entry, not
            // every row up to the trusted position (H2 sorted them all for ORDER BY seq DESC).
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, checksum FROM " + tables.event()
                    + " WHERE log_id = ? AND seq <= ? ORDER BY log_id DESC, seq DESC LIMIT 1")) {
                ps.setString(1, logId);
                ps.setLong(2, trusted.size());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        lastSeq = rs.getLong(1);
                        lastChecksum = rs.getString(2);
                    }
                }
            }
            long at = trusted.size();
            if (lastSeq != trusted.size()) {
                verifier.report(new Damage(DamageKind.MISSING, at, at, at,
                        "the event at the verified position " + at + " is gone"));
            } else if (!trusted.lastChecksum().equals(lastChecksum)) {
                verifier.report(new Damage(DamageKind.CHANGED, at, at, at, "the event at the verified position " + at
                        + " no longer has the verified checksum " + abbreviate(trusted.lastChecksum()) + " (now "
                        + abbreviate(lastChecksum) + "): the log was rewritten up to here"));
            }
        }

        /**
         * Reads the rows after {@code pageAfter} page by page. A page is a bounded range of
         * sequences read in primary-key order ({@code ORDER BY log_id, seq}), so its cost does
         * not depend on the rows after it whatever plan the database picks: with an open range
         * ({@code seq > ? ORDER BY seq LIMIT n}) H2 reads and sorts every later row for each
         * page, and so does PostgreSQL on a table it has no statistics for yet (freshly loaded
         * or restored), which made a full verification quadratic. A range that is not full
         * (a gap, the end, or rows still being committed) is followed by a look-up of the next
         * stored sequence after the last row read.
         */
        private void readRows(long firstHeadSize) throws SQLException {
            String sql = "SELECT " + EventRows.COLUMNS + " FROM " + tables.event()
                    + " WHERE log_id = ? AND seq > ? AND seq <= ? ORDER BY log_id, seq";
            String nextSql = "SELECT seq FROM " + tables.event() + " WHERE log_id = ? AND seq > ?"
                    + " ORDER BY log_id, seq LIMIT 1";
            try (PreparedStatement ps = c.prepareStatement(sql); PreparedStatement next = c.prepareStatement(nextSql)) {
                ps.setFetchSize(pageSize);
                long scanned = pageAfter;
                while (true) {
                    long upper = scanned > Long.MAX_VALUE - pageSize ? Long.MAX_VALUE : scanned + pageSize;
                    ps.setString(1, logId);
                    ps.setLong(2, scanned);
                    ps.setLong(3, upper);
                    long rows = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                            accept(rs);
                            if (lastSeq == firstHeadSize) {
                                checksumAtFirstHead = lastChecksum;
                            }
                        }
                    }
                    if (upper == Long.MAX_VALUE) {
                        return;
                    }
                    if (rows < upper - scanned) {
                        // After the last row read, not after the range: rows of the range
                        // committed since it was read are read in the next range.
                        next.setString(1, logId);
                        next.setLong(2, Math.max(scanned, pageAfter));
                        try (ResultSet rs = next.executeQuery()) {
                            if (!rs.next()) {
                                return;
                            }
                            upper = rs.getLong(1) - 1;
                        }
                    }
                    scanned = upper;
                }
            }
        }

        private void accept(ResultSet rs) throws SQLException {
            position++;
            lastSeq = rs.getLong(2);
            pageAfter = lastSeq;
            lastChecksum = rs.getString(15);
            AuditEvent event;
            try {
                event = EventRows.read(rs);
            } catch (IllegalArgumentException e) {
                verifier.acceptMalformed(position, "row with seq " + lastSeq + ": " + e.getMessage());
                return;
            }
            if (!event.verify()) {
                event = identity().locate(event).orElse(event);
            }
            verifier.accept(position, event);
        }

        private EventIdentity identity() throws SQLException {
            if (identity == null) {
                List<String> others = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT log_id FROM " + tables.head()
                        + " WHERE log_id <> ? ORDER BY log_id")) {
                    ps.setString(1, logId);
                    ps.setMaxRows(EventIdentity.MAX_OTHER_LOGS);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            others.add(rs.getString(1));
                        }
                    }
                }
                identity = new EventIdentity(others);
            }
            return identity;
        }

        private Optional<ChainPosition> head() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT size, last_checksum FROM " + tables.head()
                    + " WHERE log_id = ?")) {
                ps.setString(1, logId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new ChainPosition(rs.getLong(1), rs.getString(2)))
                            : Optional.empty();
                }
            }
        }

        /**
         * Compares the head with the rows. The head is read before and after the rows: every
         * row read was committed before the second read, together with its head update, so a
         * row beyond the second head is forged (or the head was set back); rows up to the
         * first head were committed before the rows were read, so a first head beyond the
         * last row means rows were removed from the tail.
         */
        private void checkHead(Optional<ChainPosition> first, Optional<ChainPosition> second) {
            long at = position > trusted.size() ? position : 0;
            if (second.isEmpty()) {
                if (lastSeq > 0) {
                    mismatch(at, lastSeq, "the log has events through sequence " + lastSeq + " but no head row");
                }
                return;
            }
            ChainPosition head = second.get();
            if (lastSeq > head.size()) {
                mismatch(at, head.size() + 1, "the log held events through sequence " + lastSeq
                        + " but the head says it has " + head.size() + " (rows forged after the head,"
                        + " or the head was set back)");
                return;
            }
            if (lastSeq == head.size()) {
                compare(at, head, lastChecksum);
                return;
            }
            if (first.isEmpty()) {
                return; // the log was created while it was read: there is no head to hold the rows against
            }
            ChainPosition earlier = first.get();
            if (lastSeq < earlier.size()) {
                mismatch(at, lastSeq + 1, "the head says the log has " + earlier.size()
                        + " events but the last stored event is sequence " + lastSeq + " (rows removed from the tail?)");
            } else {
                compare(at, earlier, checksumAtFirstHead);
            }
        }

        private void compare(long at, ChainPosition head, String storedChecksum) {
            if (head.size() == 0 && lastSeq == 0) {
                if (!ChainPosition.GENESIS.equals(head.lastChecksum())) {
                    mismatch(at, 0, "the head of the empty log has checksum " + abbreviate(head.lastChecksum())
                            + ", not the genesis value");
                }
            } else if (!head.lastChecksum().equals(storedChecksum)) {
                mismatch(at, head.size(), "the head says event " + head.size() + " has checksum "
                        + abbreviate(head.lastChecksum()) + " but the stored event has " + abbreviate(storedChecksum));
            }
        }

        private void mismatch(long at, long sequence, String detail) {
            verifier.report(new Damage(DamageKind.HEAD_MISMATCH, at, sequence, sequence, detail));
        }
    }

    private static String abbreviate(String checksum) {
        return checksum == null || checksum.length() < 12 ? String.valueOf(checksum) : checksum.substring(0, 12) + "…";
    }
}
