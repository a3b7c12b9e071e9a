package io.airlog;

import java.time.Instant;

/**
 * A filter over the events of one log, with paging. Every criterion is optional (null
 * means "any"); events come back in sequence order.
 *
 * @param fromSequence lowest sequence, inclusive
 * @param toSequence highest sequence, inclusive
 * @param from earliest timestamp, inclusive
 * @param to latest timestamp, exclusive
 * @param subject principal subject, exact
 * @param action action, exact
 * @param resource resource type, exact
 * @param resourceId resource id, exact
 * @param outcome outcome
 * @param correlationId correlation id, exact
 * @param offset how many matching events to skip
 * @param limit how many to return at most
 */
public record AuditQuery(Long fromSequence, Long toSequence, Instant from, Instant to, String subject,
                         String action, String resource, String resourceId, Outcome outcome,
                         String correlationId, long offset, int limit) {

    /** The largest page size. */
    public static final int MAX_LIMIT = 10_000;

    /** Checks the paging values. */
    public AuditQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
    }

    /** A query that matches everything, first page of 100. */
    public static AuditQuery all() {
        return builder().build();
    }

    /** Starts a query. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether an event meets every criterion (paging aside). */
    public boolean matches(AuditEvent e) {
        return (fromSequence == null || e.sequence() >= fromSequence)
                && (toSequence == null || e.sequence() <= toSequence)
                && (from == null || !e.timestamp().isBefore(from))
                && (to == null || e.timestamp().isBefore(to))
                && (subject == null || subject.equals(e.principal().subject()))
                && (action == null || action.equals(e.action()))
                && (resource == null || resource.equals(e.resource()))
                && (resourceId == null || resourceId.equals(e.resourceId()))
                && (outcome == null || outcome == e.outcome())
                && (correlationId == null || correlationId.equals(e.correlationId()));
    }

    /** Builds queries. */
    public static final class Builder {
        private Long fromSequence;
        private Long toSequence;
        private Instant from;
        private Instant to;
        private String subject;
        private String action;
        private String resource;
        private String resourceId;
        private Outcome outcome;
        private String correlationId;
        private long offset;
        private int limit = 100;

        private Builder() {
        }

        /** Sequences from {@code first} to {@code last}, inclusive. */
        public Builder sequences(long first, long last) {
            this.fromSequence = first;
            this.toSequence = last;
            return this;
        }

        /** Timestamps in [{@code start}, {@code end}). */
        public Builder between(Instant start, Instant end) {
            this.from = start;
            this.to = end;
            return this;
        }

        /** Principal subject. */
        public Builder subject(String value) {
            this.subject = value;
            return this;
        }

        /** Action. */
        public Builder action(String value) {
            this.action = value;
            return this;
        }

        /** Resource type. */
        public Builder resource(String value) {
            this.resource = value;
            return this;
        }

        /** Resource id. */
        public Builder resourceId(String value) {
            this.resourceId = value;
            return this;
        }

        /** Outcome. */
        public Builder outcome(Outcome value) {
            this.outcome = value;
            return this;
        }

        /** Correlation id. */
        public Builder correlationId(String value) {
            this.correlationId = value;
            return this;
        }

        /** Skips the first {@code n} matches. */
        public Builder offset(long n) {
            this.offset = n;
            return this;
        }

        /** Returns at most {@code n} events (1 to {@link #MAX_LIMIT}; default 100). */
        public Builder limit(int n) {
            this.limit = n;
            return this;
        }

        /** The query. */
        public AuditQuery build() {
            return new AuditQuery(fromSequence, toSequence, from, to, subject, action, resource, resourceId,
                    outcome, correlationId, offset, limit);
        }
    }
}
