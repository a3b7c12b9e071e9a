/**
 * The pipeline between the code that records an audit event and the streams that store it:
 * {@linkplain io.airlog.pipeline.AuditMiddleware middleware} on drafts (enrichment,
 * {@linkplain io.airlog.pipeline.Redactor redaction}, drop filters), policy
 * {@linkplain io.airlog.pipeline.RoutingPolicy routing} to named streams, and a
 * {@linkplain io.airlog.pipeline.AuditStreamRegistry registry} of those streams for plain Java.
 *
 * <pre>{@code
 * AuditStreamRegistry streams = new AuditStreamRegistry()
 *         .register(new InMemoryAuditStream("main", "app"))
 *         .register(new InMemoryAuditStream("security", "security"));
 * RoutingPolicy policy = RoutingPolicy.builder()
 *         .rule(RouteRule.named("logins").priority(10)
 *                 .when(d -> d.action().startsWith("login")).require("security", "main"))
 *         .build();
 * AuditStream audit = AuditPipeline.builder("default")
 *         .use(Redactor.defaults())
 *         .use(AuditMiddleware.enrich("host", () -> hostName()))
 *         .routing(policy).registry(streams).defaultStream("main")
 *         .build();
 * AuditEvent stored = audit.record(AuditDraft.builder("login").put("password", pw));
 * // stored.context().get("password") is "[REDACTED]", and stored.verify() is true
 * }</pre>
 */
package io.airlog.pipeline;
