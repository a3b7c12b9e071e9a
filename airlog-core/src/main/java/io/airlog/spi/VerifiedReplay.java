package io.airlog.spi;

import io.airlog.AuditEvent;
import io.airlog.AuditIntegrityException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Turns events read from storage in sequence order into a stream that checks, as it goes,
 * each checksum, the contiguity of sequences and the link of each event to the one before.
 */
public final class VerifiedReplay {
    private VerifiedReplay() {
    }

    /**
     * @param logId the log being replayed
     * @param fromSequence the first sequence expected
     * @param lastSequence the last sequence expected (the stream must end there)
     * @param stored the stored events in sequence order; closed with the returned stream
     * @return the verified stream
     */
    public static Stream<AuditEvent> of(String logId, long fromSequence, long lastSequence, Stream<AuditEvent> stored) {
        Iterator<AuditEvent> source = stored.iterator();
        Iterator<AuditEvent> checked = new Iterator<>() {
            private long expected = fromSequence;
            private AuditEvent previous;

            @Override
            public boolean hasNext() {
                boolean more = source.hasNext();
                if (!more && expected <= lastSequence) {
                    throw new AuditIntegrityException(logId, expected, "missing: the log ends before the head");
                }
                return more;
            }

            @Override
            public AuditEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AuditEvent e = source.next();
                if (!logId.equals(e.logId())) {
                    throw new AuditIntegrityException(logId, expected, "foreign event of log '" + e.logId() + "'");
                }
                if (e.sequence() != expected) {
                    throw new AuditIntegrityException(logId, expected, "missing: found sequence " + e.sequence());
                }
                if (!e.verify()) {
                    throw new AuditIntegrityException(logId, expected, "changed: the checksum does not match");
                }
                if (previous != null && !e.previousChecksum().equals(previous.checksum())) {
                    throw new AuditIntegrityException(logId, expected, "broken link to the previous event");
                }
                previous = e;
                expected++;
                return e;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(checked,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(stored::close);
    }
}
