package io.airlog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import org.junit.jupiter.api.Test;

class RoutingPolicyTest {
    private static final AuditDraft LOGIN = AuditDraft.builder("login").build();

    @Test
    void rulesAreEvaluatedInPriorityOrderNotInTheOrderAdded() {
        RoutingPolicy policy = RoutingPolicy.builder()
                .rule(RouteRule.named("late").priority(20).route("main"))
                .rule(RouteRule.named("early").priority(10).route("security"))
                .build();

        assertThat(policy.match(LOGIN)).map(RouteRule::name).hasValue("early");
    }

    @Test
    void firstMatchingRuleWinsAmongEqualPriorities() {
        RoutingPolicy policy = RoutingPolicy.builder()
                .rule(RouteRule.named("other").when(d -> d.action().equals("logout")).route("a"))
                .rule(RouteRule.named("first").when(d -> d.action().startsWith("log")).route("b"))
                .rule(RouteRule.named("second").when(d -> d.action().startsWith("log")).route("c"))
                .build();

        assertThat(policy.match(LOGIN)).map(RouteRule::name).hasValue("first");
    }

    @Test
    void rulesAfterTheFirstMatchAreNotEvaluated() {
        RoutingPolicy policy = RoutingPolicy.builder()
                .rule(RouteRule.named("all").priority(1).drop())
                .rule(RouteRule.named("exploding").priority(2).when(d -> {
                    throw new AssertionError("evaluated after a match");
                }).drop())
                .build();

        assertThat(policy.match(LOGIN)).map(RouteRule::name).hasValue("all");
    }

    @Test
    void draftMatchingNoRuleHasNoRoute() {
        RoutingPolicy policy = RoutingPolicy.builder()
                .rule(RouteRule.named("logout").when(d -> d.action().equals("logout")).drop()).build();

        assertThat(policy.match(LOGIN)).isEmpty();
    }

    @Test
    void twoRulesOfTheSameNameAreRejected() {
        RoutingPolicy.Builder builder = RoutingPolicy.builder().rule(RouteRule.named("r").drop());

        assertThatThrownBy(() -> builder.rule(RouteRule.named("r").route("main")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'r'");
    }

    @Test
    void requireRuleCannotBeBestEffort() {
        assertThatThrownBy(() -> new RouteRule("r", 0, d -> true, RouteAction.REQUIRE, java.util.List.of("a"), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'r'").hasMessageContaining("REQUIRE");
    }

    @Test
    void ruleNamingAStreamTwiceIsRejected() {
        RouteRule.Builder builder = RouteRule.named("r");

        assertThatThrownBy(() -> builder.route("main", "main"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'main' twice");
    }

    @Test
    void routingRuleWithoutStreamsIsRejected() {
        RouteRule.Builder builder = RouteRule.named("r");

        assertThatThrownBy(builder::require)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'r' needs at least one stream");
    }
}
