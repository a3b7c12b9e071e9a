/**
 * The audit event model and the stream API: {@link io.airlog.AuditDraft} (what the
 * application records, validated when built), {@link io.airlog.AuditEvent} (a draft sealed
 * into a log: sequence, checksum, link to the event before it), {@link io.airlog.AuditStream}
 * (where events are recorded), {@link io.airlog.AuditLogReader} (querying and replaying a
 * stored log) and the ambient {@link io.airlog.AuditContext}.
 */
package io.airlog;
