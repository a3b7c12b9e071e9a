/**
 * Audit events as OCSF {@value io.airlog.ocsf.OcsfSchema#VERSION} events for SIEMs: the
 * {@linkplain io.airlog.ocsf.OcsfMapper mapping} (API Activity, Authentication, Account
 * Change, Entity Management, Authorize Session), the {@linkplain io.airlog.ocsf.OcsfSchema
 * check} against a schema subset shipped with this module (no network), a
 * {@linkplain io.airlog.ocsf.OcsfJsonLinesWriter JSON-lines writer} for sealed events, and a
 * {@linkplain io.airlog.ocsf.OcsfJsonLinesStream stream} that stores a log as OCSF lines.
 *
 * <pre>{@code
 * OcsfMapper mapper = OcsfMapper.builder()
 *         .product("accounts", "Example Bank", "2.3.0")
 *         .rule("user.*", OcsfClass.ACCOUNT_CHANGE)
 *         .rule("role.grant", OcsfClass.AUTHORIZE_SESSION, 3)
 *         .build();
 * OcsfEvent ocsf = mapper.map(event);            // class, activity, type_uid, time, status, ...
 * OcsfValidation check = ocsf.validate();        // against the shipped OCSF 1.9.0 subset
 * String line = ocsf.toJson();
 * }</pre>
 */
package io.airlog.ocsf;
