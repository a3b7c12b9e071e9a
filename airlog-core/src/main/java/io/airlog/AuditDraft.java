package io.airlog;

import io.airlog.internal.CanonicalMap;
import io.airlog.internal.EventEncoder;
import io.airlog.internal.JsonValues;
import io.airlog.internal.Text;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An audit event before it joins a log: identity, time and content, but no sequence and no
 * checksum yet. Middleware transforms drafts ({@code with...} methods return changed
 * copies); the stream that owns a log {@linkplain #seal seals} them.
 *
 * <p>Every constructor path validates: a blank action, a field over its
 * {@linkplain AuditLimits limit}, a context or metadata value that is not JSON, a cycle,
 * an unpaired surrogate or U+0000 fail with an {@link IllegalArgumentException} that
 * names the field. A draft that exists is therefore always recordable.
 *
 * @param eventId unique id (random UUID v4 by default)
 * @param timestamp when the action happened; nanosecond precision is kept
 * @param action what was done, e.g. {@code "document.update"}; non-blank
 * @param principal who did it; never null (see {@link Principal#anonymous()})
 * @param resource the type of thing acted on, e.g. {@code "Document"}; nullable
 * @param resourceId which one; nullable
 * @param outcome how it ended
 * @param correlationId the request or trace it belongs to; nullable
 * @param context further facts, JSON values only; deep-copied and immutable
 */
public record AuditDraft(UUID eventId, Instant timestamp, String action, Principal principal, String resource,
                         String resourceId, Outcome outcome, String correlationId, Map<String, Object> context) {

    /** The earliest timestamp the encoding can hold (epoch nanoseconds in a signed 64-bit integer). */
    public static final Instant MIN_TIMESTAMP = Instant.ofEpochSecond(0, Long.MIN_VALUE);
    /** The latest timestamp the encoding can hold. */
    public static final Instant MAX_TIMESTAMP = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    /** Validates and deep-copies the fields. */
    public AuditDraft {
        Objects.requireNonNull(eventId, "eventId is required");
        Objects.requireNonNull(timestamp, "timestamp is required");
        if (timestamp.isBefore(MIN_TIMESTAMP) || timestamp.isAfter(MAX_TIMESTAMP)) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is outside the encodable range "
                    + MIN_TIMESTAMP + " .. " + MAX_TIMESTAMP);
        }
        Text.requiredNonBlank("action", action, AuditLimits.ACTION);
        Objects.requireNonNull(principal, "principal is required (use Principal.anonymous())");
        Text.optional("resource", resource, AuditLimits.RESOURCE);
        Text.optional("resourceId", resourceId, AuditLimits.RESOURCE_ID);
        Objects.requireNonNull(outcome, "outcome is required");
        Text.optional("correlationId", correlationId, AuditLimits.CORRELATION_ID);
        context = JsonValues.object("context", context, AuditLimits.CONTEXT);
    }

    /**
     * Starts a draft of the given action. The builder fills what the caller leaves out from
     * the current {@link AuditContext}: principal (else anonymous), correlation id, and
     * context metadata (values the caller sets win).
     */
    public static Builder builder(String action) {
        return new Builder(action);
    }

    /**
     * Seals this draft as the event at {@code sequence} of log {@code logId}, linked to the
     * event before it. Only the stream that owns the log calls this, under its sequencer.
     *
     * @param logId the log
     * @param sequence 1 for the first event of the log, then contiguous
     * @param previousChecksum the checksum of event {@code sequence - 1}, or
     *                         {@link ChainPosition#GENESIS} for sequence 1
     * @return the sealed event with its checksum
     */
    public AuditEvent seal(String logId, long sequence, String previousChecksum) {
        Text.requiredNonBlank("logId", logId, AuditLimits.LOG_ID);
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, not " + sequence);
        }
        Objects.requireNonNull(previousChecksum, "previousChecksum is required");
        String checksum = EventEncoder.local().checksum(logId, sequence, eventId, timestamp, action,
                principal.subject(), principal.authMethod().name(), principal.canonicalMetadata(), resource,
                resourceId, outcome.name(), correlationId, (CanonicalMap) context, previousChecksum);
        return new AuditEvent(eventId, logId, sequence, timestamp, action, principal, resource, resourceId,
                outcome, correlationId, context, previousChecksum, checksum);
    }

    /** A copy with another action. */
    public AuditDraft withAction(String newAction) {
        return new AuditDraft(eventId, timestamp, newAction, principal, resource, resourceId, outcome,
                correlationId, context);
    }

    /** A copy with another principal. */
    public AuditDraft withPrincipal(Principal newPrincipal) {
        return new AuditDraft(eventId, timestamp, action, newPrincipal, resource, resourceId, outcome,
                correlationId, context);
    }

    /** A copy with another resource type and id. */
    public AuditDraft withResource(String newResource, String newResourceId) {
        return new AuditDraft(eventId, timestamp, action, principal, newResource, newResourceId, outcome,
                correlationId, context);
    }

    /** A copy with another outcome. */
    public AuditDraft withOutcome(Outcome newOutcome) {
        return new AuditDraft(eventId, timestamp, action, principal, resource, resourceId, newOutcome,
                correlationId, context);
    }

    /** A copy with another correlation id. */
    public AuditDraft withCorrelationId(String newCorrelationId) {
        return new AuditDraft(eventId, timestamp, action, principal, resource, resourceId, outcome,
                newCorrelationId, context);
    }

    /** A copy whose context is replaced by {@code newContext}. */
    public AuditDraft withContext(Map<String, ?> newContext) {
        return new AuditDraft(eventId, timestamp, action, principal, resource, resourceId, outcome,
                correlationId, Collections.unmodifiableMap(newContext));
    }

    /** A copy with one context entry added or replaced. */
    public AuditDraft withContextValue(String key, Object value) {
        return withContextValues(Collections.singletonMap(key, value));
    }

    /**
     * A copy with these context entries added or replaced (the others kept). Only the new
     * values are validated and copied: the entries this draft holds already are.
     */
    public AuditDraft withContextValues(Map<String, ?> entries) {
        return new AuditDraft(eventId, timestamp, action, principal, resource, resourceId, outcome,
                correlationId, JsonValues.merge("context", (CanonicalMap) context, entries));
    }

    /**
     * Builds drafts. Not thread-safe; {@link #build()} captures the current
     * {@link AuditContext} of the calling thread.
     */
    public static final class Builder {
        private final String action;
        private UUID eventId;
        private Instant timestamp;
        private Principal principal;
        private String resource;
        private String resourceId;
        private Outcome outcome = Outcome.SUCCESS;
        private String correlationId;
        private final Map<String, Object> context = new LinkedHashMap<>();

        private Builder(String action) {
            this.action = action;
        }

        /** Sets the event id (default: a random UUID). */
        public Builder eventId(UUID id) {
            this.eventId = id;
            return this;
        }

        /** Sets the time of the action (default: now, from the system clock). */
        public Builder timestamp(Instant time) {
            this.timestamp = time;
            return this;
        }

        /** Sets who acted (default: the context's principal, else anonymous). */
        public Builder principal(Principal who) {
            this.principal = who;
            return this;
        }

        /** Sets the resource type. */
        public Builder resource(String type) {
            this.resource = type;
            return this;
        }

        /** Sets the resource type and id. */
        public Builder resource(String type, String id) {
            this.resource = type;
            this.resourceId = id;
            return this;
        }

        /** Sets the resource id. */
        public Builder resourceId(String id) {
            this.resourceId = id;
            return this;
        }

        /** Sets the outcome (default {@link Outcome#SUCCESS}). */
        public Builder outcome(Outcome result) {
            this.outcome = result;
            return this;
        }

        /** Sets the correlation id (default: the context's). */
        public Builder correlationId(String id) {
            this.correlationId = id;
            return this;
        }

        /** Adds a context entry; the value must be a JSON value. */
        public Builder put(String key, Object value) {
            context.put(key, value);
            return this;
        }

        /** Adds context entries. */
        public Builder putAll(Map<String, ?> entries) {
            context.putAll(entries);
            return this;
        }

        /** Validates and returns the draft. */
        public AuditDraft build() {
            AuditContext.Snapshot ambient = AuditContext.current();
            Principal who = principal != null ? principal
                    : ambient.principal() != null ? ambient.principal() : Principal.anonymous();
            String correlation = correlationId != null ? correlationId : ambient.correlationId();
            Map<String, Object> merged = context;
            if (!ambient.metadata().isEmpty()) {
                merged = new LinkedHashMap<>(ambient.metadata());
                merged.putAll(context);
            }
            return new AuditDraft(eventId != null ? eventId : UUID.randomUUID(),
                    timestamp != null ? timestamp : Clock.now(), action, who, resource, resourceId, outcome,
                    correlation, merged);
        }
    }

    /** The system clock at the best precision the platform gives. */
    private static final class Clock {
        private static final java.time.Clock UTC = java.time.Clock.systemUTC();

        static Instant now() {
            return UTC.instant();
        }
    }
}
