package io.airlog.cdi;

import io.airlog.spi.LogVerification;
import io.airlog.verify.Damage;
import java.time.Instant;

/**
 * What the start-up check found for one stream's log. airlog-cdi fires it as a CDI event
 * (observe it with {@code @Observes LogCheck}) after each stream's check, and the readiness
 * check reports it.
 *
 * @param stream the stream name
 * @param logId the log
 * @param mode the configured {@code airlog.verify.on-startup} ({@code incremental},
 *             {@code full}, {@code off})
 * @param verified whether stored events were read and verified
 * @param intact false if damage was found
 * @param firstBadSequence the first damaged sequence, 0 when intact
 * @param summary one line: what was verified, or the first damage, or why nothing was
 * @param checkedAt when the check ended
 */
public record LogCheck(String stream, String logId, String mode, boolean verified, boolean intact,
                       long firstBadSequence, String summary, Instant checkedAt) {

    /**
     * The check of one stream's log.
     *
     * @param stream the stream name
     * @param logId the log
     * @param mode the configured mode
     * @param verification what the backend's check found
     * @return the check, at the current time
     */
    public static LogCheck of(String stream, String logId, String mode, LogVerification verification) {
        long firstBad = verification.report().flatMap(r -> r.firstDamage()).map(Damage::firstSequence).orElse(0L);
        return new LogCheck(stream, logId, mode, verification.verified(), verification.intact(), firstBad,
                verification.summary(), Instant.now());
    }

    /** {@code intact}, {@code damaged} or {@code not verified}. */
    public String chain() {
        return !intact ? "damaged" : verified ? "intact" : "not verified";
    }
}
