package io.airlog;

/**
 * How the {@link Principal} of an event proved who it is.
 */
public enum AuthMethod {
    /** No authentication: an anonymous caller. */
    NONE,
    /** User name and password (HTTP Basic, a login form). */
    PASSWORD,
    /** A static API key or token. */
    API_KEY,
    /** A client certificate (mutual TLS). */
    CERTIFICATE,
    /** A bearer JSON Web Token. */
    JWT,
    /** OAuth 2.0 (an access token obtained through an OAuth 2.0 flow). */
    OAUTH2,
    /** OpenID Connect. */
    OIDC,
    /** A SAML assertion. */
    SAML,
    /** Kerberos / SPNEGO. */
    KERBEROS,
    /** An existing session (a cookie established by an earlier login). */
    SESSION,
    /** The application itself: a scheduled job, a system task. */
    SYSTEM,
    /** Any other mechanism; describe it in the principal's metadata. */
    OTHER
}
