package io.airlog.demo.security;

import io.airlog.AuthMethod;
import io.airlog.Principal;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The demo's users as airlog principals: subject = user name, auth method
 * {@link AuthMethod#PASSWORD} (every way in starts from the user's password), metadata
 * {@code roles} (sorted) and {@code via} ({@code session}: the browser session opened by the
 * sign-in form; {@code basic}: HTTP Basic credentials on the request).
 */
public final class DemoPrincipals {
    /** The identity attribute that holds how the user came in. */
    public static final String VIA = "airlog-demo.via";
    /** Signed in through the sign-in form; the request carries the session cookie. */
    public static final String SESSION = "session";
    /** The request carries HTTP Basic credentials. */
    public static final String BASIC = "basic";

    private DemoPrincipals() {
    }

    /** The identity with how the user came in attached. */
    static SecurityIdentity tagged(SecurityIdentity identity, String via) {
        return QuarkusSecurityIdentity.builder(identity).addAttribute(VIA, via).build();
    }

    /** The principal of an identity that came in {@code via} a session or Basic credentials. */
    static Principal of(SecurityIdentity identity, String via) {
        return new Principal(identity.getPrincipal().getName(), AuthMethod.PASSWORD,
                Map.of("roles", List.copyOf(new TreeSet<>(identity.getRoles())), "via", via));
    }
}
