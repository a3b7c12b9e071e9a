package io.airlog.pipeline;

/**
 * Counts of an {@link AuditPipeline} since it was built. Every draft handed to
 * {@code record} is counted in exactly one of {@code recorded}, {@code dropped},
 * {@code failed} and {@code lost}, so {@code received} is their sum once no call is in
 * progress.
 *
 * @param received drafts handed to {@code record}
 * @param recorded drafts stored in at least one stream (the call returned the event)
 * @param dropped drafts dropped on purpose: by middleware, by a {@link RouteAction#DROP}
 *                rule, or by every destination (a destination that is itself a pipeline)
 * @param failed calls that threw: a middleware or a rule condition failed, or a stream that
 *               had to store the event did not
 * @param lost drafts of a best-effort rule that no stream stored (the call returned
 *             {@code null}; each one is logged)
 * @param routed drafts that matched a {@link RouteAction#ROUTE} or {@link RouteAction#REQUIRE}
 *               rule rather than going to the default stream
 * @param deliveryFailures single deliveries to a stream that failed, best-effort or not
 */
public record PipelineStats(long received, long recorded, long dropped, long failed, long lost, long routed,
                            long deliveryFailures) {
}
