package io.airlog.pipeline;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditStream;
import io.airlog.Capability;
import io.airlog.StreamHealth;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * An {@link AuditStream} that passes each draft through middleware, routes it by policy, and
 * records it in one or more named streams, which seal and store it.
 *
 * <pre>{@code
 * AuditPipeline audit = AuditPipeline.builder("default")
 *         .use(Redactor.defaults())
 *         .use(AuditMiddleware.enrich("host", () -> hostName()))
 *         .routing(policy)
 *         .registry(registry)
 *         .defaultStream("main")
 *         .build();
 * }</pre>
 *
 * <p><b>Recording.</b> {@link #record(AuditDraft)}:
 * <ol>
 * <li>runs the middleware in the order of {@link Builder#use}; a middleware returning
 *     {@code null} drops the draft: {@code record} returns {@code null}, nothing is stored
 *     and no sequence is used;</li>
 * <li>evaluates the {@link RoutingPolicy} on the transformed draft: the first matching rule
 *     decides; without a match the draft goes to the default stream;</li>
 * <li>records the draft in each destination stream in the rule's order; each stream seals it
 *     in its own log (so the copies share the event id but have their own sequence and
 *     checksum);</li>
 * <li>returns the sealed event of the first destination that stored it: the event as stored,
 *     after every middleware.</li>
 * </ol>
 *
 * <p><b>Failures.</b> Every destination is tried even when an earlier one failed. Then:
 * <ul>
 * <li>the default stream, a {@link RouteAction#REQUIRE} rule, and a {@link RouteAction#ROUTE}
 *     rule that is not best-effort: any failed destination fails the call with an
 *     {@link AuditDeliveryException}, which says which streams did store the event (delivery
 *     across streams is not atomic; a retry may duplicate the event id in those streams);</li>
 * <li>a best-effort {@code ROUTE} rule: each failed destination is counted
 *     ({@link PipelineStats#deliveryFailures()}, and {@link #health()}) and logged through
 *     {@link System.Logger} (logger {@code io.airlog.pipeline.AuditPipeline}) at
 *     {@code WARNING}; the call returns the event of the first stream that stored it. When no
 *     stream stored it, the event is counted as {@linkplain PipelineStats#lost() lost},
 *     logged at {@code ERROR}, and the call returns {@code null}.</li>
 * </ul>
 * An exception from a middleware or a rule condition fails the call with an
 * {@link AuditException} before any stream is touched. Nothing is ever dropped without being
 * counted.
 *
 * <p><b>Configuration errors</b> surface in {@link Builder#build()}, never at record time:
 * a rule or the default stream naming a stream that is not in the registry fails with an
 * {@link IllegalArgumentException} naming the rule and the stream. The pipeline resolves its
 * streams when it is built; streams registered later are not seen.
 *
 * <p><b>Ownership.</b> The pipeline owns none of its streams: {@link #close()} only stops the
 * pipeline from accepting drafts. Close the streams through their
 * {@link AuditStreamRegistry#close() registry} (or whoever created them), after the
 * pipeline.
 *
 * <p>Safe for concurrent use (middleware and conditions must be too). Each stream orders the
 * events of its own log; two events sent concurrently to two streams may be stored in
 * different orders in each.
 */
public final class AuditPipeline implements AuditStream {
    private static final System.Logger LOG = System.getLogger(AuditPipeline.class.getName());
    private static final Set<Capability> PASSED_THROUGH = EnumSet.of(Capability.DURABLE, Capability.BATCHING);

    private final String name;
    private final List<AuditMiddleware> middleware;
    private final RoutingPolicy policy;
    private final Map<String, AuditStream> streams;
    private final Set<String> requiredStreams;
    private final String defaultStream;
    private final Set<Capability> capabilities;
    private final LongAdder received = new LongAdder();
    private final LongAdder recorded = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder routed = new LongAdder();
    private final LongAdder deliveryFailures = new LongAdder();
    private volatile boolean closed;

    private AuditPipeline(Builder builder, Map<String, AuditStream> streams, Set<String> requiredStreams) {
        this.name = builder.name;
        this.middleware = List.copyOf(builder.middleware);
        this.policy = builder.policy;
        this.defaultStream = builder.defaultStream;
        this.streams = streams;
        this.requiredStreams = requiredStreams;
        Set<Capability> common = EnumSet.copyOf(PASSED_THROUGH);
        for (AuditStream stream : streams.values()) {
            common.retainAll(stream.capabilities());
        }
        this.capabilities = Set.copyOf(common);
    }

    /**
     * Starts a pipeline.
     *
     * @param name the name of the pipeline as a stream (e.g. {@code "default"})
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Runs the draft through middleware and routing and records it (see the
     * {@linkplain AuditPipeline class description}).
     *
     * @param draft the draft
     * @return the sealed event as stored by the first destination that stored it, after all
     *         middleware; {@code null} when middleware or a {@code DROP} rule dropped the draft,
     *         or when no stream of a best-effort rule stored it (counted as lost and logged)
     * @throws AuditDeliveryException when a stream that had to store the event did not
     * @throws AuditException when a middleware or a rule condition failed; nothing was stored
     * @throws IllegalStateException if the pipeline is closed
     */
    @Override
    public AuditEvent record(AuditDraft draft) {
        Objects.requireNonNull(draft, "draft");
        if (closed) {
            throw new IllegalStateException("audit pipeline '" + name + "' is closed");
        }
        received.increment();
        AuditDraft current = draft;
        for (int i = 0; i < middleware.size(); i++) {
            current = applyMiddleware(i, current);
            if (current == null) {
                dropped.increment();
                return null;
            }
        }
        RouteRule rule = route(current);
        if (rule == null) {
            return deliver(current, List.of(defaultStream), null);
        }
        if (rule.action() == RouteAction.DROP) {
            dropped.increment();
            return null;
        }
        routed.increment();
        return deliver(current, rule.streams(), rule);
    }

    private AuditDraft applyMiddleware(int index, AuditDraft draft) {
        AuditMiddleware step = middleware.get(index);
        try {
            return step.apply(draft);
        } catch (RuntimeException e) {
            failed.increment();
            throw new AuditException("audit pipeline '" + name + "': middleware #" + (index + 1) + " ("
                    + step.getClass().getName() + ") failed on event " + draft.eventId() + ": " + e.getMessage(), e);
        }
    }

    private RouteRule route(AuditDraft draft) {
        for (RouteRule rule : policy.rules()) {
            boolean matches;
            try {
                matches = rule.matches(draft);
            } catch (RuntimeException e) {
                failed.increment();
                throw new AuditException("audit pipeline '" + name + "': the condition of route rule '" + rule.name()
                        + "' failed on event " + draft.eventId() + ": " + e.getMessage(), e);
            }
            if (matches) {
                return rule;
            }
        }
        return null;
    }

    private AuditEvent deliver(AuditDraft draft, List<String> destinations, RouteRule rule) {
        Map<String, AuditEvent> delivered = new LinkedHashMap<>();
        Map<String, RuntimeException> failures = new LinkedHashMap<>();
        for (String destination : destinations) {
            try {
                AuditEvent event = streams.get(destination).record(draft);
                if (event != null) {
                    delivered.put(destination, event);
                }
            } catch (RuntimeException e) {
                deliveryFailures.increment();
                failures.put(destination, e);
            }
        }
        String route = rule == null ? "the default stream" : "route rule '" + rule.name() + "'";
        if (!failures.isEmpty()) {
            if (rule == null || !rule.bestEffort()) {
                failed.increment();
                throw new AuditDeliveryException("audit pipeline '" + name + "' could not deliver event "
                        + draft.eventId() + " (" + route + ") to " + failures.keySet() + "; stored in "
                        + delivered.keySet() + ": " + failures.values().iterator().next().getMessage(),
                        delivered, failures);
            }
            failures.forEach((destination, e) -> LOG.log(Level.WARNING, () -> "audit pipeline '" + name
                    + "': best-effort " + route + " could not deliver event " + draft.eventId() + " to stream '"
                    + destination + "'", e));
        }
        if (delivered.isEmpty()) {
            if (failures.isEmpty()) {
                dropped.increment();
            } else {
                lost.increment();
                LOG.log(Level.ERROR, () -> "audit pipeline '" + name + "': event " + draft.eventId() + " (action '"
                        + draft.action() + "') was stored in no stream of best-effort " + route + " "
                        + failures.keySet() + " and is lost");
            }
            return null;
        }
        recorded.increment();
        return delivered.values().iterator().next();
    }

    /**
     * Only what holds for every event whatever its route: {@link Capability#DURABLE} and
     * {@link Capability#BATCHING} when every destination stream declares them. Never
     * {@code QUERY} (a pipeline is no reader; query its streams) nor {@code ASYNC}
     * ({@link #recordAsync} records synchronously).
     */
    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /**
     * The pipeline's counts and its streams' state: {@code DOWN} while the pipeline is closed
     * or a stream it must deliver to (the default stream and those of rules that are not
     * best-effort) is down; {@code DEGRADED} while a best-effort stream is down (its events are
     * lost without failing calls) or a stream is degraded; {@code UP} otherwise; {@code recorded} as in {@link PipelineStats#recorded()};
     * {@code failed} counts failed calls and {@linkplain PipelineStats#lost() lost} events;
     * {@code queued} sums the streams' queues. The detail is never empty: it names every
     * stream that is down and then gives the other counts (received, dropped, routed by rule,
     * failed calls, lost, failed deliveries), which {@link #stats()} returns as numbers.
     */
    @Override
    public StreamHealth health() {
        PipelineStats stats = stats();
        StreamHealth.Status status = StreamHealth.status(!closed);
        long queued = 0;
        StringBuilder detail = new StringBuilder(closed ? "closed; " : "");
        for (Map.Entry<String, AuditStream> entry : streams.entrySet()) {
            StreamHealth health = entry.getValue().health();
            queued += health.queued();
            boolean required = requiredStreams.contains(entry.getKey());
            if (!health.up()) {
                // A best-effort stream that is down loses events without failing calls: degraded.
                status = status.worse(required ? StreamHealth.Status.DOWN : StreamHealth.Status.DEGRADED);
                detail.append(required ? "stream '" : "best-effort stream '").append(entry.getKey())
                        .append("' is down: ").append(health.detail()).append("; ");
            } else if (health.status() == StreamHealth.Status.DEGRADED) {
                status = status.worse(StreamHealth.Status.DEGRADED);
                detail.append("stream '").append(entry.getKey()).append("' is degraded: ").append(health.detail())
                        .append("; ");
            }
        }
        detail.append("received ").append(stats.received()).append(", dropped ").append(stats.dropped())
                .append(", routed by rule ").append(stats.routed()).append(", failed calls ").append(stats.failed())
                .append(", lost ").append(stats.lost()).append(", failed deliveries ")
                .append(stats.deliveryFailures());
        return new StreamHealth(status, stats.recorded(), stats.failed() + stats.lost(), queued, detail.toString());
    }

    /** The counts since the pipeline was built. */
    public PipelineStats stats() {
        return new PipelineStats(received.sum(), recorded.sum(), dropped.sum(), failed.sum(), lost.sum(),
                routed.sum(), deliveryFailures.sum());
    }

    /**
     * Stops accepting drafts; later {@code record} calls fail with
     * {@link IllegalStateException}. Closes none of the streams: the pipeline does not own
     * them. Closing twice is harmless.
     */
    @Override
    public void close() {
        closed = true;
    }

    /** Builds an {@link AuditPipeline}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<AuditMiddleware> middleware = new ArrayList<>();
        private RoutingPolicy policy = RoutingPolicy.none();
        private AuditStreamRegistry registry;
        private String defaultStream;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Appends a middleware; middleware runs in the order added.
         *
         * @param step the middleware
         * @return this builder
         */
        public Builder use(AuditMiddleware step) {
            middleware.add(Objects.requireNonNull(step, "middleware"));
            return this;
        }

        /**
         * Sets the routing policy (default: {@link RoutingPolicy#none()}).
         *
         * @param routing the policy
         * @return this builder
         */
        public Builder routing(RoutingPolicy routing) {
            this.policy = Objects.requireNonNull(routing, "routing policy");
            return this;
        }

        /**
         * Sets the registry the stream names are resolved in (required).
         *
         * @param streams the registry; it keeps owning its streams
         * @return this builder
         */
        public Builder registry(AuditStreamRegistry streams) {
            this.registry = Objects.requireNonNull(streams, "registry");
            return this;
        }

        /**
         * Sets the stream of drafts that no rule matches (required); delivery to it is
         * required.
         *
         * @param streamName a name in the registry
         * @return this builder
         */
        public Builder defaultStream(String streamName) {
            this.defaultStream = streamName;
            return this;
        }

        /**
         * Checks the configuration, resolves the streams, and returns the pipeline.
         *
         * @return the pipeline
         * @throws IllegalArgumentException when the name is blank, the registry or default
         *         stream is missing, or the default stream or a stream of a rule is not
         *         registered (the message names the rule and the stream)
         */
        public AuditPipeline build() {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("audit pipeline name must not be blank");
            }
            if (registry == null) {
                throw new IllegalArgumentException("audit pipeline '" + name + "': a registry is required");
            }
            if (defaultStream == null || defaultStream.isBlank()) {
                throw new IllegalArgumentException("audit pipeline '" + name + "': a default stream is required");
            }
            Map<String, AuditStream> streams = new LinkedHashMap<>();
            Set<String> required = new LinkedHashSet<>();
            streams.put(defaultStream, resolve(defaultStream, "the default stream"));
            required.add(defaultStream);
            for (RouteRule rule : policy.rules()) {
                for (String stream : rule.streams()) {
                    streams.put(stream, resolve(stream, "route rule '" + rule.name() + "'"));
                    if (!rule.bestEffort()) {
                        required.add(stream);
                    }
                }
            }
            return new AuditPipeline(this, Collections.unmodifiableMap(streams), Set.copyOf(required));
        }

        private AuditStream resolve(String stream, String user) {
            return registry.find(stream).orElseThrow(() -> new IllegalArgumentException("audit pipeline '" + name
                    + "': " + user + " names stream '" + stream + "', which is not registered (registered: "
                    + String.join(", ", registry.names()) + ")"));
        }
    }
}
