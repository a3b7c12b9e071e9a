package io.airlog.cdi.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import io.airlog.cdi.AccountService;
import io.airlog.cdi.TestContainer;
import jakarta.enterprise.context.control.RequestContextController;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter in a real JAX-RS runtime (Jersey, in memory), with the resource calling an audited bean. */
class RequestIdFilterTest {
    private TestContainer container;
    private ApplicationHandler jaxrs;

    @BeforeEach
    void start() {
        container = TestContainer.builder().property("airlog.backend", "memory").beans(AccountService.class).start();
        jaxrs = new ApplicationHandler(new ResourceConfig(AccountResource.class, RequestIdFilter.class));
    }

    @AfterEach
    void stop() {
        container.close();
    }

    private ContainerResponse post(Map<String, String> headers) throws Exception {
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/"),
                URI.create("http://localhost/accounts/A-1"), "POST", null, new MapPropertiesDelegate(), null);
        headers.forEach(request::header);
        RequestContextController requestContext = container.select(RequestContextController.class);
        requestContext.activate();
        try {
            return jaxrs.apply(request).get();
        } finally {
            requestContext.deactivate();
        }
    }

    private List<AuditEvent> events() {
        return container.events();
    }

    @Test
    void requestIdHeaderBecomesTheCorrelationIdAndIsEchoed() throws Exception {
        ContainerResponse response = post(Map.of("X-Request-Id", "req-123"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("X-Request-Id")).isEqualTo("req-123");
        assertThat(events()).singleElement().extracting(AuditEvent::correlationId).isEqualTo("req-123");
    }

    @Test
    void traceIdOfTraceparentIsUsedWithoutARequestId() throws Exception {
        ContainerResponse response = post(Map.of("traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        assertThat(response.getHeaderString("X-Request-Id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(events().get(0).correlationId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void idIsGeneratedWhenTheRequestHasNone() throws Exception {
        ContainerResponse response = post(Map.of());

        String id = response.getHeaderString("X-Request-Id");
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(events().get(0).correlationId()).isEqualTo(id);
    }

    @Test
    void unusableRequestIdIsReplaced() throws Exception {
        ContainerResponse response = post(Map.of("X-Request-Id", "two words\r\nInjected: yes"));

        assertThat(response.getHeaderString("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void invalidTraceparentIsIgnored() {
        assertThat(RequestIdFilter.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
        assertThat(RequestIdFilter.traceId("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isNull();
        assertThat(RequestIdFilter.traceId("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isNull();
    }

    @Test
    void overlongRequestIdIsIgnored() {
        assertThat(RequestIdFilter.requestId("x".repeat(129))).isNull();
        assertThat(RequestIdFilter.requestId("x".repeat(128))).hasSize(128);
    }
}
