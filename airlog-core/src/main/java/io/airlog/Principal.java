package io.airlog;

import io.airlog.internal.CanonicalMap;
import io.airlog.internal.JsonValues;
import io.airlog.internal.Text;
import java.util.Map;
import java.util.Objects;

/**
 * Who performed an audited action.
 *
 * <p>All three fields are part of the event checksum, metadata included.
 *
 * @param subject the stable identifier of the actor (user name, client id, service name);
 *                non-blank, at most {@link AuditLimits#SUBJECT} UTF-8 bytes
 * @param authMethod how the actor authenticated
 * @param metadata further facts about the actor (roles, tenant, issuer, ...): JSON values
 *                 only, deep-copied and immutable, at most {@link AuditLimits#METADATA}
 *                 bytes as canonical JSON
 */
public record Principal(String subject, AuthMethod authMethod, Map<String, Object> metadata) {
    /** The subject of the anonymous principal. */
    public static final String ANONYMOUS_SUBJECT = "anonymous";

    private static final Principal ANONYMOUS = new Principal(ANONYMOUS_SUBJECT, AuthMethod.NONE, Map.of());

    /** Validates and deep-copies the fields. */
    public Principal {
        Text.requiredNonBlank("principal.subject", subject, AuditLimits.SUBJECT);
        Objects.requireNonNull(authMethod, "principal.authMethod is required");
        metadata = JsonValues.object("principal.metadata", metadata, AuditLimits.METADATA);
    }

    /** A principal without metadata. */
    public static Principal of(String subject, AuthMethod authMethod) {
        return new Principal(subject, authMethod, Map.of());
    }

    /** The principal of calls that nobody authenticated. */
    public static Principal anonymous() {
        return ANONYMOUS;
    }

    /** Whether this is the anonymous principal. */
    public boolean isAnonymous() {
        return authMethod == AuthMethod.NONE && ANONYMOUS_SUBJECT.equals(subject) && metadata.isEmpty();
    }

    /** A copy with other metadata. */
    public Principal withMetadata(Map<String, ?> newMetadata) {
        return new Principal(subject, authMethod, java.util.Collections.unmodifiableMap(newMetadata));
    }

    CanonicalMap canonicalMetadata() {
        return (CanonicalMap) metadata;
    }
}
