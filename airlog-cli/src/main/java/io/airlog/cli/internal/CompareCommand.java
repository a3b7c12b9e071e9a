package io.airlog.cli.internal;

import io.airlog.verify.ComparisonReport;
import io.airlog.verify.Difference;
import io.airlog.verify.LogComparison;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlog compare}: two stores of one log, by sequence and checksum. */
@Command(name = "compare", sortOptions = false,
        description = {"Compare two stores of one log (a database and its JSON-lines archive, a primary and a"
                + " replica database, two files) by sequence and checksum, and print every range where they differ,"
                + " with its side, kind and sequences.",
            "A STORE is a JSON-lines file or a JDBC URL (jdbc:...). --user, --password... and --table-prefix apply"
                + " to every database; --right-... override them for the second store.",
            "Exit 0 identical, 1 different, 2 usage, I/O or connection error."})
public final class CompareCommand extends AirlogCommand {
    @Parameters(index = "0", paramLabel = "LEFT", description = "The first store: a file or a JDBC URL.")
    String left;

    @Parameters(index = "1", paramLabel = "RIGHT", description = "The second store: a file or a JDBC URL.")
    String right;

    @Option(names = "--log", paramLabel = "LOG_ID", description = "The log (required unless a file names it by its"
            + " first event).")
    String log;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--right-user", paramLabel = "USER", description = "The second database's user.")
    String rightUser;

    @Option(names = "--right-password", arity = "0", interactive = true,
            description = "Ask for the second database's password on the terminal.")
    char[] rightPassword;

    @Option(names = "--right-password-file", paramLabel = "FILE", description = "The second database's password"
            + " file.")
    Path rightPasswordFile;

    @Option(names = "--right-password-env", paramLabel = "VARIABLE", description = "The second database's password"
            + " variable.")
    String rightPasswordEnv;

    @Option(names = "--right-table-prefix", paramLabel = "PREFIX", description = "The second database's table"
            + " prefix.")
    String rightTablePrefix;

    @Override
    public Integer call() {
        String logId = log != null ? log : fileLog();
        boolean rightPasswordGiven = rightPassword != null || rightPasswordFile != null || rightPasswordEnv != null;
        String rightPrefix = or(rightTablePrefix, database.tablePrefix);
        DatabaseLogin rightLogin = rightPasswordGiven
                ? DatabaseOptions.login(right, or(rightUser, database.user), rightPassword, rightPasswordFile,
                        rightPasswordEnv, rightPrefix)
                : DatabaseOptions.login(right, or(rightUser, database.user), database.password, database.passwordFile,
                        database.passwordEnv, rightPrefix);
        try (LogStore a = open(left, logId, database.login(left));
             LogStore b = open(right, logId, rightLogin);
             var leftSource = a.source();
             var rightSource = b.source()) {
            ComparisonReport report = LogComparison.compare(logId, leftSource, rightSource);
            StringBuilder text = new StringBuilder(report.summary());
            for (Difference d : report.differences()) {
                text.append("\n  ").append(report.describe(d));
            }
            result(text.toString(), g -> Json.comparison(g, report));
            return Exit.of(report.identical());
        }
    }

    private static <T> T or(T first, T second) {
        return first != null ? first : second;
    }

    /** The log of the first file among the stores. */
    private String fileLog() {
        for (String store : new String[] {left, right}) {
            if (!isUrl(store)) {
                try (FileStore file = new FileStore(Path.of(store), null)) {
                    return file.logId();
                }
            }
        }
        throw CliException.error("name the log with --log: both stores are databases");
    }

    private static LogStore open(String store, String logId, DatabaseLogin login) {
        return isUrl(store) ? new DatabaseStore(login, logId) : new FileStore(Path.of(store), logId);
    }

    private static boolean isUrl(String store) {
        return store.startsWith("jdbc:");
    }
}
