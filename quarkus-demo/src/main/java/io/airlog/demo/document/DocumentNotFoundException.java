package io.airlog.demo.document;

/** No document has the requested id. */
public class DocumentNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** For the document with id {@code id}. */
    public DocumentNotFoundException(String id) {
        super("no document with id '" + id + "'");
    }
}
