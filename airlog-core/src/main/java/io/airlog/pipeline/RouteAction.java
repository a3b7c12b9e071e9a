package io.airlog.pipeline;

/** What a matching {@link RouteRule} does with a draft. */
public enum RouteAction {
    /** The draft is dropped: nothing is recorded, no sequence is used, the drop is counted. */
    DROP,
    /**
     * The draft is recorded in each of the rule's streams. A failure of any of them fails the
     * {@code record} call with an {@link AuditDeliveryException}, unless the rule is
     * {@linkplain RouteRule#bestEffort() best-effort}: then each failure is counted and logged,
     * and the call succeeds when at least one stream stored the event.
     */
    ROUTE,
    /**
     * The draft must be recorded in every one of the rule's streams: a failure of any of them
     * fails the {@code record} call with an {@link AuditDeliveryException}. Such a rule cannot
     * be best-effort.
     */
    REQUIRE
}
