package io.airlog.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.Outcome;
import io.airlog.ocsf.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check against the shipped OCSF 1.9.0 subset rejects what the schema forbids. */
class OcsfSchemaTest {

    /** A valid event of each class as a mutable JSON tree. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> golden(OcsfClass cls) throws IOException {
        return (Map<String, Object>) Json.parse(OcsfGoldenTest.golden(OcsfGoldenTest.name(cls, Outcome.SUCCESS, true)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> member(Map<String, Object> tree, String name) {
        return (Map<String, Object>) tree.get(name);
    }

    @Test
    void shippedSchemaNamesTheVersionItWasTranscribedFrom() {
        assertThat(OcsfSchema.shipped().version()).isEqualTo("1.9.0").isEqualTo(OcsfSchema.VERSION);
    }

    @Test
    void missingRequiredAttributeIsRejectedNamingIt() throws IOException {
        Map<String, Object> event = golden(OcsfClass.API_ACTIVITY);
        event.remove("time");

        OcsfValidation check = OcsfSchema.shipped().validate(event);

        assertThat(check.valid()).isFalse();
        assertThat(check.violations()).containsExactly("missing required attribute time");
    }

    @Test
    void missingRequiredAttributeOfANestedObjectIsRejectedByItsPath() throws IOException {
        Map<String, Object> event = golden(OcsfClass.API_ACTIVITY);
        member(event, "api").remove("operation");
        member(member(event, "metadata"), "product").remove("vendor_name");

        assertThat(OcsfSchema.shipped().validate(event).violations()).containsExactlyInAnyOrder(
                "missing required attribute api.operation", "missing required attribute metadata.product.vendor_name");
    }

    @Test
    void missingRequiredAttributeOfEachClassIsRejected() throws IOException {
        Map<OcsfClass, String> required = Map.of(OcsfClass.API_ACTIVITY, "src_endpoint",
                OcsfClass.AUTHENTICATION, "user", OcsfClass.ACCOUNT_CHANGE, "user",
                OcsfClass.ENTITY_MANAGEMENT, "entity", OcsfClass.AUTHORIZE_SESSION, "user");
        for (Map.Entry<OcsfClass, String> e : required.entrySet()) {
            Map<String, Object> event = golden(e.getKey());
            event.remove(e.getValue());

            assertThat(OcsfSchema.shipped().validate(event).violations()).as(e.getKey().name())
                    .contains("missing required attribute " + e.getValue());
        }
    }

    @Test
    void activityOutsideTheClassEnumIsRejected() throws IOException {
        Map<String, Object> event = golden(OcsfClass.AUTHENTICATION);
        event.put("activity_id", 42);
        event.put("type_uid", 300242);

        assertThat(OcsfSchema.shipped().validate(event).violations()).containsExactly(
                "activity_id is 42, not one of its enum values [0, 1, 2, 3, 4, 5, 6, 7, 99]");
    }

    @Test
    void badEnumValuesOfBaseAttributesAndObjectsAreRejected() throws IOException {
        Map<String, Object> event = golden(OcsfClass.API_ACTIVITY);
        event.put("severity_id", 7);
        event.put("status_id", 3);
        member(member(event, "actor"), "user").put("type_id", 5);

        assertThat(OcsfSchema.shipped().validate(event).violations()).containsExactlyInAnyOrder(
                "severity_id is 7, not one of its enum values [0, 1, 2, 3, 4, 5, 6, 99]",
                "status_id is 3, not one of its enum values [0, 1, 2, 99]",
                "actor.user.type_id is 5, not one of its enum values [0, 1, 2, 3, 4, 99]");
    }

    @Test
    void activityValidInOneClassIsRejectedInAnother() throws IOException {
        Map<String, Object> event = golden(OcsfClass.API_ACTIVITY);
        event.put("activity_id", 9);
        event.put("type_uid", 600309);

        assertThat(OcsfSchema.shipped().validate(event).violations()).singleElement().asString()
                .startsWith("activity_id is 9, not one of its enum values");
    }

    @Test
    void wrongTypesAreRejected() throws IOException {
        Map<String, Object> event = golden(OcsfClass.API_ACTIVITY);
        event.put("time", "2026-11-28T03:22:54Z");
        event.put("time_dt", "yesterday");
        member(event, "metadata").put("sequence", 3_000_000_000L);
        event.put("resources", Map.of("uid", "A-1"));
        event.put("message", 5);

        assertThat(OcsfSchema.shipped().validate(event).violations()).containsExactlyInAnyOrder(
                "time must be timestamp_t, not 2026-11-28T03:22:54Z",
                "time_dt must be datetime_t, not yesterday",
                "metadata.sequence must be integer_t, not 3000000000",
                "resources must be an array of resource_details",
                "message must be string_t, not 5");
    }

    @Test
    void inconsistentCategoryAndTypeUidAreRejected() throws IOException {
        Map<String, Object> event = golden(OcsfClass.ENTITY_MANAGEMENT);
        event.put("category_uid", 6);
        event.put("type_uid", 300499);

        assertThat(OcsfSchema.shipped().validate(event).violations()).containsExactlyInAnyOrder(
                "category_uid is 6 but class 3004 belongs to category 3",
                "type_uid is 300499 but class_uid * 100 + activity_id is 300403");
    }

    @Test
    void unknownClassIsRejected() throws IOException {
        Map<String, Object> event = golden(OcsfClass.API_ACTIVITY);
        event.put("class_uid", 4001);

        assertThat(OcsfSchema.shipped().validate(event).violations()).singleElement().asString()
                .startsWith("class_uid 4001 is not a class of the shipped schema");
    }

    @Test
    void attributeOutsideTheShippedSchemaIsRejected() throws IOException {
        Map<String, Object> event = golden(OcsfClass.API_ACTIVITY);
        event.put("risk_score", 5);
        member(event, "api").put("verb", "POST");

        assertThat(OcsfSchema.shipped().validate(event).violations()).containsExactlyInAnyOrder(
                "attribute risk_score is not defined for api_activity in the shipped OCSF 1.9.0 schema",
                "attribute api.verb is not defined for api in the shipped OCSF 1.9.0 schema");
    }

    @Test
    void unmetAtLeastOneConstraintsAreRejected() throws IOException {
        Map<String, Object> auth = golden(OcsfClass.AUTHENTICATION);
        auth.remove("service");
        Map<String, Object> api = golden(OcsfClass.API_ACTIVITY);
        api.put("src_endpoint", Map.of());

        assertThat(OcsfSchema.shipped().validate(auth).violations()).containsExactly(
                "the event needs at least one of [service, dst_endpoint]");
        assertThat(OcsfSchema.shipped().validate(api).violations()).singleElement().asString()
                .startsWith("src_endpoint needs at least one of [ip, uid, name, hostname");
    }

    @Test
    void profileAttributeWithoutItsProfileIsRejected() throws IOException {
        Map<String, Object> event = golden(OcsfClass.API_ACTIVITY);
        member(event, "metadata").put("profiles", List.of());

        assertThat(OcsfSchema.shipped().validate(event).violations()).containsExactly(
                "time_dt belongs to profile 'datetime', which metadata.profiles does not list");
    }

    @Test
    void missingRecommendedAttributeAndDeprecatedClassAreWarningsOnly() throws IOException {
        Map<String, Object> event = golden(OcsfClass.ACCOUNT_CHANGE);
        event.remove("status_id");

        OcsfValidation check = OcsfSchema.shipped().validate(event);

        assertThat(check.valid()).isTrue();
        assertThat(check.warnings()).contains("missing recommended attribute status_id").anySatisfy(w ->
                assertThat(w).startsWith("class Account Change (3001) is deprecated since 1.9.0"));
    }

    @Test
    void textThatIsNotAJsonObjectIsOneViolation() {
        assertThat(OcsfSchema.shipped().validate("[1, 2]").violations()).containsExactly(
                "an OCSF event must be a JSON object");
        assertThat(OcsfSchema.shipped().validate("{\"class_uid\":").valid()).isFalse();
    }

    @Test
    void everyViolationOfOneEventIsReported() throws IOException {
        Map<String, Object> event = golden(OcsfClass.AUTHORIZE_SESSION);
        List<String> removed = new ArrayList<>(List.of("time", "severity_id", "metadata", "user"));
        removed.forEach(event::remove);

        assertThat(OcsfSchema.shipped().validate(event).violations()).containsExactlyInAnyOrder(
                "missing required attribute time", "missing required attribute severity_id",
                "missing required attribute metadata", "missing required attribute user",
                "time_dt belongs to profile 'datetime', which metadata.profiles does not list");
    }
}
