package io.airlog.cdi.internal;

import io.airlog.verify.Damage;
import io.airlog.verify.VerificationReport;

/**
 * What the start-up check found for one stream's log.
 *
 * @param stream the stream name
 * @param logId the log
 * @param mode the configured {@code airlog.verify.on-startup} ({@code incremental},
 *             {@code full}, {@code off})
 * @param verified whether stored events were read and verified
 * @param intact false if damage was found
 * @param firstBadSequence the first damaged sequence, 0 when intact
 * @param summary one line: what was verified, or the first damage
 */
public record LogCheck(String stream, String logId, String mode, boolean verified, boolean intact,
                       long firstBadSequence, String summary) {

    static LogCheck of(StreamSettings s, VerificationReport report) {
        return new LogCheck(s.name(), report.logId(), ConfigReader.spelling(s.verifyOnStartup()), true,
                report.intact(), report.firstDamage().map(Damage::firstSequence).orElse(0L), report.summary());
    }

    static LogCheck notVerified(StreamSettings s, String why) {
        return new LogCheck(s.name(), s.logId(), ConfigReader.spelling(s.verifyOnStartup()), false, true, 0, why);
    }

    /** {@code intact}, {@code damaged} or {@code not verified}. */
    public String chain() {
        return !intact ? "damaged" : verified ? "intact" : "not verified";
    }
}
