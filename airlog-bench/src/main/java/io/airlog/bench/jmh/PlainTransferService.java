package io.airlog.bench.jmh;

import jakarta.enterprise.context.ApplicationScoped;

/** No interceptor: a call through the container's client proxy only. */
@ApplicationScoped
public class PlainTransferService implements TransferService {

    /** Created by the container. */
    public PlainTransferService() {
    }

    @Override
    public String transfer(String accountId, long amountCents) {
        return accountId;
    }
}
