package io.airlog.demo.document;

import io.airlog.demo.http.JsonBody;
import java.util.Set;

/**
 * The body of a create or update request, {@code {"title": ..., "body": ...}}, as sent.
 * {@link #titleShown()} is what the audit event records; {@link #input()} the checked
 * content, or the request's problem.
 *
 * @param json the body
 */
public record DocumentRequest(JsonBody json) {
    /** The members of the body. */
    public static final Set<String> MEMBERS = Set.of("title", "body");

    /** The title as the audit event records it; null when none could be read. */
    public String titleShown() {
        return json.shown("title");
    }

    /**
     * The checked title and body.
     *
     * @throws io.airlog.demo.http.BadInputException for bad content (400)
     * @throws io.airlog.demo.http.ContentTypeException for a missing or wrong Content-Type (415)
     */
    public DocumentInput input() {
        return DocumentInput.of(json.text("title"), json.text("body"));
    }

    @Override
    public String toString() {
        return "document request '" + titleShown() + "'";
    }
}
