package io.airlog.bench.jmh;

/** The business method of the interceptor benchmark, in three beans that differ only by their binding. */
public interface TransferService {

    /** Returns a short confirmation (the method's own work is trivial on purpose). */
    String transfer(String accountId, long amountCents);
}
