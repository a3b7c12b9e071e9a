package io.airlog.demo.document;

import java.util.List;

/**
 * One page of the document listing, newest first.
 *
 * @param total how many documents there are
 * @param offset how many were skipped
 * @param limit the page size asked for
 * @param documents the page
 */
public record DocumentPage(long total, long offset, int limit, List<DocumentSummary> documents) {
}
