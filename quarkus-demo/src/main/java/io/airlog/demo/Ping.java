package io.airlog.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/api/ping")
public class Ping {
    @GET
    public String ping() {
        return "pong";
    }
}
