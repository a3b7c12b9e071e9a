package io.airlog.payara;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Answers {@code GET /api/ping} once the application is deployed (used to wait for it). */
@Path("ping")
public class PingResource {

    /** Always {@code pong}. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
        return "pong";
    }
}
