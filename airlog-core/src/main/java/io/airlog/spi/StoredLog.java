package io.airlog.spi;

/**
 * How the log a backend stores is checked when the application starts. The host calls it once
 * per start, never with {@link VerifyMode#OFF}.
 */
@FunctionalInterface
public interface StoredLog {

    /**
     * Verifies the stored log.
     *
     * @param mode {@link VerifyMode#INCREMENTAL} or {@link VerifyMode#FULL}
     * @return the report, or why nothing was verified
     */
    LogVerification verify(VerifyMode mode);

    /** A backend that keeps no chain it can read back. */
    static StoredLog nothing(String why) {
        return mode -> LogVerification.notVerified(why);
    }
}
