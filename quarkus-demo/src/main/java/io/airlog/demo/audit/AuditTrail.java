package io.airlog.demo.audit;

import io.airlog.AuditException;
import io.airlog.AuditLogReader;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.demo.signing.DemoSigningKey;
import io.airlog.jdbc.JdbcAuditStream;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.SchemaMode;
import io.airlog.jdbc.TableNames;
import io.airlog.spi.WitnessSnapshot;
import io.airlog.verify.CheckpointVerifier;
import io.airlog.verify.VerificationReport;
import io.airlog.witness.FileWitness;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's audit log as the audit API reads it: straight from the database, through
 * airlog-jdbc's reader and verifier on the application's own data source (the one airlog
 * writes to), configured by the same {@code airlog.log-id} and
 * {@code airlog.jdbc.table-prefix}. It does not depend on what the injected
 * {@link io.airlog.AuditStream} is (with redaction or other middleware configured, that stream
 * is no reader).
 *
 * <p>When the log is signed ({@link DemoSigningKey}), verifications check its signed
 * checkpoints with the signing key's verifier key and compare it with its witness file
 * ({@code airlog.witness.directory}, {@code airlog.checkpoint.origin}), as airlog's start-up
 * check does.
 *
 * <p>The reader is a {@link JdbcAuditStream} that is only read from (airlog-jdbc's reader of a
 * log); its writer thread stays idle, and it is closed when the application stops.
 */
@ApplicationScoped
public class AuditTrail {
    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "airlog.log-id", defaultValue = "default")
    String logId;

    @ConfigProperty(name = "airlog.jdbc.table-prefix", defaultValue = TableNames.DEFAULT_PREFIX)
    String tablePrefix;

    @ConfigProperty(name = "airlog.checkpoint.origin")
    Optional<String> configuredOrigin;

    @ConfigProperty(name = "airlog.witness.directory", defaultValue = "airlog-witness")
    Path witnessDirectory;

    @Inject
    DemoSigningKey signingKey;

    private JdbcAuditStream reader;

    /** The id of the log. */
    public String logId() {
        return logId;
    }

    /** The table names of the log. */
    public TableNames tables() {
        return TableNames.of(tablePrefix);
    }

    /** The data source of the log. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The reader of the log. */
    public synchronized AuditLogReader reader() {
        if (reader == null) {
            reader = JdbcAuditStream.builder(dataSource).name("audit-api-reader").logId(logId)
                    .tablePrefix(tablePrefix).schemaMode(SchemaMode.NONE).build();
        }
        return reader;
    }

    /** The origin line of the log's checkpoints. */
    public String origin() {
        return configuredOrigin.orElse(Checkpoint.defaultOrigin(logId));
    }

    /** The keys that signed checkpoints must verify with: none when the log is not signed. */
    public TrustedKeys trustedKeys() {
        return signingKey.verifierKey().map(TrustedKeys::of).orElse(TrustedKeys.none());
    }

    /** The witness file of the log: empty when the log is not signed. */
    public Optional<Path> witnessFile() {
        return signingKey.verifierKey().map(k -> FileWitness.fileFor(witnessDirectory, logId));
    }

    /**
     * Verifies the whole stored log: every row, every link, the head and, when the log is
     * signed, every checkpoint row and the witness.
     */
    public VerificationReport verify() {
        JdbcChainVerifier.Builder verifier = JdbcChainVerifier.builder(dataSource, tables()).origin(origin())
                .trustedKeys(trustedKeys());
        witnessFile().ifPresent(f -> verifier.witness(FileWitness.open(f, origin())));
        return verifier.build().verifyFull(logId);
    }

    /** The newest checkpoint row a trusted key signed, whose stored tree edge hashes to its root. */
    public Optional<SignedCheckpoint> newestCheckpoint() {
        return JdbcChainVerifier.builder(dataSource, tables()).origin(origin()).trustedKeys(trustedKeys()).build()
                .newestCheckpoint(logId);
    }

    /**
     * When the checkpoint row of tree size {@code size} was stored (its transaction's time).
     *
     * @throws AuditException if the database fails
     */
    public Optional<Instant> checkpointStoredAt(long size) {
        String sql = "SELECT created_at FROM " + tables().checkpoint() + " WHERE log_id = ? AND size = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, logId);
            ps.setLong(2, size);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new AuditException("cannot read the checkpoint of log '" + logId + "' at size " + size + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * What the witness file holds: the tree size of its newest record a trusted key signed
     * (0 without one), or empty when the file does not exist.
     *
     * @throws AuditException if the witness file cannot be read
     */
    public Optional<Long> witnessedSize(Path file) {
        try {
            WitnessSnapshot snapshot = FileWitness.open(file, origin()).read();
            return snapshot.exists() ? Optional.of(CheckpointVerifier.witnessedSize(snapshot, trustedKeys(), origin()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new AuditException("cannot read the witness " + file + " of log '" + logId + "': " + e.getMessage(), e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (reader != null) {
            reader.close();
        }
    }
}
