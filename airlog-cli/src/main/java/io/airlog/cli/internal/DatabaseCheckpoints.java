package io.airlog.cli.internal;

import io.airlog.AuditException;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.jdbc.JdbcChainVerifier;
import java.util.Optional;

/**
 * The signed checkpoints a database log holds, for {@code prove}, {@code consistency} and
 * {@code export} when no checkpoint is named with {@code --checkpoint} or {@code --witness}:
 * the newest checkpoint row whose note a trusted key signed for the origin and whose stored
 * tree edge hashes to its root ({@link JdbcChainVerifier#newestCheckpoint}). The commands then
 * check the stored events against that signed root; nothing else a row holds is trusted.
 */
final class DatabaseCheckpoints {
    /** Why a database log has no usable signed checkpoint. */
    static final String NONE_STORED = "the database holds no checkpoint row of this log that a trusted key signed";

    private DatabaseCheckpoints() {
    }

    /**
     * The newest stored checkpoint of log {@code logId} that a trusted key signed for {@code origin}.
     *
     * @throws CliException if the checkpoint table cannot be read
     */
    static Optional<SignedCheckpoint> newest(DatabaseLogin login, String logId, TrustedKeys keys, String origin) {
        try {
            return JdbcChainVerifier.builder(login.dataSource(), login.tables()).trustedKeys(keys).origin(origin)
                    .build().newestCheckpoint(logId);
        } catch (AuditException e) {
            throw CliException.error(e.getMessage(), e);
        }
    }
}
