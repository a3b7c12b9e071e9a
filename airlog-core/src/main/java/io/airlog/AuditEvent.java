package io.airlog;

import io.airlog.internal.CanonicalMap;
import io.airlog.internal.EventEncoder;
import io.airlog.internal.JsonValues;
import io.airlog.internal.Text;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One sealed, immutable audit event: a member of one log, at one position of its hash chain.
 *
 * <p>Events are made by {@link AuditDraft#seal}; this constructor exists to read events back
 * from storage, and it does not check the checksum: call {@link #verify()} for that. The
 * checksum is SHA-256 over the canonical encoding (docs/encoding.md) of every other field.
 *
 * @param eventId unique id
 * @param logId the log (hash chain) this event belongs to
 * @param sequence position in the log: 1, 2, 3, ... without gaps
 * @param timestamp when the action happened, nanosecond precision kept
 * @param action what was done
 * @param principal who did it
 * @param resource the type of thing acted on; nullable
 * @param resourceId which one; nullable
 * @param outcome how it ended
 * @param correlationId request or trace id; nullable
 * @param context further facts; immutable JSON values
 * @param previousChecksum checksum of the event at {@code sequence - 1}, or
 *                         {@link ChainPosition#GENESIS} for the first event
 * @param checksum lowercase hex SHA-256 of the canonical encoding of all fields above
 */
public record AuditEvent(UUID eventId, String logId, long sequence, Instant timestamp, String action,
                         Principal principal, String resource, String resourceId, Outcome outcome,
                         String correlationId, Map<String, Object> context, String previousChecksum,
                         String checksum) {

    /**
     * Checks presence and well-formed text (no unpaired surrogate, no U+0000, as for drafts,
     * but without the length limits) and deep-copies the context (a no-op for values made by
     * airlog).
     */
    public AuditEvent {
        Objects.requireNonNull(eventId, "eventId");
        Text.required("logId", logId, Integer.MAX_VALUE);
        Objects.requireNonNull(timestamp, "timestamp");
        Text.required("action", action, Integer.MAX_VALUE);
        Objects.requireNonNull(principal, "principal");
        Text.optional("resource", resource, Integer.MAX_VALUE);
        Text.optional("resourceId", resourceId, Integer.MAX_VALUE);
        Objects.requireNonNull(outcome, "outcome");
        Text.optional("correlationId", correlationId, Integer.MAX_VALUE);
        context = JsonValues.object("context", context, Integer.MAX_VALUE);
        Text.required("previousChecksum", previousChecksum, Integer.MAX_VALUE);
        Text.required("checksum", checksum, Integer.MAX_VALUE);
    }

    /** Recomputes the checksum over the canonical encoding of the other fields. */
    public String computeChecksum() {
        EventEncoder encoder = EventEncoder.local();
        String known = encoder.remembered(this);
        if (known != null) {
            return known;
        }
        String computed = encoder.checksum(logId, sequence, eventId, timestamp, action, principal.subject(),
                principal.authMethod().name(), principal.canonicalMetadata(), resource, resourceId,
                outcome.name(), correlationId, (CanonicalMap) context, previousChecksum);
        encoder.remember(this, computed);
        return computed;
    }

    /** The canonical encoding v1 of this event: the bytes its checksum is computed over. */
    public byte[] canonicalBytes() {
        return EventEncoder.local().encode(logId, sequence, eventId, timestamp, action, principal.subject(),
                principal.authMethod().name(), principal.canonicalMetadata(), resource, resourceId,
                outcome.name(), correlationId, (CanonicalMap) context, previousChecksum);
    }

    /** Whether the stored checksum matches the fields: false means the event was altered. */
    public boolean verify() {
        return checksum.equals(computeChecksum());
    }

    /** Whether this event directly follows {@code previous} in the same log. */
    public boolean follows(AuditEvent previous) {
        return logId.equals(previous.logId) && sequence == previous.sequence + 1
                && previousChecksum.equals(previous.checksum);
    }

    /** The chain position right after this event. */
    public ChainPosition position() {
        return new ChainPosition(sequence, checksum);
    }

    /** The canonical JSON text of the context (RFC 8785). */
    public String contextJson() {
        return ((CanonicalMap) context).json();
    }

    /** This event's content as a draft, e.g. to copy it into another log. */
    public AuditDraft toDraft() {
        return new AuditDraft(eventId, timestamp, action, principal, resource, resourceId, outcome, correlationId,
                context);
    }
}
