package io.airlog.cdi.internal;

import io.airlog.verify.Damage;
import io.airlog.verify.VerificationReport;

/**
 * What the start-up check found for one stream's log.
 *
 * @param stream the stream name
 * @param logId the log
 * @param mode how it was checked ({@code incremental}, {@code full}, {@code off}, or
 *             {@code none} for a backend without a stored chain)
 * @param intact false if damage was found
 * @param firstBadSequence the first damaged sequence, 0 when intact
 * @param summary one line: what was verified, or the first damage
 */
public record LogCheck(String stream, String logId, String mode, boolean intact, long firstBadSequence,
                       String summary) {

    static LogCheck of(String stream, String mode, VerificationReport report) {
        return new LogCheck(stream, report.logId(), mode, report.intact(),
                report.firstDamage().map(Damage::firstSequence).orElse(0L), report.summary());
    }

    static LogCheck intact(String stream, String logId, String mode, String summary) {
        return new LogCheck(stream, logId, mode, true, 0, summary);
    }
}
