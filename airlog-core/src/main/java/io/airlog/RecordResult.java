package io.airlog;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What {@link AuditStream#submit} did with a draft: it {@linkplain Stored stored} it, or a
 * middleware or routing rule {@linkplain Dropped dropped} it on purpose. A failure to store is
 * never a result: it is thrown.
 *
 * <pre>{@code
 * RecordResult result = pipeline.submit(draft);
 * if (result instanceof RecordResult.Stored stored) {
 *     show(stored.event().sequence());
 * } else {
 *     log("not audited: " + ((RecordResult.Dropped) result).reason());
 * }
 * }</pre>
 */
public sealed interface RecordResult permits RecordResult.Stored, RecordResult.Dropped {

    /** Whether the draft was stored. */
    boolean stored();

    /** The stored event, or empty when the draft was dropped. */
    Optional<AuditEvent> storedEvent();

    /**
     * The stored event.
     *
     * @return the event
     * @throws AuditDroppedException if the draft was dropped
     */
    AuditEvent orElseThrow();

    /**
     * The draft was sealed and stored.
     *
     * @param event the event as stored, after every middleware
     */
    record Stored(AuditEvent event) implements RecordResult {
        /** Checks presence. */
        public Stored {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public boolean stored() {
            return true;
        }

        @Override
        public Optional<AuditEvent> storedEvent() {
            return Optional.of(event);
        }

        @Override
        public AuditEvent orElseThrow() {
            return event;
        }
    }

    /**
     * The draft was dropped on purpose: nothing was stored and no sequence was used.
     *
     * @param eventId the id of the dropped draft
     * @param reason what dropped it, e.g. {@code "route rule 'health-probes' drops it"}
     */
    record Dropped(UUID eventId, String reason) implements RecordResult {
        /** Checks presence. */
        public Dropped {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean stored() {
            return false;
        }

        @Override
        public Optional<AuditEvent> storedEvent() {
            return Optional.empty();
        }

        @Override
        public AuditEvent orElseThrow() {
            throw new AuditDroppedException(this);
        }
    }
}
