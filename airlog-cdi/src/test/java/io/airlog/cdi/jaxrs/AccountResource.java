package io.airlog.cdi.jaxrs;

import io.airlog.cdi.AccountService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A resource calling an audited bean. */
@Path("/accounts")
public class AccountResource {

    @POST
    @Path("{id}")
    public String open(@PathParam("id") String id) {
        return CDI.current().select(AccountService.class).get().open(id, "EUR");
    }
}
