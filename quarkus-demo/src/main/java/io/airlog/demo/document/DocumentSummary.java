package io.airlog.demo.document;

import java.time.Instant;

/**
 * A document as the listing shows it: without its body, which only an audited read returns.
 *
 * @param id the document id
 * @param title the title
 * @param version 1 when created, incremented by every update
 * @param updatedBy the user who changed it last
 * @param updatedAt when it was changed last
 */
public record DocumentSummary(String id, String title, long version, String updatedBy, Instant updatedAt) {
}
