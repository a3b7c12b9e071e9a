package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health and JAX-RS are optional: the module works in an application that has
 * neither. The test class path is re-created in a class loader that leaves out their jars
 * (and Jersey's), and a container is started in it.
 */
class OptionalDependenciesTest {
    private static final List<String> LEFT_OUT = List.of("jakarta.ws.rs-api", "microprofile-health-api", "jersey",
            "hk2");

    private static URLClassLoader withoutOptionalApis() throws MalformedURLException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (LEFT_OUT.stream().noneMatch(entry::contains)) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void auditingWorksWithoutJaxRsAndMicroProfileHealth() throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader isolated = withoutOptionalApis()) {
            assertThatThrownBy(() -> isolated.loadClass("jakarta.ws.rs.container.ContainerRequestFilter"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> isolated.loadClass("org.eclipse.microprofile.health.HealthCheck"))
                    .isInstanceOf(ClassNotFoundException.class);
            Thread.currentThread().setContextClassLoader(isolated);

            Object result = isolated.loadClass(IsolatedRun.class.getName()).getMethod("run").invoke(null);

            assertThat(result).isEqualTo("open SUCCESS");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
