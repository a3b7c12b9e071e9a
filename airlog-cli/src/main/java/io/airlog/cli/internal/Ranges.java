package io.airlog.cli.internal;

import io.airlog.AuditEvent;
import io.airlog.AuditIntegrityException;
import java.util.stream.Stream;

/** Checks that a range of events continues from the event before it. */
final class Ranges {
    private Ranges() {
    }

    /**
     * {@code events} (the first of which is sequence {@code first}), checking that the first
     * links to {@code previousChecksum}, the checksum of the event before it.
     */
    static Stream<AuditEvent> linked(String logId, long first, String previousChecksum, Stream<AuditEvent> events) {
        boolean[] checked = {false};
        return events.peek(e -> {
            if (!checked[0]) {
                checked[0] = true;
                if (!e.previousChecksum().equals(previousChecksum)) {
                    throw new AuditIntegrityException(logId, first, "broken link: its previous checksum is not the"
                            + " checksum of the event before it (" + previousChecksum + ")");
                }
            }
        });
    }
}
