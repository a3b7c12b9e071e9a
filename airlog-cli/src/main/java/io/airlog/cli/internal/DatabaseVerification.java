package io.airlog.cli.internal;

import io.airlog.AuditException;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.verify.VerificationReport;
import io.airlog.witness.FileWitness;

/**
 * {@code airlog verify} of a database log: airlog-jdbc's {@link JdbcChainVerifier} with the
 * trusted keys, the origin, the witness file and {@code --require-signed}; full, or incremental
 * from the newest checkpoint row a trusted key signed.
 */
final class DatabaseVerification {
    private DatabaseVerification() {
    }

    static VerificationReport verify(DatabaseLogin login, String logId, Checks checks) {
        if (checks.witnessFile() != null && checks.keys().isEmpty()) {
            throw CliException.error("a witness's records are checked with trusted keys: give --keys");
        }
        JdbcChainVerifier.Builder builder = JdbcChainVerifier.builder(login.dataSource(), login.tables())
                .origin(checks.origin()).trustedKeys(checks.keys()).requireSigned(checks.requireSigned());
        if (checks.witnessFile() != null) {
            builder.witness(FileWitness.open(checks.witnessFile(), checks.origin()));
        }
        JdbcChainVerifier verifier = builder.build();
        try {
            return checks.incremental() ? verifier.verifyIncremental(logId) : verifier.verifyFull(logId);
        } catch (AuditException e) {
            throw CliException.error(e.getMessage(), e);
        }
    }
}
