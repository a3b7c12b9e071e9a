package io.airlog.bench.load;

import io.airlog.AuditDraft;
import io.airlog.WriteMode;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.jdbc.JdbcAuditStream;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.SchemaMode;
import io.airlog.jdbc.TableNames;
import io.airlog.verify.VerificationReport;
import io.airlog.witness.FileWitness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;

/**
 * airlog itself: a {@link JdbcAuditStream} with its default settings (group commit, batches of
 * at most 512, 2 ms maximum delay, queue of 8192). Synchronous callers use {@code record},
 * which returns after the commit; asynchronous callers use {@code recordAsync} on a stream in
 * {@link WriteMode#ASYNC}, which returns once the draft is queued.
 *
 * <p>A {@linkplain #signed signed} sink also signs checkpoints with a key of its own, at a
 * checkpoint interval, and publishes them to a witness file in a temporary directory; when it
 * is closed it checks the log with that key and the witness ({@link #check()}) and deletes the
 * directory.
 */
public final class AirlogSink implements Sink {
    private static final String KEY_NAME = "bench.airlog.io/load";

    private final JdbcAuditStream stream;
    private final boolean async;
    private final Signing signing;
    private VerificationReport check;

    /** What a signed sink needs to check its log after closing: where, the key, the witness. */
    private record Signing(DataSource dataSource, TableNames tables, String logId, NoteSigner key,
                           Duration interval, Path witnessDirectory) {
    }

    /**
     * Opens a stream on existing tables, without checkpoints.
     *
     * @param async whether callers hand drafts over without waiting for the commit
     */
    public AirlogSink(DataSource dataSource, TableNames tables, String logId, boolean async) {
        this.async = async;
        this.signing = null;
        this.stream = builder(dataSource, tables, logId, async).build();
    }

    private AirlogSink(Signing signing) {
        this.async = false;
        this.signing = signing;
        this.stream = builder(signing.dataSource(), signing.tables(), signing.logId(), false).signer(signing.key())
                .checkpointInterval(signing.interval()).witnessFile(signing.witnessDirectory()).build();
    }

    /**
     * Opens a synchronous stream on existing tables that signs checkpoints with a new key at
     * {@code interval} (zero: in every batch's transaction) and publishes them to a witness file
     * in a new temporary directory.
     *
     * @throws UncheckedIOException if the directory cannot be created
     */
    public static AirlogSink signed(DataSource dataSource, TableNames tables, String logId, Duration interval) {
        Path directory;
        try {
            directory = Files.createTempDirectory("airlog-bench-witness");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the witness directory: " + e.getMessage(), e);
        }
        return new AirlogSink(new Signing(dataSource, tables, logId, SigningKeys.generate(KEY_NAME), interval,
                directory));
    }

    private static JdbcAuditStream.Builder builder(DataSource dataSource, TableNames tables, String logId,
                                                   boolean async) {
        return JdbcAuditStream.builder(dataSource).name("bench").logId(logId).tablePrefix(tables.prefix())
                .schemaMode(SchemaMode.VALIDATE).writeMode(async ? WriteMode.ASYNC : WriteMode.SYNC);
    }

    /** The stream (for its statistics). */
    public JdbcAuditStream stream() {
        return stream;
    }

    /** Whether this sink signs checkpoints. */
    public boolean signs() {
        return signing != null;
    }

    /**
     * The check of a signed sink's log after {@link #close()}: every event, the checkpoint rows
     * with the sink's key, the witness, and at interval zero that every event is signed.
     *
     * @throws IllegalStateException if the sink does not sign or is not closed yet
     */
    public VerificationReport check() {
        if (check == null) {
            throw new IllegalStateException(signing == null ? "this sink signs no checkpoints"
                    : "the log is checked when the sink is closed");
        }
        return check;
    }

    @Override
    public CompletionStage<?> store(int caller, AuditDraft draft) {
        if (async) {
            return stream.recordAsync(draft);
        }
        stream.record(draft);
        return null;
    }

    @Override
    public void close() throws IOException {
        stream.close();
        if (signing == null || check != null) {
            return;
        }
        Path witness = FileWitness.fileFor(signing.witnessDirectory(), signing.logId());
        try {
            check = JdbcChainVerifier.builder(signing.dataSource(), signing.tables())
                    .trustedKeys(TrustedKeys.of(signing.key().verifierKey()))
                    .witnessDirectory(signing.witnessDirectory())
                    .requireSigned(signing.interval().isZero()).build().verifyFull(signing.logId());
        } finally {
            Files.deleteIfExists(witness);
            Files.deleteIfExists(signing.witnessDirectory());
        }
    }
}
