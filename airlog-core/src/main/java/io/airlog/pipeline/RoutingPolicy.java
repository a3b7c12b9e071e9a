package io.airlog.pipeline;

import io.airlog.AuditDraft;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Ordered routing rules. For each draft the rules are evaluated in ascending
 * {@linkplain RouteRule#priority() priority} (rules of equal priority in the order they were
 * added), and the first rule whose condition holds decides; later rules are not evaluated.
 * When no rule matches, the {@link AuditPipeline} records the draft in its default stream.
 *
 * <p>Stream names are checked against a registry when a pipeline is built with the policy,
 * never at record time. Immutable and safe for concurrent use.
 */
public final class RoutingPolicy {
    private static final RoutingPolicy NONE = new RoutingPolicy(List.of());

    private final List<RouteRule> rules;

    private RoutingPolicy(List<RouteRule> rules) {
        this.rules = rules;
    }

    /** The policy without rules: everything goes to the default stream. */
    public static RoutingPolicy none() {
        return NONE;
    }

    /** Starts a policy. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rules in evaluation order. */
    public List<RouteRule> rules() {
        return rules;
    }

    /**
     * The first rule, in evaluation order, that matches {@code draft}.
     *
     * @param draft the draft
     * @return the deciding rule, or empty when the draft goes to the default stream
     */
    public Optional<RouteRule> match(AuditDraft draft) {
        for (RouteRule rule : rules) {
            if (rule.matches(draft)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Builds a {@link RoutingPolicy}. Not thread-safe. */
    public static final class Builder {
        private final List<RouteRule> rules = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        private Builder() {
        }

        /**
         * Adds a rule.
         *
         * @param rule the rule
         * @return this builder
         * @throws IllegalArgumentException if a rule of the same name was added
         */
        public Builder rule(RouteRule rule) {
            Objects.requireNonNull(rule, "rule");
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("routing policy has two rules named '" + rule.name() + "'");
            }
            rules.add(rule);
            return this;
        }

        /**
         * Returns the policy, its rules sorted by priority (stable).
         *
         * @return the policy
         */
        public RoutingPolicy build() {
            List<RouteRule> sorted = new ArrayList<>(rules);
            sorted.sort(Comparator.comparingInt(RouteRule::priority));
            return new RoutingPolicy(List.copyOf(sorted));
        }
    }
}
