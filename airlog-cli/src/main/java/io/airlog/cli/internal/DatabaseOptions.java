package io.airlog.cli.internal;

import io.airlog.jdbc.TableNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How to log in to a database: user, password (several ways) and table prefix. */
final class DatabaseOptions {
    /** The environment variable read for the password when no option names one. */
    static final String PASSWORD_VARIABLE = "AIRLOG_PASSWORD";

    @Option(names = "--user", paramLabel = "USER", description = "The database user (read-only rights suffice).")
    String user;

    @Option(names = "--password", arity = "0", interactive = true,
            description = "Ask for the database password on the terminal.")
    char[] password;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the database password from this file (its first line).")
    Path passwordFile;

    @Option(names = "--password-env", paramLabel = "VARIABLE",
            description = "Read the database password from this environment variable"
                    + " (default: " + PASSWORD_VARIABLE + " when it is set).")
    String passwordEnv;

    @Option(names = "--table-prefix", paramLabel = "PREFIX", defaultValue = TableNames.DEFAULT_PREFIX,
            description = "The prefix of airlog's tables (default: ${DEFAULT-VALUE}).")
    String tablePrefix;

    /** The login at {@code url} with these options. */
    DatabaseLogin login(String url) {
        return login(url, user, password, passwordFile, passwordEnv, tablePrefix);
    }

    /**
     * A login; the password comes from {@code password}, else {@code passwordFile}, else the
     * variable {@code passwordEnv}, else {@value #PASSWORD_VARIABLE} if set, else none.
     *
     * @throws CliException if the prefix is invalid, or a named password file or variable is missing
     */
    static DatabaseLogin login(String url, String user, char[] password, Path passwordFile, String passwordEnv,
                               String tablePrefix) {
        TableNames tables;
        try {
            tables = TableNames.of(tablePrefix);
        } catch (IllegalArgumentException e) {
            throw CliException.error(e.getMessage());
        }
        return new DatabaseLogin(url, user, password(password, passwordFile, passwordEnv), tables);
    }

    private static char[] password(char[] given, Path file, String variable) {
        int named = (given != null ? 1 : 0) + (file != null ? 1 : 0) + (variable != null ? 1 : 0);
        if (named > 1) {
            throw CliException.error("give the password one way: --password, --password-file or --password-env");
        }
        if (given != null) {
            return given;
        }
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                return text.lines().findFirst().orElse("").toCharArray();
            } catch (IOException e) {
                throw CliException.error("cannot read the password file " + file + ": " + e.getMessage(), e);
            }
        }
        if (variable != null) {
            String value = System.getenv(variable);
            if (value == null) {
                throw CliException.error("the environment variable " + variable + " is not set");
            }
            return value.toCharArray();
        }
        String value = System.getenv(PASSWORD_VARIABLE);
        return value == null ? null : value.toCharArray();
    }
}
