package io.airlog.demo.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.TreeSet;

/** {@code GET /api/me}: who the caller is; the viewer page uses it to check a login. */
@Path("/api/me")
@Authenticated
public class MeResource {

    /**
     * The caller.
     *
     * @param name the user name
     * @param roles the roles, sorted
     */
    public record Me(String name, List<String> roles) {
    }

    @Inject
    SecurityIdentity identity;

    /** The caller's name and roles. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        return new Me(identity.getPrincipal().getName(), List.copyOf(new TreeSet<>(identity.getRoles())));
    }
}
