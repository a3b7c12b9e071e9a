package io.airlog.cdi;

import io.airlog.AuditStream;

/**
 * A CDI event airlog-cdi fires when it has opened a configured stream (at start, for every
 * stream), for code that watches streams, such as airlog-micrometer's meters. Observe it with
 * {@code @Observes AuditStreamOpened}.
 *
 * @param stream the stream's name
 * @param backend the name of its backend
 * @param logId the log its backend writes
 * @param backendStream the backend's own stream (its health, its writer statistics when it
 *                      batches); record through the injected {@code AuditStream}, not this one
 */
public record AuditStreamOpened(String stream, String backend, String logId, AuditStream backendStream) {
}
