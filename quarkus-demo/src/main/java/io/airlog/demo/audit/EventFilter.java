package io.airlog.demo.audit;

import io.airlog.Outcome;
import java.time.Instant;

/**
 * Which events of the log the viewer shows; a null criterion matches every event.
 *
 * @param action the action, exact
 * @param subjectPrefix the start of the principal's subject, compared ignoring case
 * @param outcome the outcome
 * @param resource the resource type, exact
 * @param resourceId the resource id, exact
 * @param correlationId the correlation id, exact
 * @param from the earliest timestamp, inclusive
 * @param to the latest timestamp, exclusive
 */
public record EventFilter(String action, String subjectPrefix, Outcome outcome, String resource, String resourceId,
                          String correlationId, Instant from, Instant to) {
}
