package io.airlog.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A data source whose connections fail the next commit the way a network does: the reply
 * of a commit that took effect is lost, or the connection breaks before the commit reaches
 * the database; it can also refuse new connections for a while (the database unreachable),
 * or throw an {@link Error} from a commit. A statement run in auto-commit is a commit too:
 * the fault hits whichever comes first, a {@code commit()} or an {@code executeUpdate} of a
 * prepared statement in auto-commit. Everything else goes to a real database.
 */
final class FaultyDataSource extends SimpleDataSource {
    /** What the next commit does. */
    enum CommitFault {
        /** The commit takes effect, then the connection breaks before its reply arrives. */
        REPLY_LOST,
        /** The connection breaks before the commit reaches the database: it takes no effect. */
        NEVER_ARRIVES,
        /** The driver throws an {@link Error} (a bug, an OutOfMemoryError) instead of committing. */
        ERROR
    }

    private final AtomicReference<CommitFault> nextCommit = new AtomicReference<>();
    private volatile String faulted;
    private volatile long unreachableUntilNanos;

    /** Connections to the database of {@code fixture}. */
    FaultyDataSource(Fixture fixture) {
        super(fixture.db.url(fixture.tables.prefix()), fixture.db.user(), fixture.db.password());
    }

    /** The next commit on any connection fails this way. */
    void failNextCommit(CommitFault fault) {
        nextCommit.set(fault);
    }

    /** What the last fault hit: {@code "commit"}, {@code "auto-commit statement"}, or null for none yet. */
    String faulted() {
        return faulted;
    }

    /** New connections fail for {@code millis} from now. */
    void unreachableFor(long millis) {
        unreachableUntilNanos = System.nanoTime() + millis * 1_000_000;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (System.nanoTime() - unreachableUntilNanos < 0) {
            throw new SQLNonTransientConnectionException("connection refused (the test made the database unreachable)",
                    "08001");
        }
        Connection real = super.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        CommitFault fault = nextCommit.getAndSet(null);
                        if (fault != null) {
                            faulted = "commit";
                            fail(real, fault, () -> {
                                real.commit();
                                return null;
                            });
                        }
                    }
                    Object result = invoke(method, real, args);
                    if (result instanceof PreparedStatement ps) {
                        return statement(real, ps);
                    }
                    return result;
                });
    }

    /** A prepared statement whose {@code executeUpdate} in auto-commit takes the next commit's fault. */
    private PreparedStatement statement(Connection real, PreparedStatement ps) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("executeUpdate") && args == null && real.getAutoCommit()) {
                        CommitFault fault = nextCommit.getAndSet(null);
                        if (fault != null) {
                            faulted = "auto-commit statement";
                            return fail(real, fault, ps::executeUpdate);
                        }
                    }
                    return invoke(method, ps, args);
                });
    }

    /** Does what {@code fault} says instead of {@code commit} (which commits), and throws. */
    private static Object fail(Connection real, CommitFault fault, Callable<?> commit) throws Exception {
        if (fault == CommitFault.ERROR) {
            throw new Error("injected: the driver failed with an Error");
        }
        if (fault == CommitFault.REPLY_LOST) {
            commit.call();
        }
        if (!real.getAutoCommit()) {
            real.rollback();
        }
        real.close();
        throw new SQLNonTransientConnectionException("injected: the connection broke during the commit", "08006");
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

}
