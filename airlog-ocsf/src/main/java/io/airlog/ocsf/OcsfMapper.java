package io.airlog.ocsf;

import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.ocsf.internal.Activities;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns sealed audit events into OCSF {@value OcsfSchema#VERSION} events.
 *
 * <p><b>Class.</b> Rules added with {@link Builder#rule} are tried in the order added; the
 * first whose action pattern matches decides the class (and the activity, if the rule names
 * one). Then the built-in rule: an action that signs in or out ({@code login}, {@code logon},
 * {@code sign-in}, {@code signIn}, {@code logout}, {@code sign_out}, ...) is
 * {@link OcsfClass#AUTHENTICATION}. Everything else is {@link OcsfClass#API_ACTIVITY}.
 * Without an activity in the rule, the activity comes from the action's words (split at
 * punctuation and camel case): for API Activity and Entity Management, create/add/insert/...
 * is Create, get/read/find/list/... Read, update/edit/set/... Update, delete/remove/...
 * Delete; for Authentication login Logon and logout Logoff; for Account Change create, enable,
 * password change or reset, disable, delete, attach, detach, lock, MFA enable or disable;
 * for Authorize Session privileges, groups or roles. An action with none of these words is
 * Other (99).
 *
 * <p><b>Attributes</b> of every class: {@code class_uid}, {@code category_uid},
 * {@code activity_id}, {@code type_uid} (class_uid × 100 + activity_id) and their names;
 * {@code time} in milliseconds and {@code time_dt} with every nanosecond of the event (the
 * {@code datetime} profile, listed in {@code metadata.profiles}); {@code timezone_offset} 0;
 * {@code severity_id} by outcome ({@link Builder#severity}); {@code status_id} 1 Success for
 * SUCCESS, 2 Failure for FAILURE and DENIED, {@code status}, and {@code status_detail} from
 * the context key {@value #EXCEPTION_KEY} (the exception type the CDI interceptor records;
 * "Access denied" for a DENIED event without one); a {@code message};
 * {@code metadata}: {@code version}, {@code product} ({@link Builder#product}), {@code uid} =
 * event id, {@code correlation_uid}, {@code log_name} = log id, {@code sequence} (when it fits
 * OCSF's 32-bit integer).
 *
 * <p>Per class: the principal becomes an OCSF user (name and uid = subject; type System for
 * {@link AuthMethod#SYSTEM}, Unknown for the anonymous principal, else User; its metadata
 * {@code roles} become groups of type "Role").
 * <ul>
 * <li>API Activity: {@code actor.user}, {@code api.operation} = action, {@code api.service},
 *     {@code resources} = [{type: resource, uid: resource id}] (name = resource when there is
 *     no id), {@code src_endpoint};</li>
 * <li>Authentication: {@code user}, {@code auth_protocol_id} from the auth method (Kerberos,
 *     OpenID for OIDC, SAML, OAuth 2.0; Other with {@code auth_protocol} naming the method for
 *     the rest; Unknown for none), {@code service};</li>
 * <li>Account Change: {@code user} = the account acted on (uid = resource id; the principal
 *     when the event has no resource id), {@code actor.user};</li>
 * <li>Entity Management: {@code entity} = {type: resource, uid: resource id} (name = resource
 *     when there is no id, name = action when the event has no resource at all),
 *     {@code actor.user};</li>
 * <li>Authorize Session: {@code user}, {@code groups} from the roles, {@code privileges} from
 *     the context key {@value #PRIVILEGES_KEY} (a list of strings).</li>
 * </ul>
 * {@code src_endpoint} takes {@code ip} from the context key {@value #CLIENT_IP_KEY} and
 * {@code hostname} from {@value #CLIENT_HOST_KEY}. API Activity requires a source endpoint:
 * when the event has neither key, it is {@code {"name": "unknown"}}. The other classes leave
 * it out then.
 *
 * <p><b>unmapped</b> keeps what OCSF has no place for: {@code unmapped.airlog} holds the exact
 * {@code sequence}, {@code checksum} and {@code previous_checksum} (so a SIEM record can be
 * matched to the verified log), the {@code outcome}, the principal's {@code auth_method}, and
 * its other {@code principal_metadata}; {@code unmapped.context} holds the context entries not
 * used above.
 *
 * <p>Immutable and safe for concurrent use.
 */
public final class OcsfMapper {
    /** The context key whose string value becomes {@code status_detail}. */
    public static final String EXCEPTION_KEY = "exception";
    /** The context key whose string value becomes {@code src_endpoint.ip}. */
    public static final String CLIENT_IP_KEY = "clientIp";
    /** The context key whose string value becomes {@code src_endpoint.hostname}. */
    public static final String CLIENT_HOST_KEY = "clientHost";
    /** The context key whose list of strings becomes {@code privileges} (Authorize Session). */
    public static final String PRIVILEGES_KEY = "privileges";
    /** The principal metadata key whose list of strings becomes the user's groups. */
    public static final String ROLES_KEY = "roles";

    private static final OcsfMapper DEFAULTS = builder().build();
    private static final Map<Integer, String> SEVERITIES = Map.of(0, "Unknown", 1, "Informational", 2, "Low",
            3, "Medium", 4, "High", 5, "Critical", 6, "Fatal", 99, "Other");

    private final List<Rule> rules;
    private final Map<String, Object> product;
    private final String service;
    private final Map<Outcome, Integer> severities;

    private OcsfMapper(Builder builder) {
        List<Rule> all = new ArrayList<>(builder.rules);
        all.add(new Rule("sign-in or sign-out", Activities::isSignInOrOut, OcsfClass.AUTHENTICATION, null));
        this.rules = List.copyOf(all);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", builder.productName);
        p.put("vendor_name", builder.vendorName);
        if (builder.productVersion != null) {
            p.put("version", builder.productVersion);
        }
        this.product = java.util.Collections.unmodifiableMap(p);
        this.service = builder.service != null ? builder.service : builder.productName;
        this.severities = new EnumMap<>(builder.severities);
    }

    /** The mapper with the built-in rules, product "airlog" by vendor "airlog". */
    public static OcsfMapper defaults() {
        return DEFAULTS;
    }

    /** Starts a mapper. */
    public static Builder builder() {
        return new Builder();
    }

    /** The class (and activity, if the rule fixes it) an action maps to. */
    private Rule rule(String action) {
        for (Rule rule : rules) {
            if (rule.matches().test(action)) {
                return rule;
            }
        }
        return new Rule("default", a -> true, OcsfClass.API_ACTIVITY, null);
    }

    /**
     * The OCSF class an event of this action becomes.
     *
     * @param action an audit action
     * @return its class
     */
    public OcsfClass classOf(String action) {
        return rule(action).ocsfClass();
    }

    /**
     * Maps one sealed event.
     *
     * @param event the event
     * @return the OCSF event; {@link OcsfEvent#validate()} says whether it is valid OCSF
     */
    public OcsfEvent map(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        Rule rule = rule(event.action());
        OcsfClass cls = rule.ocsfClass();
        int activity = rule.activity() != null ? rule.activity() : Activities.infer(cls, event.action());
        Map<String, Object> context = new LinkedHashMap<>(event.context());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class_uid", cls.uid());
        out.put("class_name", cls.caption());
        out.put("category_uid", cls.categoryUid());
        out.put("category_name", cls.categoryCaption());
        out.put("activity_id", activity);
        out.put("activity_name", cls.activityCaption(activity));
        out.put("type_uid", cls.uid() * 100L + activity);
        out.put("type_name", cls.caption() + ": " + cls.activityCaption(activity));
        out.put("time", event.timestamp().toEpochMilli());
        out.put("time_dt", DateTimeFormatter.ISO_INSTANT.format(event.timestamp()));
        out.put("timezone_offset", 0);
        int severity = severities.get(event.outcome());
        out.put("severity_id", severity);
        out.put("severity", SEVERITIES.get(severity));
        status(event, context, out);
        out.put("message", message(event));
        Map<String, Object> source = sourceEndpoint(context);
        classAttributes(cls, event, context, source, out);
        out.put("metadata", metadata(event));
        out.put("unmapped", unmapped(event, context));
        return new OcsfEvent(cls, out);
    }

    private static void status(AuditEvent event, Map<String, Object> context, Map<String, Object> out) {
        boolean success = event.outcome() == Outcome.SUCCESS;
        out.put("status_id", success ? 1 : 2);
        out.put("status", success ? "Success" : "Failure");
        if (!success && context.get(EXCEPTION_KEY) instanceof String exception) {
            context.remove(EXCEPTION_KEY);
            out.put("status_detail", exception);
        } else if (event.outcome() == Outcome.DENIED) {
            out.put("status_detail", "Access denied");
        }
    }

    private static String message(AuditEvent event) {
        StringBuilder m = new StringBuilder(event.principal().subject()).append(' ').append(event.action());
        if (event.resource() != null || event.resourceId() != null) {
            m.append(' ').append(event.resource() == null ? "" : event.resource());
            if (event.resourceId() != null) {
                m.append('/').append(event.resourceId());
            }
        }
        return m.append(": ").append(event.outcome()).toString();
    }

    private void classAttributes(OcsfClass cls, AuditEvent event, Map<String, Object> context,
                                 Map<String, Object> source, Map<String, Object> out) {
        Map<String, Object> user = user(event.principal());
        switch (cls) {
            case API_ACTIVITY -> {
                out.put("actor", one("user", user));
                Map<String, Object> api = new LinkedHashMap<>();
                api.put("operation", event.action());
                api.put("service", one("name", service));
                out.put("api", api);
                if (event.resource() != null || event.resourceId() != null) {
                    out.put("resources", List.of(entity(event)));
                }
                out.put("src_endpoint", source != null ? source : one("name", "unknown"));
            }
            case AUTHENTICATION -> {
                out.put("user", user);
                AuthMethod method = event.principal().authMethod();
                int protocol = protocol(method);
                out.put("auth_protocol_id", protocol);
                if (protocol == 99) {
                    out.put("auth_protocol", method.name());
                }
                out.put("service", one("name", service));
                putIfPresent(out, "src_endpoint", source);
            }
            case ACCOUNT_CHANGE -> {
                out.put("user", event.resourceId() != null ? one("uid", event.resourceId()) : user);
                out.put("actor", one("user", user));
                putIfPresent(out, "src_endpoint", source);
            }
            case ENTITY_MANAGEMENT -> {
                Map<String, Object> entity = entity(event);
                out.put("entity", entity.isEmpty() ? one("name", event.action()) : entity);
                out.put("actor", one("user", user));
                putIfPresent(out, "src_endpoint", source);
            }
            case AUTHORIZE_SESSION -> {
                out.put("user", user);
                putIfPresent(out, "groups", user.get("groups"));
                if (context.get(PRIVILEGES_KEY) instanceof List<?> privileges
                        && privileges.stream().allMatch(String.class::isInstance)) {
                    context.remove(PRIVILEGES_KEY);
                    out.put("privileges", privileges);
                }
                putIfPresent(out, "src_endpoint", source);
            }
        }
    }

    /** An ordered JSON object with one member, so that output is the same byte for byte. */
    private static Map<String, Object> one(String key, Object value) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put(key, value);
        return object;
    }

    private static void putIfPresent(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    /** A resource or managed entity: type and uid, or the type as name when there is no id. */
    private static Map<String, Object> entity(AuditEvent event) {
        Map<String, Object> entity = new LinkedHashMap<>();
        if (event.resource() != null) {
            entity.put("type", event.resource());
        }
        if (event.resourceId() != null) {
            entity.put("uid", event.resourceId());
        } else if (event.resource() != null) {
            entity.put("name", event.resource());
        }
        return entity;
    }

    private static Map<String, Object> user(Principal principal) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", principal.subject());
        user.put("uid", principal.subject());
        int type = principal.isAnonymous() ? 0 : principal.authMethod() == AuthMethod.SYSTEM ? 3 : 1;
        user.put("type_id", type);
        user.put("type", type == 0 ? "Unknown" : type == 3 ? "System" : "User");
        if (principal.metadata().get(ROLES_KEY) instanceof List<?> roles && !roles.isEmpty()
                && roles.stream().allMatch(String.class::isInstance)) {
            List<Object> groups = new ArrayList<>();
            for (Object role : roles) {
                Map<String, Object> group = one("name", role);
                group.put("type", "Role");
                groups.add(group);
            }
            user.put("groups", groups);
        }
        return user;
    }

    private static int protocol(AuthMethod method) {
        return switch (method) {
            case NONE -> 0;
            case KERBEROS -> 2;
            case OIDC -> 4;
            case SAML -> 5;
            case OAUTH2 -> 6;
            default -> 99;
        };
    }

    /** The source endpoint from the context, or null; the keys used are removed from {@code context}. */
    private static Map<String, Object> sourceEndpoint(Map<String, Object> context) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        if (context.get(CLIENT_IP_KEY) instanceof String ip) {
            context.remove(CLIENT_IP_KEY);
            endpoint.put("ip", ip);
        }
        if (context.get(CLIENT_HOST_KEY) instanceof String host) {
            context.remove(CLIENT_HOST_KEY);
            endpoint.put("hostname", host);
        }
        return endpoint.isEmpty() ? null : endpoint;
    }

    private Map<String, Object> metadata(AuditEvent event) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("version", OcsfSchema.VERSION);
        metadata.put("product", product);
        metadata.put("profiles", List.of("datetime"));
        metadata.put("uid", event.eventId().toString());
        if (event.correlationId() != null) {
            metadata.put("correlation_uid", event.correlationId());
        }
        metadata.put("log_name", event.logId());
        if (event.sequence() <= Integer.MAX_VALUE) {
            metadata.put("sequence", event.sequence());
        }
        return metadata;
    }

    private static Map<String, Object> unmapped(AuditEvent event, Map<String, Object> context) {
        Map<String, Object> airlog = new LinkedHashMap<>();
        airlog.put("sequence", event.sequence());
        airlog.put("checksum", event.checksum());
        airlog.put("previous_checksum", event.previousChecksum());
        airlog.put("outcome", event.outcome().name());
        airlog.put("auth_method", event.principal().authMethod().name());
        Map<String, Object> metadata = new LinkedHashMap<>(event.principal().metadata());
        if (metadata.get(ROLES_KEY) instanceof List<?> roles && roles.stream().allMatch(String.class::isInstance)) {
            metadata.remove(ROLES_KEY);
        }
        if (!metadata.isEmpty()) {
            airlog.put("principal_metadata", metadata);
        }
        Map<String, Object> unmapped = new LinkedHashMap<>();
        unmapped.put("airlog", airlog);
        if (!context.isEmpty()) {
            unmapped.put("context", context);
        }
        return unmapped;
    }

    /**
     * One class rule.
     *
     * @param description the action pattern, for messages
     * @param matches which actions the rule applies to
     * @param ocsfClass the class
     * @param activity the activity id, or null to infer it from the action
     */
    private record Rule(String description, Predicate<String> matches, OcsfClass ocsfClass, Integer activity) {
    }

    /** Builds an {@link OcsfMapper}. Not thread-safe. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();
        private final Map<Outcome, Integer> severities = new EnumMap<>(Map.of(Outcome.SUCCESS, 1,
                Outcome.FAILURE, 2, Outcome.DENIED, 3));
        private String productName = "airlog";
        private String vendorName = "airlog";
        private String productVersion;
        private String service;

        private Builder() {
        }

        /**
         * Maps actions matching {@code pattern} to {@code ocsfClass}, the activity inferred from
         * the action's words.
         *
         * @param pattern a case-insensitive pattern over the whole action: {@code *} any
         *                characters, {@code ?} one; e.g. {@code "user.*"}, {@code "*Account*"}
         * @param ocsfClass the class
         * @return this builder
         */
        public Builder rule(String pattern, OcsfClass ocsfClass) {
            rules.add(new Rule(pattern, glob(pattern), Objects.requireNonNull(ocsfClass, "ocsfClass"), null));
            return this;
        }

        /**
         * Maps actions matching {@code pattern} to {@code ocsfClass} and activity
         * {@code activityId}.
         *
         * @param pattern as for {@link #rule(String, OcsfClass)}
         * @param ocsfClass the class
         * @param activityId one of the class's activity ids (0, 99, or one it names)
         * @return this builder
         * @throws IllegalArgumentException if the class has no such activity
         */
        public Builder rule(String pattern, OcsfClass ocsfClass, int activityId) {
            Objects.requireNonNull(ocsfClass, "ocsfClass").activityCaption(activityId);
            rules.add(new Rule(pattern, glob(pattern), ocsfClass, activityId));
            return this;
        }

        /**
         * Names the product that logs the events ({@code metadata.product}; default "airlog"
         * by "airlog", no version).
         *
         * @param name product name, e.g. the application's name
         * @param vendor vendor name
         * @param version product version, or null
         * @return this builder
         */
        public Builder product(String name, String vendor, String version) {
            this.productName = requireText("product name", name);
            this.vendorName = requireText("vendor name", vendor);
            this.productVersion = version;
            return this;
        }

        /**
         * Names the service in {@code api.service} and {@code service} (default: the product name).
         *
         * @param name the service name
         * @return this builder
         */
        public Builder service(String name) {
            this.service = requireText("service name", name);
            return this;
        }

        /**
         * Sets the {@code severity_id} of events with {@code outcome} (defaults: SUCCESS 1
         * Informational, FAILURE 2 Low, DENIED 3 Medium).
         *
         * @param outcome the outcome
         * @param severityId 0 to 6 or 99
         * @return this builder
         * @throws IllegalArgumentException if the id is not an OCSF severity
         */
        public Builder severity(Outcome outcome, int severityId) {
            if (!SEVERITIES.containsKey(severityId)) {
                throw new IllegalArgumentException("severity_id " + severityId + " is not one of "
                        + new java.util.TreeSet<>(SEVERITIES.keySet()));
            }
            severities.put(Objects.requireNonNull(outcome, "outcome"), severityId);
            return this;
        }

        /** The mapper. */
        public OcsfMapper build() {
            return new OcsfMapper(this);
        }

        private static String requireText(String what, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }

        private static Predicate<String> glob(String pattern) {
            requireText("action pattern", pattern);
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                switch (c) {
                    case '*' -> regex.append(".*");
                    case '?' -> regex.append('.');
                    default -> regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            Pattern compiled = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
            return action -> compiled.matcher(action).matches();
        }
    }
}
