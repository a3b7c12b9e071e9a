package io.airlog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuthMethod;
import io.airlog.ChainPosition;
import io.airlog.Principal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final String M = Redactor.MARKER;
    private final Redactor defaults = Redactor.defaults();

    private static AuditDraft draft(String key, Object value) {
        return AuditDraft.builder("test").put(key, value).build();
    }

    private Object redacted(String text) {
        return defaults.apply(draft("note", text)).context().get("note");
    }

    @Test
    void keyRuleMasksTheWholeValueIgnoringCaseAndSeparators() {
        Redactor redactor = Redactor.builder().key("api_key").build();
        AuditDraft draft = AuditDraft.builder("test").put("API-Key", "k1").put("apiKey", Map.of("id", 7))
                .put("apikey", List.of("a")).put("apikeys", "kept").build();

        assertThat(redactor.apply(draft).context())
                .isEqualTo(Map.of("API-Key", M, "apiKey", M, "apikey", M, "apikeys", "kept"));
    }

    @Test
    void keyFragmentRuleMasksKeysContainingIt() {
        AuditDraft draft = AuditDraft.builder("test").put("dbPassword", "p").put("refresh_token", "t")
                .put("client-secret", "s").put("Authorization", "Basic dXNlcjpwYXNz").put("user", "bob").build();

        assertThat(defaults.apply(draft).context()).isEqualTo(Map.of("dbPassword", M, "refresh_token", M,
                "client-secret", M, "Authorization", M, "user", "bob"));
    }

    @Test
    void keyRuleReachesMapsNestedInMapsAndLists() {
        Map<String, Object> request = Map.of("login", Map.of("user", "bob", "password", "hunter2"),
                "attempts", List.of(Map.of("pin", "1234", "ok", false)));
        Redactor redactor = Redactor.builder().key("password", "pin").build();

        assertThat(redactor.apply(draft("request", request)).context().get("request")).isEqualTo(Map.of(
                "login", Map.of("user", "bob", "password", M),
                "attempts", List.of(Map.of("pin", M, "ok", false))));
    }

    @Test
    void patternRedactionReachesStringsInsideLists() {
        AuditDraft draft = draft("recipients", List.of("ops", List.of("alice@example.com", "cc: bob@example.org")));

        assertThat(defaults.apply(draft).context().get("recipients"))
                .isEqualTo(List.of("ops", List.of(M, "cc: " + M)));
    }

    @Test
    void principalMetadataIsRedactedAtAnyDepth() {
        Principal principal = new Principal("bob", AuthMethod.JWT,
                Map.of("token", "abc", "claims", Map.of("email", "bob@example.com", "roles", List.of("admin"))));
        AuditDraft draft = AuditDraft.builder("test").principal(principal).build();

        assertThat(defaults.apply(draft).principal()).isEqualTo(new Principal("bob", AuthMethod.JWT,
                Map.of("token", M, "claims", Map.of("email", M, "roles", List.of("admin")))));
    }

    @Test
    void redactedDraftSealsIntoAnEventThatVerifies() {
        AuditDraft draft = AuditDraft.builder("test").put("card", "4111 1111 1111 1111")
                .principal(new Principal("bob", AuthMethod.PASSWORD, Map.of("password", "x"))).build();

        assertThat(defaults.apply(draft).seal("log", 1, ChainPosition.GENESIS).verify()).isTrue();
    }

    @Test
    void draftWithNothingToRedactIsReturnedAsIs() {
        AuditDraft draft = AuditDraft.builder("test").put("user", "bob").put("items", List.of(1, "two")).build();

        assertThat(defaults.apply(draft)).isSameAs(draft);
    }

    @Test
    void cardNumberThatPassesTheLuhnCheckIsMasked() {
        assertThat(redacted("paid with 4111 1111 1111 1111 today")).isEqualTo("paid with " + M + " today");
        assertThat(redacted("5500-0000-0000-0004")).isEqualTo(M);
        assertThat(redacted("amex 378282246310005")).isEqualTo("amex " + M);
    }

    @Test
    void orderNumberThatFailsTheLuhnCheckIsNotMasked() {
        assertThat(redacted("order 1234567890123456 shipped")).isEqualTo("order 1234567890123456 shipped");
        assertThat(redacted("4111 1111 1111 1112")).isEqualTo("4111 1111 1111 1112");
    }

    @Test
    void cardNumberInsideALongerDigitRunIsNotMasked() {
        assertThat(redacted("4111-1111-1111-1111-2222")).isEqualTo("4111-1111-1111-1111-2222");
        assertThat(redacted("41111111111111112222")).isEqualTo("41111111111111112222");
    }

    @Test
    void digitsOfADecimalAreNotTakenForACardNumber() {
        assertThat(redacted("ratio 0.4111111111111111")).isEqualTo("ratio 0.4111111111111111");
    }

    @Test
    void numbersAreNotScannedForCardNumbers() {
        assertThat(defaults.apply(draft("amount", 4111111111111111L)).context().get("amount"))
                .isEqualTo(4111111111111111L);
    }

    @Test
    void emailAddressInsideTextIsMasked() {
        assertThat(redacted("reset sent to jane.doe+shop@mail.example.co.uk, done"))
                .isEqualTo("reset sent to " + M + ", done");
    }

    @Test
    void longDottedTextIsScannedWithoutOverflowingTheStack() {
        String text = "x@" + "a.".repeat(30_000) + "!";

        assertThat(redacted(text)).isEqualTo(text);
    }

    @Test
    void usSocialSecurityNumberIsMasked() {
        assertThat(redacted("ssn 123-45-6789")).isEqualTo("ssn " + M);
    }

    @Test
    void impossibleSocialSecurityNumbersAreNotMasked() {
        assertThat(redacted("000-12-3456 666-12-3456 900-12-3456 123-00-4567 123-45-0000"))
                .isEqualTo("000-12-3456 666-12-3456 900-12-3456 123-00-4567 123-45-0000");
    }

    @Test
    void ukNationalInsuranceNumberIsMasked() {
        assertThat(redacted("NI AB 12 34 56 C / AB123456D")).isEqualTo("NI " + M + " / " + M);
    }

    @Test
    void jsonWebTokenIsMasked() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

        assertThat(redacted("got " + jwt + " from idp")).isEqualTo("got " + M + " from idp");
    }

    @Test
    void bearerTokenIsMaskedKeepingTheScheme() {
        assertThat(redacted("Bearer 8f14e45fceea167a5a36dedd4bea2543")).isEqualTo("Bearer " + M);
        assertThat(redacted("bearer bonds")).isEqualTo("bearer bonds");
    }

    @Test
    void inlineKeyValueSecretsInFreeTextAreMaskedKeepingTheKeys() {
        assertThat(redacted("password=hunter2 and token=xyz")).isEqualTo("password=" + M + " and token=" + M);
    }

    @Test
    void inlineSecretKeysMayCarryPrefixesColonsSpacesAndQuotedValues() {
        assertThat(redacted("db_password: 's3 cr3t', apiKey = \"abc def\"; access_token=q&x=1"))
                .isEqualTo("db_password: " + M + ", apiKey = " + M + "; access_token=" + M + "&x=1");
    }

    @Test
    void inlineAuthorizationHeaderLosesSchemeAndToken() {
        assertThat(redacted("sent Authorization: Bearer abc to the api")).isEqualTo("sent Authorization: " + M
                + " to the api");
    }

    @Test
    void wordsThatOnlyContainASecretKeyWithoutAValueStay() {
        assertThat(redacted("the password was changed; tokenization=on")).isEqualTo(
                "the password was changed; tokenization=" + M);
        assertThat(redacted("passwordless login")).isEqualTo("passwordless login");
    }

    @Test
    void secretAfterALongWordRunIsStillMasked() {
        String text = "a".repeat(200_000) + " password=x";

        assertThat(Redactor.defaults().redactText(text)).isEqualTo("a".repeat(200_000) + " password=" + M);
    }

    @Test
    void pemPrivateKeyBlockIsMasked() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";

        assertThat(redacted("key:\n" + pem + "\nend")).isEqualTo("key:\n" + M + "\nend");
    }

    @Test
    void replacementTemplateCanKeepPartOfTheMatch() {
        Redactor redactor = Redactor.builder()
                .pattern(Pattern.compile("\\b\\d{6}(\\d{4})\\b"), "******$1").build();

        assertThat(redactor.apply(draft("account", "acct 1234567890")).context().get("account"))
                .isEqualTo("acct ******7890");
    }

    @Test
    void replacementTemplateNamingAMissingGroupFailsWhenConfigured() {
        Redactor.Builder builder = Redactor.builder();
        Pattern noGroups = Pattern.compile("\\d+");

        assertThatThrownBy(() -> builder.pattern(noGroups, "#$1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#$1");
    }

    @Test
    void conditionalPatternMasksOnlyMatchesThatPassTheCondition() {
        Redactor redactor = Redactor.builder().pattern(Pattern.compile("[A-Z]{2}\\d+"), s -> s.startsWith("DE")).build();

        assertThat(redactor.apply(draft("ids", "DE123 FR456")).context().get("ids")).isEqualTo(M + " FR456");
    }

    @Test
    void markerCanBeChanged() {
        Redactor redactor = Redactor.builder().marker("***").key("pin").emailAddresses().build();
        AuditDraft draft = AuditDraft.builder("test").put("pin", 1234).put("to", "a@b.example").build();

        assertThat(redactor.apply(draft).context()).isEqualTo(Map.of("pin", "***", "to", "***"));
    }

    @Test
    void keyRuleWithoutLetterOrDigitIsRejected() {
        assertThatThrownBy(() -> Redactor.builder().key("_-_"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'_-_'");
    }
}
