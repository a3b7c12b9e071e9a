package io.airlog.demo.document;

import java.time.Instant;

/**
 * A stored document.
 *
 * @param id the document id (assigned when the document is created)
 * @param title the title
 * @param body the text
 * @param version 1 when created, incremented by every update
 * @param createdBy the user who created it
 * @param createdAt when it was created
 * @param updatedBy the user who changed it last
 * @param updatedAt when it was changed last
 */
public record Document(String id, String title, String body, long version, String createdBy, Instant createdAt,
                       String updatedBy, Instant updatedAt) {
}
