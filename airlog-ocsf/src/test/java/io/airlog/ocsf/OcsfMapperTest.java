package io.airlog.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.Outcome;
import io.airlog.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OcsfMapperTest {
    private static AuditEvent event(String action) {
        return AuditDraft.builder(action).principal(Principal.of("bob", AuthMethod.PASSWORD)).build()
                .seal("app", 1, Events.PREVIOUS);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> member(Map<String, Object> tree, String name) {
        return (Map<String, Object>) tree.get(name);
    }

    @Test
    void activityComesFromTheWordsOfTheAction() {
        OcsfMapper mapper = OcsfMapper.defaults();

        assertThat(mapper.map(event("createInvoice")).attributes()).containsEntry("activity_id", 1)
                .containsEntry("type_uid", 600301L);
        assertThat(mapper.map(event("document.list")).attributes()).containsEntry("activity_id", 2);
        assertThat(mapper.map(event("SET_LIMIT")).attributes()).containsEntry("activity_id", 3);
        assertThat(mapper.map(event("account-remove")).attributes()).containsEntry("activity_id", 4);
        assertThat(mapper.map(event("approve")).attributes()).containsEntry("activity_id", 99)
                .containsEntry("activity_name", "Other").containsEntry("type_uid", 600399L);
    }

    @Test
    void signInAndSignOutActionsAreAuthenticationByDefault() {
        OcsfMapper mapper = OcsfMapper.defaults();

        for (String logon : List.of("login", "user.logon", "signIn", "sign-in", "log_in")) {
            assertThat(mapper.map(event(logon)).attributes()).as(logon).containsEntry("class_uid", 3002)
                    .containsEntry("activity_id", 1);
        }
        for (String logoff : List.of("logout", "signOut", "sign_out", "session.logoff")) {
            assertThat(mapper.map(event(logoff)).attributes()).as(logoff).containsEntry("class_uid", 3002)
                    .containsEntry("activity_id", 2);
        }
        assertThat(mapper.classOf("blogin.update")).isEqualTo(OcsfClass.API_ACTIVITY);
    }

    @Test
    void firstMatchingRuleWinsAndMayFixTheActivity() {
        OcsfMapper mapper = OcsfMapper.builder()
                .rule("user.unlock", OcsfClass.ACCOUNT_CHANGE, 2)
                .rule("USER.*", OcsfClass.ACCOUNT_CHANGE)
                .rule("*", OcsfClass.ENTITY_MANAGEMENT)
                .build();

        assertThat(mapper.map(event("user.unlock")).attributes()).containsEntry("class_uid", 3001)
                .containsEntry("activity_id", 2).containsEntry("activity_name", "Enable");
        assertThat(mapper.map(event("user.lock")).attributes()).containsEntry("activity_id", 9);
        assertThat(mapper.map(event("login")).attributes()).containsEntry("class_uid", 3004);
    }

    @Test
    void ruleWithAnActivityTheClassLacksIsRejected() {
        assertThatThrownBy(() -> OcsfMapper.builder().rule("x", OcsfClass.AUTHORIZE_SESSION, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Authorize Session (3003) has no activity 4; its activities are 0, [1, 2, 3] and 99");
    }

    @Test
    void timeIsInMillisecondsAndTimeDtKeepsEveryNanosecond() {
        Instant t = Instant.parse("1969-12-31T23:59:59.999999999Z");
        AuditEvent e = AuditDraft.builder("x").timestamp(t).build().seal("app", 1, Events.PREVIOUS);

        Map<String, Object> ocsf = OcsfMapper.defaults().map(e).attributes();

        assertThat(ocsf).containsEntry("time", -1L).containsEntry("time_dt", "1969-12-31T23:59:59.999999999Z");
    }

    @Test
    void sequenceBeyondOcsfIntegerStaysExactInUnmappedOnly() {
        AuditEvent e = AuditDraft.builder("x").build().seal("app", 5_000_000_000L, Events.PREVIOUS);

        OcsfEvent ocsf = OcsfMapper.defaults().map(e);

        assertThat(member(ocsf.attributes(), "metadata")).doesNotContainKey("sequence");
        assertThat(member(member(ocsf.attributes(), "unmapped"), "airlog")).containsEntry("sequence", 5_000_000_000L);
        assertThat(ocsf.validate().violations()).isEmpty();
    }

    @Test
    void severityPerOutcomeCanBeChanged() {
        OcsfMapper mapper = OcsfMapper.builder().severity(Outcome.DENIED, 4).build();

        assertThat(mapper.map(Events.event("x", Outcome.DENIED, true)).attributes()).containsEntry("severity_id", 4)
                .containsEntry("severity", "High");
        assertThatThrownBy(() -> OcsfMapper.builder().severity(Outcome.FAILURE, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("severity_id 7");
    }

    @Test
    void deniedEventWithoutExceptionSaysAccessDenied() {
        AuditEvent e = AuditDraft.builder("x").outcome(Outcome.DENIED).build().seal("app", 1, Events.PREVIOUS);

        assertThat(OcsfMapper.defaults().map(e).attributes()).containsEntry("status_id", 2)
                .containsEntry("status_detail", "Access denied");
    }

    @Test
    void apiActivityWithoutSourceInformationHasAnUnknownSourceEndpointAndStaysValid() {
        OcsfEvent ocsf = OcsfMapper.defaults().map(event("transfer"));

        assertThat(ocsf.attributes()).containsEntry("src_endpoint", Map.of("name", "unknown"));
        assertThat(ocsf.validate().violations()).isEmpty();
    }

    @Test
    void systemAndAnonymousPrincipalsGetTheirUserTypes() {
        AuditEvent system = AuditDraft.builder("purge").principal(Principal.of("scheduler", AuthMethod.SYSTEM))
                .build().seal("app", 1, Events.PREVIOUS);
        AuditEvent anonymous = AuditDraft.builder("view").principal(Principal.anonymous()).build()
                .seal("app", 1, Events.PREVIOUS);

        assertThat(member(member(OcsfMapper.defaults().map(system).attributes(), "actor"), "user"))
                .containsEntry("type_id", 3).containsEntry("type", "System");
        assertThat(member(member(OcsfMapper.defaults().map(anonymous).attributes(), "actor"), "user"))
                .containsEntry("type_id", 0).containsEntry("type", "Unknown");
    }

    @Test
    void authMethodBecomesTheAuthenticationProtocol() {
        Map<AuthMethod, Integer> expected = Map.of(AuthMethod.NONE, 0, AuthMethod.KERBEROS, 2, AuthMethod.OIDC, 4,
                AuthMethod.SAML, 5, AuthMethod.OAUTH2, 6, AuthMethod.CERTIFICATE, 99);
        expected.forEach((method, protocol) -> {
            Principal who = method == AuthMethod.NONE ? Principal.anonymous() : Principal.of("bob", method);
            AuditEvent e = AuditDraft.builder("login").principal(who).build().seal("app", 1, Events.PREVIOUS);

            assertThat(OcsfMapper.defaults().map(e).attributes()).as(method.name())
                    .containsEntry("auth_protocol_id", protocol);
        });
    }

    @Test
    void privilegesFromTheContextAreAssignedInAnAuthorizeSessionEvent() {
        OcsfMapper mapper = OcsfMapper.builder().rule("grant", OcsfClass.AUTHORIZE_SESSION, 1).build();
        AuditEvent e = AuditDraft.builder("grant").principal(Principal.of("bob", AuthMethod.SESSION))
                .put("privileges", List.of("SeDebugPrivilege")).put("ticket", "T-1").build()
                .seal("app", 1, Events.PREVIOUS);

        OcsfEvent ocsf = mapper.map(e);

        assertThat(ocsf.attributes()).containsEntry("privileges", List.of("SeDebugPrivilege"));
        assertThat(member(member(ocsf.attributes(), "unmapped"), "context")).isEqualTo(Map.of("ticket", "T-1"));
        assertThat(ocsf.validate().violations()).isEmpty();
    }

    @Test
    void authorizeSessionWithNeitherRolesNorPrivilegesFailsTheCheck() {
        OcsfMapper mapper = OcsfMapper.builder().rule("grant", OcsfClass.AUTHORIZE_SESSION).build();

        assertThat(mapper.map(event("grant")).validate().violations()).containsExactly(
                "the event needs at least one of [privileges, groups, iam_roles]");
    }

    @Test
    void mappedEventIsTheSameJsonTextEveryTime() {
        AuditEvent e = Events.event("transfer.create", Outcome.SUCCESS, true);

        assertThat(OcsfMapper.defaults().map(e).toJson()).isEqualTo(OcsfMapper.defaults().map(e).toJson());
    }
}
