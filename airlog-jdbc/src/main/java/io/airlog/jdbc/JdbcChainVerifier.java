package io.airlog.jdbc;

import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditLimits;
import io.airlog.ChainPosition;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.internal.Text;
import io.airlog.jdbc.internal.CheckpointScan;
import io.airlog.jdbc.internal.EventIdentity;
import io.airlog.jdbc.internal.EventRows;
import io.airlog.jdbc.internal.NewestCheckpoint;
import io.airlog.spi.CheckpointWitness;
import io.airlog.spi.WitnessSnapshot;
import io.airlog.verify.ChainVerifier;
import io.airlog.verify.CheckpointVerifier;
import io.airlog.verify.Damage;
import io.airlog.verify.DamageKind;
import io.airlog.verify.VerificationReport;
import io.airlog.witness.FileWitness;
import java.io.IOException;
import java.nio.file.Path;
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
 * sequences, the log identity, that the head row matches the last event and, given
 * {@linkplain Builder#trustedKeys trusted keys} and a {@linkplain Builder#witness witness}, the
 * log's Merkle tree against its signed checkpoint rows and against the newest checkpoint the
 * witness holds.
 *
 * <p>Rows are read in sequence order in pages of {@code pageSize} rows (keyset paging on the
 * primary key), so memory stays constant whatever the size of the log, on every driver, and
 * no transaction or snapshot is held open for the length of the verification. Each page is
 * fed to airlog-core's {@link ChainVerifier} (and {@link CheckpointVerifier}); a row's
 * {@linkplain Damage#position() position} is its ordinal in sequence order (equal to its
 * sequence in an intact log); a checkpoint row's position is its size.
 *
 * <p><b>What it trusts.</b> Only checkpoint notes a trusted key signed, and the witness.
 * Nothing the application's role can insert hides damage or causes a permanent false alarm: a
 * checkpoint row that no trusted key validly signed, or whose other columns disagree with its
 * note, is a {@link DamageKind#CHECKPOINT_IGNORED} notice, unless the witness holds a trusted
 * checkpoint of that size ({@link DamageKind#CHECKPOINT_MISSING}); events after the newest
 * signed checkpoint are an {@link DamageKind#UNSIGNED_TAIL} notice, or
 * {@link DamageKind#UNSIGNED_EVENTS} damage with {@linkplain Builder#requireSigned requireSigned}.
 *
 * <p>Entry points:
 * <ul>
 * <li>{@link #verifyFull} reads the whole log and checks every stored checkpoint and the witness;</li>
 * <li>{@link #verifyIncremental} starts at the newest checkpoint row a trusted key signed (at or
 *     before the witnessed size) whose stored tree edge hashes to the signed root, checks that
 *     the row at that size still carries the edge's last leaf, then reads only the rows after
 *     it and compares the witness; without trusted keys there is nothing to start from and it
 *     reads the whole log. {@code verifyFull} checks everything it checks;</li>
 * <li>{@link #verifyFrom} continues after a position the caller trusts (the hash chain only).</li>
 * </ul>
 * None of them writes. See {@code docs/database.md} and {@code docs/integrity.md} for what each
 * detects. Thread-safe: every call uses its own connection.
 */
public final class JdbcChainVerifier {
    /** The default number of rows read per query. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    private final DataSource dataSource;
    private final TableNames tables;
    private final int pageSize;
    private final TrustedKeys keys;
    private final String origin;
    private final CheckpointWitness witness;
    private final Path witnessDirectory;
    private final boolean requireSigned;

    /** A verifier of the hash chain alone of the tables {@code tables} reached through {@code dataSource}. */
    public JdbcChainVerifier(DataSource dataSource, TableNames tables) {
        this(dataSource, tables, DEFAULT_PAGE_SIZE);
    }

    /**
     * A verifier of the hash chain alone, reading {@code pageSize} rows per query.
     *
     * @throws IllegalArgumentException if {@code pageSize} is below 1
     */
    public JdbcChainVerifier(DataSource dataSource, TableNames tables, int pageSize) {
        this(builder(dataSource, tables).pageSize(pageSize));
    }

    private JdbcChainVerifier(Builder b) {
        this.dataSource = b.dataSource;
        this.tables = b.tables;
        this.pageSize = b.pageSize;
        this.keys = b.keys;
        this.origin = b.origin;
        this.witness = b.witness;
        this.witnessDirectory = b.witnessDirectory;
        this.requireSigned = b.requireSigned;
    }

    /** Starts building a verifier of the tables {@code tables} reached through {@code dataSource}. */
    public static Builder builder(DataSource dataSource, TableNames tables) {
        return new Builder(dataSource, tables);
    }

    /** The settings of a {@link JdbcChainVerifier}; only the data source and tables are required. */
    public static final class Builder {
        private final DataSource dataSource;
        private final TableNames tables;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private TrustedKeys keys = TrustedKeys.none();
        private String origin;
        private CheckpointWitness witness;
        private Path witnessDirectory;
        private boolean requireSigned;

        private Builder(DataSource dataSource, TableNames tables) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.tables = Objects.requireNonNull(tables, "tables");
        }

        /**
         * Rows read per query (default {@value #DEFAULT_PAGE_SIZE}).
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1) {
                throw new IllegalArgumentException("pageSize must be at least 1, not " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        /** The verifier keys whose signatures count (default none: checkpoint rows are not checked). */
        public Builder trustedKeys(TrustedKeys keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /** The origin the log's checkpoints carry (default {@link Checkpoint#defaultOrigin} of the log verified). */
        public Builder origin(String origin) {
            this.origin = Text.requiredNonBlank("origin", origin, 1024);
            return this;
        }

        /** The witness of the log verified (for a verifier of one log). */
        public Builder witness(CheckpointWitness witness) {
            this.witness = Objects.requireNonNull(witness, "witness");
            this.witnessDirectory = null;
            return this;
        }

        /** A directory of witness files, one per log ({@link FileWitness#fileFor}). */
        public Builder witnessDirectory(Path directory) {
            this.witnessDirectory = Objects.requireNonNull(directory, "directory");
            this.witness = null;
            return this;
        }

        /**
         * Whether every event must be covered by a trusted signed checkpoint (default false): for a
         * writer that signs every batch in its transaction. Events after the newest one are then
         * {@link DamageKind#UNSIGNED_EVENTS} damage, not an {@link DamageKind#UNSIGNED_TAIL} notice.
         */
        public Builder requireSigned(boolean required) {
            this.requireSigned = required;
            return this;
        }

        /**
         * The verifier.
         *
         * @throws IllegalArgumentException if signatures are required without trusted keys
         */
        public JdbcChainVerifier build() {
            if (requireSigned && keys.isEmpty()) {
                throw new IllegalArgumentException("requireSigned needs trusted keys");
            }
            return new JdbcChainVerifier(this);
        }
    }

    /**
     * Verifies a whole log from its first event, with every stored checkpoint and the witness.
     *
     * @throws AuditException if the database or the witness cannot be read
     */
    public VerificationReport verifyFull(String logId) {
        Text.requiredNonBlank("logId", logId, AuditLimits.LOG_ID);
        if (!checksCheckpoints()) {
            return verifyFrom(logId, ChainPosition.EMPTY);
        }
        WitnessSnapshot snapshot = snapshot(logId);
        try (Connection c = dataSource.getConnection()) {
            CheckpointVerifier checkpoints = checks(logId, snapshot).build();
            return new Run(c, logId, ChainVerifier.of(logId, checkpoints), ChainPosition.EMPTY, true).verify();
        } catch (SQLException e) {
            throw new AuditException("cannot verify log '" + logId + "': " + e.getMessage(), e);
        }
    }

    /**
     * Verifies the events after a trusted position (the hash chain only): checks that the event
     * at {@code trusted.size()} still has checksum {@code trusted.lastChecksum()} (else
     * {@link DamageKind#CHANGED}, or {@link DamageKind#MISSING} if it is gone), then every event after it.
     *
     * @throws AuditException if the database fails
     */
    public VerificationReport verifyFrom(String logId, ChainPosition trusted) {
        Text.requiredNonBlank("logId", logId, AuditLimits.LOG_ID);
        Objects.requireNonNull(trusted, "trusted");
        try (Connection c = dataSource.getConnection()) {
            return new Run(c, logId, ChainVerifier.from(logId, trusted), trusted, false).verify();
        } catch (SQLException e) {
            throw new AuditException("cannot verify log '" + logId + "': " + e.getMessage(), e);
        }
    }

    /**
     * Verifies the events after the newest checkpoint row a trusted key signed whose stored edge
     * hashes to its root (at or before the witnessed size), and compares the witness; the whole
     * log if there is no such row (or no trusted keys).
     *
     * @throws AuditException if the database or the witness cannot be read
     */
    public VerificationReport verifyIncremental(String logId) {
        Text.requiredNonBlank("logId", logId, AuditLimits.LOG_ID);
        if (keys.isEmpty()) {
            return verifyFull(logId);
        }
        WitnessSnapshot snapshot = snapshot(logId);
        long witnessed = snapshot == null ? 0 : CheckpointVerifier.witnessedSize(snapshot, keys, origin(logId));
        try (Connection c = dataSource.getConnection()) {
            Optional<NewestCheckpoint.Trusted> start = newestTrusted(logId).find(c, -1,
                    witnessed > 0 ? witnessed : Long.MAX_VALUE).newest();
            CheckpointVerifier.Builder checks = checks(logId, snapshot);
            start.ifPresent(t -> checks.startAt(t.signed(), t.edge()));
            CheckpointVerifier checkpoints = checks.build();
            return new Run(c, logId, ChainVerifier.of(logId, checkpoints), checkpoints.start(), true).verify();
        } catch (SQLException e) {
            throw new AuditException("cannot verify log '" + logId + "': " + e.getMessage(), e);
        }
    }

    /**
     * The newest stored checkpoint of a log that a trusted key signed for its origin, with a stored
     * tree edge that hashes to its root; empty without trusted keys.
     *
     * @throws AuditException if the database fails
     */
    public Optional<SignedCheckpoint> newestCheckpoint(String logId) {
        Text.requiredNonBlank("logId", logId, AuditLimits.LOG_ID);
        try (Connection c = dataSource.getConnection()) {
            return newestTrusted(logId).find(c).newest().map(NewestCheckpoint.Trusted::signed);
        } catch (SQLException e) {
            throw new AuditException("cannot read the checkpoints of log '" + logId + "': " + e.getMessage(), e);
        }
    }

    private NewestCheckpoint newestTrusted(String logId) {
        return new NewestCheckpoint(tables, logId, origin(logId), keys);
    }

    private boolean checksCheckpoints() {
        return !keys.isEmpty() || witness != null || witnessDirectory != null;
    }

    private String origin(String logId) {
        return origin != null ? origin : Checkpoint.defaultOrigin(logId);
    }

    private CheckpointVerifier.Builder checks(String logId, WitnessSnapshot snapshot) {
        CheckpointVerifier.Builder b = CheckpointVerifier.builder(logId).origin(origin(logId)).trustedKeys(keys)
                .rejectedAsNotices(true).requireSigned(requireSigned);
        if (snapshot != null) {
            b.witness(snapshot);
        }
        return b;
    }

    /** What the log's witness holds, or null without a witness. */
    private WitnessSnapshot snapshot(String logId) {
        CheckpointWitness w = witness != null ? witness
                : witnessDirectory != null ? FileWitness.open(FileWitness.fileFor(witnessDirectory, logId), origin(logId))
                : null;
        if (w == null) {
            return null;
        }
        try {
            return w.read();
        } catch (IOException | RuntimeException e) {
            throw new AuditException("cannot read the witness " + w.location() + " of log '" + logId + "': "
                    + e.getMessage(), e);
        }
    }

    /** One verification on one connection. */
    private final class Run {
        private final Connection c;
        private final String logId;
        private final ChainPosition trusted;
        private final ChainVerifier verifier;
        private final CheckpointScan checkpointRows;
        private EventIdentity identity;
        private long position;
        private long pageAfter;
        private long lastSeq;
        private String lastChecksum;
        private String checksumAtFirstHead;

        Run(Connection c, String logId, ChainVerifier verifier, ChainPosition trusted, boolean checkpoints) {
            this.c = c;
            this.logId = logId;
            this.trusted = trusted;
            this.verifier = verifier;
            this.checkpointRows = checkpoints ? new CheckpointScan(c, tables, logId, trusted.size(), pageSize) : null;
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
            feedCheckpoints(Long.MAX_VALUE);
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
                        "the event at the trusted start " + at + " (a signed checkpoint, or the position given) is gone"));
            } else if (!trusted.lastChecksum().equals(lastChecksum)) {
                verifier.report(new Damage(DamageKind.CHANGED, at, at, at, "the event at the trusted start " + at
                        + " no longer has the trusted checksum " + abbreviate(trusted.lastChecksum()) + " (now "
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
                verifier.acceptMalformed(position, "row with seq " + lastSeq + ": " + e.getMessage(), lastChecksum);
                feedCheckpoints(position);
                return;
            }
            if (!event.verify()) {
                event = identity().locate(event).orElse(event);
            }
            verifier.accept(position, event);
            feedCheckpoints(position);
        }

        /**
         * Hands the checkpoint rows up to {@code upTo} leaves to the checkpoint verifier, each after
         * the leaf at its size; a row whose other columns disagree with its note is a notice and
         * its note is not used.
         */
        private void feedCheckpoints(long upTo) throws SQLException {
            if (checkpointRows == null) {
                return;
            }
            for (CheckpointScan.Row row; (row = checkpointRows.nextUpTo(upTo)) != null; ) {
                String disagreement = row.disagreement();
                if (disagreement == null) {
                    verifier.checkpoint(row.size(), row.note());
                } else {
                    verifier.report(new Damage(DamageKind.CHECKPOINT_IGNORED, row.size(), row.size(), row.size(),
                            "the checkpoint row of size " + row.size() + " is ignored: " + disagreement));
                }
            }
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
