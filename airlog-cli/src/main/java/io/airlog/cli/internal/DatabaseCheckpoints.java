package io.airlog.cli.internal;

import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.jdbc.TableNames;
import java.sql.Connection;
import java.util.Optional;

/**
 * The signed checkpoints a database log holds, for {@code prove}, {@code consistency} and
 * {@code export} when no checkpoint is named with {@code --checkpoint} or {@code --witness}.
 *
 * <p><b>The seam to airlog-jdbc's signed checkpoints.</b> The schema of this version (V1)
 * stores none: its writer signs nothing, and its {@code checkpoint} table is never written. So
 * {@link #newest} finds none and the commands ask for a checkpoint from outside the database.
 * When airlog-jdbc stores signed checkpoints (schema V2), {@link #newest} reads the newest
 * checkpoint row of the log through airlog-jdbc's API and opens its note with the trusted keys
 * for the origin; nothing else in the command line changes.
 */
final class DatabaseCheckpoints {
    /** Why a database log has no signed checkpoint here. */
    static final String NONE_STORED = "airlog-jdbc of this version stores no signed checkpoints in the database";

    private DatabaseCheckpoints() {
    }

    /**
     * The newest stored checkpoint of log {@code logId} that a trusted key signed for
     * {@code origin}: none in schema V1 (see the class comment), whatever the keys.
     */
    static Optional<SignedCheckpoint> newest(Connection connection, TableNames tables, String logId, TrustedKeys keys,
                                             String origin) {
        return Optional.empty();
    }
}
