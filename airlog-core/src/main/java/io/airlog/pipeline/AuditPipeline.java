package io.airlog.pipeline;

import io.airlog.AuditDraft;
import io.airlog.AuditDroppedException;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.AuditOutcomeUnknownException;
import io.airlog.AuditStream;
import io.airlog.Capability;
import io.airlog.RecordResult;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
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
 *         .fanOut("otel", Delivery.BEST_EFFORT)
 *         .build();
 * }</pre>
 *
 * <p><b>Recording.</b> {@link #submit(AuditDraft)} (and {@link #record(AuditDraft)}, which
 * returns the stored event of its result):
 * <ol>
 * <li>runs the middleware in the order of {@link Builder#use}; a middleware returning
 *     {@code null} drops the draft: nothing is stored, no sequence is used, and the drop
 *     is explicit ({@link #submit} returns {@link RecordResult.Dropped} naming the
 *     middleware, {@link #record} throws {@link AuditDroppedException});</li>
 * <li>evaluates the {@link RoutingPolicy} on the transformed draft: the first matching rule
 *     decides; without a match the draft goes to the default stream and then to the
 *     {@linkplain Builder#fanOut fan-out streams};</li>
 * <li>records the draft in each destination stream in order; each stream seals it in its own
 *     log (so the copies share the event id but have their own sequence and checksum);</li>
 * <li>returns the sealed event of the first destination that stored it: the event as stored,
 *     after every middleware.</li>
 * </ol>
 *
 * <p><b>Failures.</b> Every destination is tried even when an earlier one failed. Each
 * destination's delivery is {@linkplain Delivery required or best-effort}: the default stream,
 * the streams of a {@link RouteAction#REQUIRE} rule and of a {@link RouteAction#ROUTE} rule
 * that is not best-effort are required; a fan-out stream is what {@link Builder#fanOut} says;
 * the streams of a best-effort rule are best-effort. Then:
 * <ul>
 * <li>a required destination failed: the call fails with an {@link AuditDeliveryException},
 *     which says which streams did store the event (delivery across streams is not atomic; a
 *     retry may duplicate the event id in those streams); when a required destination cannot
 *     tell whether it stored the event (its write timeout passed while the event was being
 *     stored), the call fails with an {@link AuditOutcomeUnknownException} instead, with the
 *     same message, so that the caller knows to record the same draft again;</li>
 * <li>only best-effort destinations failed: each failure is counted
 *     ({@link PipelineStats#deliveryFailures()}, and {@link #health()}), reported to the
 *     {@linkplain PipelineListener listeners} and logged through {@link System.Logger}
 *     (logger {@code io.airlog.pipeline.AuditPipeline}) at {@code WARNING}; the call returns
 *     the event of the first stream that stored it. When no stream stored it, the event is
 *     counted as {@linkplain PipelineStats#lost() lost} and logged at {@code ERROR}, and the
 *     call reports it as dropped with a reason starting {@code "lost:"} (best effort means
 *     the caller accepted that).</li>
 * </ul>
 * An exception from a middleware or a rule condition fails the call with an
 * {@link AuditException} before any stream is touched. Nothing is ever dropped without being
 * counted.
 *
 * <p><b>Asynchronous recording.</b> {@link #submitAsync} (and {@link #recordAsync}) runs the
 * middleware and the routing on the caller's thread, then hands the draft to every
 * destination's own {@code submitAsync} at once and returns; the stage completes when every
 * destination has answered, with the same result (or the same exception) {@code submit} would
 * give. It is
 * therefore as asynchronous as the destinations are: a stream with
 * {@link Capability#ASYNC} (such as a JDBC stream in async write mode) returns at once, any
 * other stores the event before its {@code recordAsync} returns.
 *
 * <p><b>Configuration errors</b> surface in {@link Builder#build()}, never at record time:
 * a rule, the default stream or a fan-out naming a stream that is not in the registry fails
 * with an {@link IllegalArgumentException} naming the rule and the stream. The pipeline
 * resolves its streams when it is built; streams registered later are not seen.
 *
 * <p><b>Ownership.</b> The pipeline owns none of its streams: {@link #close()} only stops the
 * pipeline from accepting drafts. Close the streams through their
 * {@link AuditStreamRegistry#close() registry} (or whoever created them), after the
 * pipeline.
 *
 * <p>Safe for concurrent use (middleware, conditions and listeners must be too). Each stream
 * orders the events of its own log; two events sent concurrently to two streams may be
 * stored in different orders in each.
 */
public final class AuditPipeline implements AuditStream {
    private static final System.Logger LOG = System.getLogger(AuditPipeline.class.getName());
    private static final Set<Capability> PASSED_THROUGH = EnumSet.of(Capability.DURABLE, Capability.BATCHING,
            Capability.ASYNC);

    private final String name;
    private final List<AuditMiddleware> middleware;
    private final RoutingPolicy policy;
    private final Route defaultRoute;
    private final List<Route> ruleRoutes;
    private final Map<String, AuditStream> streams;
    private final Set<String> requiredStreams;
    private final List<PipelineListener> listeners;
    private final Set<Capability> capabilities;
    private final LongAdder received = new LongAdder();
    private final LongAdder recorded = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder routed = new LongAdder();
    private final LongAdder deliveryFailures = new LongAdder();
    private volatile boolean closed;

    private AuditPipeline(Builder builder, Route defaultRoute, List<Route> ruleRoutes) {
        this.name = builder.name;
        this.middleware = List.copyOf(builder.middleware);
        this.policy = builder.policy;
        this.listeners = List.copyOf(builder.listeners);
        this.defaultRoute = defaultRoute;
        this.ruleRoutes = ruleRoutes;
        Map<String, AuditStream> all = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (Route route : routes(defaultRoute, ruleRoutes)) {
            for (Destination d : route.destinations()) {
                all.put(d.name(), d.stream());
                if (d.delivery() == Delivery.REQUIRED) {
                    required.add(d.name());
                }
            }
        }
        this.streams = Collections.unmodifiableMap(all);
        this.requiredStreams = Set.copyOf(required);
        Set<Capability> common = EnumSet.copyOf(PASSED_THROUGH);
        for (AuditStream stream : streams.values()) {
            common.retainAll(stream.capabilities());
        }
        this.capabilities = Set.copyOf(common);
    }

    private static List<Route> routes(Route first, List<Route> others) {
        List<Route> all = new ArrayList<>(others.size() + 1);
        all.add(first);
        all.addAll(others);
        return all;
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
     * Runs the draft through middleware and routing and records it; the stored event of
     * {@link #submit}.
     *
     * @param draft the draft
     * @return the sealed event as stored by the first destination that stored it, after all
     *         middleware
     * @throws AuditDroppedException when middleware or a {@code DROP} rule dropped the draft,
     *         or no stream of a best-effort route stored it (counted as lost and logged); use
     *         {@link #submit} to get drops as a result
     * @throws AuditDeliveryException when a stream that had to store the event did not
     * @throws AuditOutcomeUnknownException when a stream that had to store the event cannot
     *         tell whether it did
     * @throws AuditException when a middleware or a rule condition failed; nothing was stored
     * @throws IllegalStateException if the pipeline is closed
     */
    @Override
    public AuditEvent record(AuditDraft draft) {
        return submit(draft).orElseThrow();
    }

    /**
     * Runs the draft through middleware and routing and records it (see the
     * {@linkplain AuditPipeline class description}).
     *
     * @param draft the draft
     * @return {@link RecordResult.Stored} with the event as stored by the first destination
     *         that stored it, or {@link RecordResult.Dropped} naming the middleware or rule that
     *         dropped the draft (or saying that no stream of a best-effort route stored it)
     * @throws AuditDeliveryException when a stream that had to store the event did not
     * @throws AuditOutcomeUnknownException when a stream that had to store the event cannot
     *         tell whether it did
     * @throws AuditException when a middleware or a rule condition failed; nothing was stored
     * @throws IllegalStateException if the pipeline is closed
     */
    @Override
    public RecordResult submit(AuditDraft draft) {
        Prepared prepared = prepare(draft);
        if (prepared.dropped() != null) {
            return prepared.dropped();
        }
        AuditDraft current = prepared.draft();
        List<Attempt> attempts = new ArrayList<>(prepared.route().destinations().size());
        for (Destination destination : prepared.route().destinations()) {
            long start = System.nanoTime();
            try {
                attempts.add(new Attempt(destination, destination.stream().submit(current).storedEvent().orElse(null),
                        null, System.nanoTime() - start));
            } catch (RuntimeException e) {
                attempts.add(new Attempt(destination, null, e, System.nanoTime() - start));
            }
        }
        return conclude(current, prepared.route(), attempts);
    }

    /**
     * Runs the draft through middleware and routing on the calling thread, then hands it to
     * each destination's {@code submitAsync} (see the {@linkplain AuditPipeline class
     * description}). The stage completes with what {@link #submit(AuditDraft)} would return,
     * or fails with what it would throw.
     */
    @Override
    public CompletionStage<RecordResult> submitAsync(AuditDraft draft) {
        Prepared prepared;
        try {
            prepared = prepare(draft);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (prepared.dropped() != null) {
            return CompletableFuture.completedFuture(prepared.dropped());
        }
        AuditDraft current = prepared.draft();
        List<CompletableFuture<Attempt>> pending = new ArrayList<>(prepared.route().destinations().size());
        for (Destination destination : prepared.route().destinations()) {
            long start = System.nanoTime();
            CompletionStage<RecordResult> stage;
            try {
                stage = destination.stream().submitAsync(current);
            } catch (RuntimeException e) {
                stage = CompletableFuture.failedFuture(e);
            }
            pending.add(stage.toCompletableFuture().handle((result, error) -> new Attempt(destination,
                    error == null ? result.storedEvent().orElse(null) : null,
                    error == null ? null : unwrap(error), System.nanoTime() - start)));
        }
        CompletableFuture<RecordResult> result = new CompletableFuture<>();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).whenComplete((done, never) -> {
            List<Attempt> attempts = new ArrayList<>(pending.size());
            for (CompletableFuture<Attempt> attempt : pending) {
                attempts.add(attempt.join());
            }
            try {
                result.complete(conclude(current, prepared.route(), attempts));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * {@link #submitAsync} with the stored event: the stage fails with
     * {@link AuditDroppedException} when the draft was dropped, and otherwise as
     * {@code submitAsync} does.
     */
    @Override
    public CompletionStage<AuditEvent> recordAsync(AuditDraft draft) {
        CompletableFuture<AuditEvent> event = new CompletableFuture<>();
        submitAsync(draft).whenComplete((result, error) -> {
            if (error != null) {
                event.completeExceptionally(unwrap(error));
            } else if (result instanceof RecordResult.Stored stored) {
                event.complete(stored.event());
            } else {
                event.completeExceptionally(new AuditDroppedException((RecordResult.Dropped) result));
            }
        });
        return event;
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof RuntimeException runtime ? runtime
                : new AuditException("the stream failed: " + cause, cause);
    }

    /** Counts the draft, runs the middleware and routes it; a drop is the result's {@code dropped}. */
    private Prepared prepare(AuditDraft draft) {
        Objects.requireNonNull(draft, "draft");
        if (closed) {
            throw new IllegalStateException("audit pipeline '" + name + "' is closed");
        }
        received.increment();
        AuditDraft current = draft;
        for (int i = 0; i < middleware.size(); i++) {
            current = applyMiddleware(i, current);
            if (current == null) {
                return Prepared.dropped(drop(draft, "middleware #" + (i + 1) + " ("
                        + middleware.get(i).getClass().getName() + ") of audit pipeline '" + name + "' dropped it"));
            }
        }
        return route(current);
    }

    private RecordResult.Dropped drop(AuditDraft draft, String reason) {
        dropped.increment();
        for (PipelineListener listener : listeners) {
            notify(listener, l -> l.dropped(name, draft));
        }
        return new RecordResult.Dropped(draft.eventId(), reason);
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

    /** The route of a transformed draft, or its drop by a DROP rule. */
    private Prepared route(AuditDraft draft) {
        List<RouteRule> rules = policy.rules();
        for (int i = 0; i < rules.size(); i++) {
            RouteRule rule = rules.get(i);
            boolean matches;
            try {
                matches = rule.matches(draft);
            } catch (RuntimeException e) {
                failed.increment();
                throw new AuditException("audit pipeline '" + name + "': the condition of route rule '" + rule.name()
                        + "' failed on event " + draft.eventId() + ": " + e.getMessage(), e);
            }
            if (matches) {
                if (rule.action() == RouteAction.DROP) {
                    return Prepared.dropped(drop(draft, "route rule '" + rule.name() + "' of audit pipeline '"
                            + name + "' drops it"));
                }
                routed.increment();
                return new Prepared(draft, ruleRoutes.get(i), null);
            }
        }
        return new Prepared(draft, defaultRoute, null);
    }

    private RecordResult conclude(AuditDraft draft, Route route, List<Attempt> attempts) {
        if (attempts.size() == 1 && attempts.get(0).error() == null && attempts.get(0).event() != null) {
            return stored(attempts.get(0)); // the common case, without the bookkeeping of several destinations
        }
        Map<String, AuditEvent> delivered = new LinkedHashMap<>();
        Map<String, RuntimeException> failures = new LinkedHashMap<>();
        boolean requiredFailed = false;
        for (Attempt attempt : attempts) {
            Destination d = attempt.destination();
            if (attempt.error() != null) {
                deliveryFailures.increment();
                failures.put(d.name(), attempt.error());
                requiredFailed |= d.delivery() == Delivery.REQUIRED;
                for (PipelineListener listener : listeners) {
                    notify(listener, l -> l.failed(d.name(), draft, d.delivery(), attempt.error(), attempt.nanos()));
                }
            } else if (attempt.event() != null) {
                delivered.put(d.name(), attempt.event());
                notifyStored(attempt);
            }
        }
        if (requiredFailed) {
            failed.increment();
            AuditOutcomeUnknownException unknown = requiredUnknown(route, failures);
            String message = "audit pipeline '" + name + "' could not deliver event " + draft.eventId() + " ("
                    + route.description() + ") to " + failures.keySet() + "; stored in " + delivered.keySet() + ": "
                    + (unknown != null ? unknown : failures.values().iterator().next()).getMessage();
            if (unknown != null) {
                AuditOutcomeUnknownException thrown = new AuditOutcomeUnknownException(message, draft.eventId(),
                        unknown);
                failures.values().stream().filter(e -> e != unknown).forEach(thrown::addSuppressed);
                throw thrown;
            }
            throw new AuditDeliveryException(message, delivered, failures);
        }
        failures.forEach((destination, e) -> LOG.log(Level.WARNING, () -> "audit pipeline '" + name
                + "': best-effort delivery (" + route.description() + ") of event " + draft.eventId()
                + " to stream '" + destination + "' failed; counted in failed deliveries", e));
        if (delivered.isEmpty()) {
            if (failures.isEmpty()) {
                return drop(draft, "every stream of " + route.description() + " of audit pipeline '" + name
                        + "' dropped it");
            }
            lost.increment();
            LOG.log(Level.ERROR, () -> "audit pipeline '" + name + "': event " + draft.eventId() + " (action '"
                    + draft.action() + "') was stored in no best-effort stream of " + route.description() + " "
                    + failures.keySet() + " and is lost");
            return new RecordResult.Dropped(draft.eventId(), "lost: no best-effort stream of "
                    + route.description() + " of audit pipeline '" + name + "' stored it " + failures.keySet());
        }
        recorded.increment();
        return new RecordResult.Stored(delivered.values().iterator().next());
    }

    /** The first failure of a required destination that does not know whether it stored the event, or null. */
    private static AuditOutcomeUnknownException requiredUnknown(Route route, Map<String, RuntimeException> failures) {
        for (Destination d : route.destinations()) {
            if (d.delivery() == Delivery.REQUIRED && failures.get(d.name()) instanceof AuditOutcomeUnknownException u) {
                return u;
            }
        }
        return null;
    }

    private RecordResult stored(Attempt attempt) {
        notifyStored(attempt);
        recorded.increment();
        return new RecordResult.Stored(attempt.event());
    }

    private void notifyStored(Attempt attempt) {
        for (PipelineListener listener : listeners) {
            notify(listener, l -> l.stored(attempt.destination().name(), attempt.event(), attempt.nanos()));
        }
    }

    private void notify(PipelineListener listener, java.util.function.Consumer<PipelineListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "audit pipeline '" + name + "': listener " + listener.getClass().getName()
                    + " failed; the event is unaffected", e);
        }
    }

    /**
     * Only what holds for every event whatever its route: {@link Capability#DURABLE},
     * {@link Capability#BATCHING} and {@link Capability#ASYNC} when every destination stream
     * declares them. Never {@code QUERY}: a pipeline is no reader; query its streams.
     */
    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /**
     * The pipeline's counts and its streams' state: {@code DOWN} while the pipeline is closed
     * or a stream it must deliver to (the {@linkplain Delivery#REQUIRED required} destinations
     * of any route) is down; {@code DEGRADED} while a {@linkplain Delivery#BEST_EFFORT
     * best-effort} stream is down (its events are lost without failing calls) or a stream is
     * degraded; {@code UP} otherwise; {@code recorded} as in {@link PipelineStats#recorded()};
     * {@code failed} counts failed calls and {@linkplain PipelineStats#lost() lost} events;
     * {@code queued} sums the streams' queues. The detail is never empty: it names every
     * stream that is down, gives the detail of the others that have one, and then the other
     * counts (received, dropped, routed by rule, failed calls, lost, failed deliveries), which
     * {@link #stats()} returns as numbers.
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
            } else if (!health.detail().isEmpty()) {
                detail.append("stream '").append(entry.getKey()).append("': ").append(health.detail()).append("; ");
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
     * The streams this pipeline delivers to, by name, in the order they are first named (the
     * default stream first).
     */
    public Map<String, AuditStream> streams() {
        return streams;
    }

    /**
     * Stops accepting drafts; later {@code record} and {@code submit} calls fail with
     * {@link IllegalStateException}. Closes none of the streams: the pipeline does not own
     * them. Closing twice is harmless.
     */
    @Override
    public void close() {
        closed = true;
    }

    /** Where a route delivers: a stream and whether it must store the event. */
    private record Destination(String name, AuditStream stream, Delivery delivery) {
    }

    /** The destinations of the default route or of one rule. */
    private record Route(String description, List<Destination> destinations) {
    }

    /** A draft after middleware and routing: its route, or why it was dropped. */
    private record Prepared(AuditDraft draft, Route route, RecordResult.Dropped dropped) {
        static Prepared dropped(RecordResult.Dropped dropped) {
            return new Prepared(null, null, dropped);
        }
    }

    /** What one destination did with a draft: stored it (event, or null when it declined) or failed. */
    private record Attempt(Destination destination, AuditEvent event, RuntimeException error, long nanos) {
    }

    /** Builds an {@link AuditPipeline}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<AuditMiddleware> middleware = new ArrayList<>();
        private final Map<String, Delivery> fanOut = new LinkedHashMap<>();
        private final List<PipelineListener> listeners = new ArrayList<>();
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
         * Also delivers every draft that no rule matches to {@code streamName}, after the
         * default stream and the fan-out streams added before it.
         *
         * @param streamName a name in the registry, other than the default stream
         * @param delivery whether a failure of this stream fails the call
         * @return this builder
         * @throws IllegalArgumentException if the stream was added as a fan-out before
         */
        public Builder fanOut(String streamName, Delivery delivery) {
            Objects.requireNonNull(streamName, "fan-out stream name");
            Objects.requireNonNull(delivery, "delivery");
            if (fanOut.putIfAbsent(streamName, delivery) != null) {
                throw new IllegalArgumentException("audit pipeline '" + name + "': stream '" + streamName
                        + "' is a fan-out stream already");
            }
            return this;
        }

        /**
         * Adds a listener, told of every delivery, failure and drop.
         *
         * @param listener the listener; quick, non-blocking, safe for concurrent use
         * @return this builder
         */
        public Builder listener(PipelineListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Checks the configuration, resolves the streams, and returns the pipeline.
         *
         * @return the pipeline
         * @throws IllegalArgumentException when the name is blank, the registry or default
         *         stream is missing, the default stream is also a fan-out stream, or the
         *         default stream, a fan-out stream or a stream of a rule is not registered
         *         (the message names the rule and the stream)
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
            if (fanOut.containsKey(defaultStream)) {
                throw new IllegalArgumentException("audit pipeline '" + name + "': the default stream '"
                        + defaultStream + "' cannot also be a fan-out stream");
            }
            List<Destination> defaults = new ArrayList<>();
            defaults.add(new Destination(defaultStream, resolve(defaultStream, "the default stream"), Delivery.REQUIRED));
            fanOut.forEach((stream, delivery) -> defaults.add(new Destination(stream,
                    resolve(stream, "a fan-out"), delivery)));
            List<Route> rules = new ArrayList<>();
            for (RouteRule rule : policy.rules()) {
                List<Destination> destinations = new ArrayList<>();
                for (String stream : rule.streams()) {
                    destinations.add(new Destination(stream, resolve(stream, "route rule '" + rule.name() + "'"),
                            rule.bestEffort() ? Delivery.BEST_EFFORT : Delivery.REQUIRED));
                }
                rules.add(new Route("route rule '" + rule.name() + "'", List.copyOf(destinations)));
            }
            return new AuditPipeline(this, new Route(fanOut.isEmpty() ? "the default stream"
                    : "the default stream and its fan-out", List.copyOf(defaults)), List.copyOf(rules));
        }

        private AuditStream resolve(String stream, String user) {
            return registry.find(stream).orElseThrow(() -> new IllegalArgumentException("audit pipeline '" + name
                    + "': " + user + " names stream '" + stream + "', which is not registered (registered: "
                    + String.join(", ", registry.names()) + ")"));
        }
    }
}
