package io.airlog.bench.jmh;

import jakarta.enterprise.context.ApplicationScoped;

/** The same method through {@link EmptyInterceptor}. */
@ApplicationScoped
@Empty
public class EmptyInterceptedTransferService implements TransferService {

    /** Created by the container. */
    public EmptyInterceptedTransferService() {
    }

    @Override
    public String transfer(String accountId, long amountCents) {
        return accountId;
    }
}
