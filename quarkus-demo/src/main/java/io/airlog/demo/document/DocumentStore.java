package io.airlog.demo.document;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The documents, in table {@value #TABLE} of the application's data source (plain JDBC; the
 * SQL works on H2 and PostgreSQL). The table is created at start when it does not exist.
 */
@ApplicationScoped
public class DocumentStore {
    /** The table name. */
    public static final String TABLE = "demo_document";

    private static final String COLUMNS = "id, title, body, version, created_by, created_at, updated_by, updated_at";

    @Inject
    DataSource dataSource;

    void createTable(@Observes StartupEvent event) {
        run("create table " + TABLE, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                        + "id VARCHAR(32) NOT NULL PRIMARY KEY, "
                        + "title VARCHAR(" + DocumentInput.MAX_TITLE + ") NOT NULL, "
                        + "body VARCHAR(" + DocumentInput.MAX_BODY + ") NOT NULL, "
                        + "version BIGINT NOT NULL, "
                        + "created_by VARCHAR(128) NOT NULL, "
                        + "created_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "updated_by VARCHAR(128) NOT NULL, "
                        + "updated_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_created_idx ON " + TABLE + " (created_at, id)");
            }
            return null;
        });
    }

    /** Stores a new document (version 1) and returns it. */
    public Document insert(String id, DocumentInput input, String user) {
        Instant now = Instant.now();
        return run("insert document " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
                    + ") VALUES (?, ?, ?, 1, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, input.title());
                ps.setString(3, input.body());
                ps.setString(4, user);
                ps.setObject(5, utc(now));
                ps.setString(6, user);
                ps.setObject(7, utc(now));
                ps.executeUpdate();
            }
            return new Document(id, input.title(), input.body(), 1, user, now, user, now);
        });
    }

    /** The document with this id, if there is one. */
    public Optional<Document> find(String id) {
        return run("read document " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(document(rs)) : Optional.<Document>empty();
                }
            }
        });
    }

    /** How many documents there are. */
    public long count() {
        return run("count documents", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + TABLE);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** One page of documents, newest first, without their bodies. */
    public List<DocumentSummary> list(long offset, int limit) {
        return run("list documents", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, version, updated_by, updated_at FROM "
                    + TABLE + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setLong(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    List<DocumentSummary> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new DocumentSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                    return out;
                }
            }
        });
    }

    /** Replaces title and body and increments the version; empty if there is no such document. */
    public Optional<Document> update(String id, DocumentInput input, String user) {
        Instant now = Instant.now();
        int changed = run("update document " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE
                    + " SET title = ?, body = ?, version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, input.title());
                ps.setString(2, input.body());
                ps.setString(3, user);
                ps.setObject(4, utc(now));
                ps.setString(5, id);
                return ps.executeUpdate();
            }
        });
        return changed == 0 ? Optional.empty() : find(id);
    }

    /** Deletes a document; false if there was none. */
    public boolean delete(String id) {
        return run("delete document " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static Document document(ResultSet rs) throws SQLException {
        return new Document(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private <T> T run(String what, SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
