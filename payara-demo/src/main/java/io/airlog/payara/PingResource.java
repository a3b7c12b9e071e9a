package io.airlog.payara;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

@Path("ping")
public class PingResource {
    @GET
    public String ping() {
        return "pong";
    }

    @ApplicationPath("api")
    public static class App extends Application {
    }
}
