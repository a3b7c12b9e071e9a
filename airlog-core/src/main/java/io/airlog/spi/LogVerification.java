package io.airlog.spi;

import io.airlog.verify.VerificationReport;
import java.util.Objects;
import java.util.Optional;

/**
 * What checking a stored log at start found: a verification report, or why nothing was
 * verified.
 *
 * @param report the report; empty when nothing was verified
 * @param summary one line: the report's summary, or why nothing was verified
 */
public record LogVerification(Optional<VerificationReport> report, String summary) {

    /** Checks the components. */
    public LogVerification {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(summary, "summary");
    }

    /** The log was verified. */
    public static LogVerification of(VerificationReport report) {
        return new LogVerification(Optional.of(report), report.summary());
    }

    /** Nothing was verified, for the reason given. */
    public static LogVerification notVerified(String why) {
        return new LogVerification(Optional.empty(), why);
    }

    /** Whether stored events were read and verified. */
    public boolean verified() {
        return report.isPresent();
    }

    /** False only when a verification found damage. */
    public boolean intact() {
        return report.map(VerificationReport::intact).orElse(true);
    }
}
