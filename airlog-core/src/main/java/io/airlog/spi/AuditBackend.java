package io.airlog.spi;

import io.airlog.AuditStream;
import java.util.Objects;

/**
 * A stream opened by an {@link AuditBackendProvider}, and how the log it stores is checked at
 * start.
 *
 * @param stream the stream: it seals and stores drafts in its own log; its host closes it
 * @param storedLog how its stored log is verified at start
 */
public record AuditBackend(AuditStream stream, StoredLog storedLog) {

    /** Checks the components. */
    public AuditBackend {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(storedLog, "storedLog");
    }

    /** A stream whose storage cannot be read back, so there is nothing to verify at start. */
    public static AuditBackend unverifiable(AuditStream stream, String why) {
        return new AuditBackend(stream, StoredLog.nothing(why));
    }
}
