package io.airlog.cli.internal;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.checkpoint.NoteSignature;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedNote;
import io.airlog.jdbc.JdbcAuditStream;
import io.airlog.jdbc.SchemaManager;
import io.airlog.jdbc.SchemaMode;
import io.airlog.jdbc.SqlDialect;
import io.airlog.jdbc.TableNames;
import io.airlog.jdbc.internal.EventRows;
import io.airlog.merkle.TreeEdge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One test's log in a database: fresh tables, events written by airlog-jdbc's writer, dropped at close. */
final class TestLog implements AutoCloseable {
    final TestDatabase db;
    final String logId;
    final TableNames tables;
    final String url;
    final DatabaseLogin login;
    final List<AuditEvent> events = new ArrayList<>();

    private TestLog(TestDatabase db, String logId) {
        this.db = db;
        this.logId = logId;
        this.tables = TableNames.of(TestDatabase.uniquePrefix());
        this.url = db.url(tables.prefix());
        this.login = new DatabaseLogin(url, db.user(), null, tables);
        new SchemaManager(tables).apply(login.dataSource(), SchemaMode.CREATE);
    }

    /** Tables created, {@code count} events of log {@code logId} written. */
    static TestLog with(TestDatabase db, String logId, int count) {
        TestLog log = new TestLog(db, logId);
        log.append(count);
        return log;
    }

    /** Writes {@code count} more events. */
    void append(int count) {
        try (JdbcAuditStream stream = JdbcAuditStream.builder(login.dataSource()).logId(logId)
                .tablePrefix(tables.prefix()).build()) {
            for (int i = 0; i < count; i++) {
                events.add(stream.record(draft(events.size() + 1)));
            }
        }
    }

    /** Stores copies of {@code copied} (events of another log's tables) and their head, as a replica would. */
    void copy(List<AuditEvent> copied) throws SQLException {
        try (Connection c = connect();
             PreparedStatement insert = c.prepareStatement(EventRows.insertSql(tables));
             PreparedStatement head = c.prepareStatement("INSERT INTO " + tables.head()
                     + " (log_id, size, last_checksum) VALUES (?, ?, ?)")) {
            for (AuditEvent e : copied) {
                EventRows.bind(insert, e);
                insert.executeUpdate();
            }
            AuditEvent last = copied.get(copied.size() - 1);
            head.setString(1, logId);
            head.setLong(2, last.sequence());
            head.setString(3, last.checksum());
            head.executeUpdate();
        }
        events.addAll(copied);
    }

    static AuditDraft draft(int i) {
        return AuditDraft.builder(i % 3 == 0 ? "login" : "document.update")
                .principal(Principal.of("user" + i % 4, AuthMethod.PASSWORD)).resource("Document", "d-" + i)
                .outcome(i % 5 == 0 ? Outcome.FAILURE : Outcome.SUCCESS).put("n", i).build();
    }

    /** A command line: {@code command}, the options that name this log's database, then {@code more}. */
    String[] args(String command, String... more) {
        return Stream.concat(Stream.of(command, "--url", url, "--user", db.user(), "--table-prefix", tables.prefix(),
                "--log", logId), Stream.of(more)).toArray(String[]::new);
    }

    /** A connection, for tests that act as the table owner. */
    Connection connect() {
        return login.connect();
    }

    /**
     * Runs statements as the table owner, with the insert-only triggers of the event and checkpoint
     * tables switched off the way an owner can. {@code {event}}, {@code {head}},
     * {@code {checkpoint}} and {@code {log}} stand for the tables and the quoted log id.
     */
    void tamper(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            SqlDialect dialect = SqlDialect.of(c);
            for (String table : new String[] {tables.event(), tables.checkpoint()}) {
                if (db == TestDatabase.POSTGRESQL) {
                    s.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
                } else {
                    for (String trigger : dialect.insertOnlyTriggers(table)) {
                        s.execute("DROP TRIGGER IF EXISTS " + trigger);
                    }
                }
            }
            run(s, sql);
        }
    }

    /** Switches the insert-only triggers on again, as the owner's next schema update does. */
    void restoreTriggers() throws SQLException {
        if (db == TestDatabase.POSTGRESQL) {
            asApplication("ALTER TABLE {event} ENABLE TRIGGER USER", "ALTER TABLE {checkpoint} ENABLE TRIGGER USER");
        }
        new SchemaManager(tables).apply(login.dataSource(), SchemaMode.CREATE);
    }

    /** Runs statements with what the application role may do (insert rows, update the head); placeholders as {@link #tamper}. */
    void asApplication(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            run(s, sql);
        }
    }

    private void run(Statement s, String... sql) throws SQLException {
        for (String statement : sql) {
            s.execute(statement.replace("{event}", tables.event()).replace("{head}", tables.head())
                    .replace("{checkpoint}", tables.checkpoint()).replace("{log}", "'" + logId + "'"));
        }
    }

    /**
     * Signs the checkpoint of the first {@code size} events with {@code key} and stores its row as
     * schema V2 defines it (note verbatim, tree edge, informational columns), as the writer does.
     */
    SignedNote checkpoint(int size, NoteSigner key) throws SQLException {
        SignedNote note = TestFiles.sign(events, size, logId, key);
        TreeEdge edge = TestFiles.edge(events, size);
        NoteSignature signature = note.signatures().get(0);
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.checkpoint()
                + " (log_id, size, last_checksum, merkle_root, signature, key_id, edge, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, logId);
            ps.setLong(2, size);
            ps.setString(3, events.get(size - 1).checksum());
            ps.setString(4, edge.root().hex());
            ps.setString(5, signature.keyName() + " " + signature.line().substring(signature.line().lastIndexOf(' ') + 1)
                    .strip());
            ps.setString(6, signature.keyName() + "+" + signature.keyIdHex());
            ps.setString(7, edge.encode());
            ps.setString(8, note.format());
            ps.executeUpdate();
        }
        return note;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : new String[] {tables.event(), tables.head(), tables.checkpoint()}) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
            if (db == TestDatabase.POSTGRESQL) {
                s.execute("DROP FUNCTION IF EXISTS " + tables.prefix() + "reject_change() CASCADE");
            }
        }
    }
}
