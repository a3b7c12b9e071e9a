package io.airlog.cdi;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.InitialContextFactory;

/**
 * The naming service of an application server, reduced to what a data-source lookup needs:
 * the JDK's {@code InitialContext} finds it through {@code java.naming.factory.initial}, and
 * {@code lookup} returns what the test bound.
 */
public class TestNamingContextFactory implements InitialContextFactory {
    static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        Object bound = BOUND.get(String.valueOf(args[0]));
                        if (bound == null) {
                            throw new NameNotFoundException(String.valueOf(args[0]));
                        }
                        yield bound;
                    }
                    case "close" -> null;
                    default -> throw new OperationNotSupportedException(method.getName());
                });
    }
}
