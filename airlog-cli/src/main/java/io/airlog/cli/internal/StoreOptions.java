package io.airlog.cli.internal;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The store a command reads: a JSON-lines file, or a log in a database. */
final class StoreOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A JSON-lines audit file (or give --url for a database).")
    Path file;

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "A database holding airlog's tables (H2, PostgreSQL or MariaDB), instead of a file.")
    String url;

    @Option(names = "--log", paramLabel = "LOG_ID",
            description = "The log (required for a database; a file's is taken from its first event).")
    String log;

    @Mixin
    DatabaseOptions database;

    /**
     * Opens the store.
     *
     * @throws CliException unless exactly one of a file and a URL is given, or if it cannot be opened
     */
    LogStore open() {
        if ((file == null) == (url == null)) {
            throw CliException.error("name one store: a FILE, or a database with --url");
        }
        return file != null ? new FileStore(file, log) : new DatabaseStore(database.login(url), log);
    }
}
