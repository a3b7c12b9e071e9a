package io.airlog.cli.internal;

import io.airlog.jdbc.TableNames;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Where a database log is and how to log in: a JDBC URL, credentials and the table prefix. */
final class DatabaseLogin {
    private static final Pattern SECRET = Pattern.compile("(?i)(password=)[^&;]*");

    private final String url;
    private final String user;
    private final char[] password;
    private final TableNames tables;

    /**
     * @param url the JDBC URL
     * @param user the user, or null (the URL may name it)
     * @param password the password, or null
     * @param tables the table names
     */
    DatabaseLogin(String url, String user, char[] password, TableNames tables) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.tables = tables;
    }

    /** The tables. */
    TableNames tables() {
        return tables;
    }

    /** The URL with any password in it masked, for messages. */
    String safeUrl() {
        return SECRET.matcher(url).replaceAll("$1***");
    }

    /**
     * A new connection.
     *
     * @throws CliException naming the URL (without its password) and what the driver said
     */
    Connection connect() {
        try {
            return open();
        } catch (SQLException e) {
            throw CliException.error("cannot connect to " + safeUrl() + ": " + SECRET.matcher(String.valueOf(
                    e.getMessage())).replaceAll("$1***"), e);
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", new String(password));
        }
        return DriverManager.getConnection(url, properties);
    }

    /** A data source that opens a connection per call, for airlog-jdbc's verifier. */
    DataSource dataSource() {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return open();
            }

            @Override
            public Connection getConnection(String username, String pass) throws SQLException {
                throw new SQLFeatureNotSupportedException("the credentials are those of the command line");
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
                // DriverManager logs
            }

            @Override
            public void setLoginTimeout(int seconds) {
                DriverManager.setLoginTimeout(seconds);
            }

            @Override
            public int getLoginTimeout() {
                return DriverManager.getLoginTimeout();
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException("no parent logger");
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
