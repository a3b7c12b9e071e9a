package io.airlog.cdi.servlet;

import io.airlog.cdi.internal.AirlogStartup;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Runs airlog's start-up work (configuration check, streams opened, stored logs verified)
 * when the web module starts, after the container has bound the module's resources, such as
 * a data source declared with {@code @DataSourceDefinition}. An exception (a damaged log with
 * {@code airlog.verify.on-failure=fail}, a bad configuration) fails the start of the web
 * module, and so its deployment.
 *
 * <p>Needed on Payara (and GlassFish), which deliver the CDI {@code Startup} event to the bean
 * archives in {@code WEB-INF/lib} before the web module's naming environment exists. The
 * servlet container finds this class through {@code META-INF/services}; nothing to configure.
 */
public class AirlogServletInitializer implements ServletContainerInitializer {

    /** Created by the servlet container. */
    public AirlogServletInitializer() {
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        CDI<Object> cdi;
        try {
            cdi = CDI.current();
        } catch (IllegalStateException noCdi) {
            // CDI is not enabled in this web module: airlog's beans do not exist here
            return;
        }
        cdi.select(AirlogStartup.class).get().start();
    }
}
