package io.airlog.pipeline;

import io.airlog.AuditDraft;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One rule of a {@link RoutingPolicy}: when {@code condition} holds for a draft, the rule
 * {@linkplain RouteAction drops} it or sends it to named streams.
 *
 * <pre>{@code
 * RouteRule.named("health-probes").priority(1).when(d -> d.action().equals("health")).drop();
 * RouteRule.named("logins").priority(10).when(d -> d.action().startsWith("login")).require("security", "main");
 * RouteRule.named("analytics").priority(20).when(d -> d.resource() != null).routeBestEffort("main", "analytics");
 * }</pre>
 *
 * @param name names the rule in errors and logs; non-blank, unique within a policy
 * @param priority rules with a lower number are evaluated first
 * @param condition which drafts the rule matches; must be safe for concurrent use
 * @param action what the rule does with a matching draft
 * @param streams the destination stream names, in delivery order; empty for {@link RouteAction#DROP}
 * @param bestEffort whether delivery failures of a {@link RouteAction#ROUTE} rule are counted
 *                   and logged instead of failing the call; only for {@code ROUTE}
 */
public record RouteRule(String name, int priority, Predicate<? super AuditDraft> condition, RouteAction action,
                        List<String> streams, boolean bestEffort) {

    /**
     * Checks the rule.
     *
     * @throws IllegalArgumentException naming the rule when the name is blank, a stream name
     *         is blank or repeated, a {@code DROP} rule has streams, a {@code ROUTE} or
     *         {@code REQUIRE} rule has none, or a rule other than {@code ROUTE} is best-effort
     */
    public RouteRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("route rule name must not be blank");
        }
        Objects.requireNonNull(condition, "condition of route rule '" + name + "'");
        Objects.requireNonNull(action, "action of route rule '" + name + "'");
        Objects.requireNonNull(streams, "streams of route rule '" + name + "'");
        Set<String> unique = new LinkedHashSet<>();
        for (String stream : streams) {
            if (stream == null || stream.isBlank()) {
                throw new IllegalArgumentException("route rule '" + name + "' has a blank stream name");
            }
            if (!unique.add(stream)) {
                throw new IllegalArgumentException("route rule '" + name + "' names stream '" + stream + "' twice");
            }
        }
        streams = List.copyOf(unique);
        if (action == RouteAction.DROP && !streams.isEmpty()) {
            throw new IllegalArgumentException("route rule '" + name + "' drops, so it takes no streams");
        }
        if (action != RouteAction.DROP && streams.isEmpty()) {
            throw new IllegalArgumentException("route rule '" + name + "' needs at least one stream to " + action);
        }
        if (bestEffort && action != RouteAction.ROUTE) {
            throw new IllegalArgumentException("route rule '" + name + "': only ROUTE rules can be best-effort, not "
                    + action);
        }
    }

    /**
     * Starts a rule; finish it with {@link Builder#drop()}, {@link Builder#route},
     * {@link Builder#routeBestEffort} or {@link Builder#require}.
     *
     * @param name the rule's name
     * @return the builder
     */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /**
     * Whether this rule matches {@code draft}.
     *
     * @param draft the draft
     * @return the value of the condition
     */
    public boolean matches(AuditDraft draft) {
        return condition.test(draft);
    }

    /** Builds a {@link RouteRule}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private int priority;
        private Predicate<? super AuditDraft> condition = draft -> true;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Sets the priority (default 0); lower numbers are evaluated first.
         *
         * @param value the priority
         * @return this builder
         */
        public Builder priority(int value) {
            this.priority = value;
            return this;
        }

        /**
         * Sets which drafts the rule matches (default: every draft).
         *
         * @param matching the condition; must be safe for concurrent use
         * @return this builder
         */
        public Builder when(Predicate<? super AuditDraft> matching) {
            this.condition = Objects.requireNonNull(matching, "condition of route rule '" + name + "'");
            return this;
        }

        /**
         * A rule that drops matching drafts.
         *
         * @return the rule
         */
        public RouteRule drop() {
            return new RouteRule(name, priority, condition, RouteAction.DROP, List.of(), false);
        }

        /**
         * A rule that records matching drafts in {@code streams}; any delivery failure fails
         * the call.
         *
         * @param streams destination stream names, in delivery order
         * @return the rule
         */
        public RouteRule route(String... streams) {
            return new RouteRule(name, priority, condition, RouteAction.ROUTE, Arrays.asList(streams), false);
        }

        /**
         * A best-effort rule that records matching drafts in {@code streams}: a delivery
         * failure is counted and logged, and the call succeeds if any stream stored the event.
         *
         * @param streams destination stream names, in delivery order
         * @return the rule
         */
        public RouteRule routeBestEffort(String... streams) {
            return new RouteRule(name, priority, condition, RouteAction.ROUTE, Arrays.asList(streams), true);
        }

        /**
         * A rule that requires matching drafts to be recorded in every one of {@code streams}.
         *
         * @param streams destination stream names, in delivery order
         * @return the rule
         */
        public RouteRule require(String... streams) {
            return new RouteRule(name, priority, condition, RouteAction.REQUIRE, Arrays.asList(streams), false);
        }
    }
}
