package io.airlog.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;

/**
 * Makes a Weld SE container look like a web module of a servlet container, which has a
 * {@code ServletContext} bean. The context itself answers nothing (every method returns null).
 */
public class ServletContextBean {

    /** A servlet context whose methods all return null. */
    static final ServletContext CONTEXT = (ServletContext) Proxy.newProxyInstance(
            ServletContext.class.getClassLoader(), new Class<?>[] {ServletContext.class}, (p, m, a) -> null);

    @Produces
    @ApplicationScoped
    ServletContext servletContext() {
        return CONTEXT;
    }
}
