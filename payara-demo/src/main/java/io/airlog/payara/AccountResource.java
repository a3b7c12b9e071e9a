package io.airlog.payara;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The bank's REST interface, for authenticated users (see {@code WEB-INF/web.xml}); every
 * operation goes through the audited {@link AccountService}. Parameters are taken as the
 * client sent them and checked inside the audited call, so that a bad one is recorded too.
 */
@Path("accounts/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
    @Inject
    AccountService accounts;

    /** {@code PUT /api/accounts/{id}?balance=n}: opens the account with a balance in cents. */
    @PUT
    public Account open(@PathParam("id") String id, @QueryParam("balance") String balance) {
        return accounts.open(new Raw(id), new Raw(balance));
    }

    /**
     * {@code POST /api/accounts/{id}/withdrawals?amount=n}: withdraws; 409 when the balance
     * is too small.
     */
    @POST
    @Path("withdrawals")
    public Account withdraw(@PathParam("id") String id, @QueryParam("amount") String amount)
            throws InsufficientFundsException {
        return accounts.withdraw(new Raw(id), new Raw(amount));
    }

    /** {@code DELETE /api/accounts/{id}}: closes the account; 403 unless the caller is a manager. */
    @DELETE
    public void close(@PathParam("id") String id) {
        accounts.close(new Raw(id));
    }
}
