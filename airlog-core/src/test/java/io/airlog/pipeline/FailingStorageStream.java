package io.airlog.pipeline;

import io.airlog.AuditEvent;
import io.airlog.Capability;
import io.airlog.ChainPosition;
import io.airlog.spi.SealingAuditStream;
import java.io.IOException;
import java.util.Set;

/** A stream whose storage is broken: every store fails like a full disk, and so may closing. */
final class FailingStorageStream extends SealingAuditStream {
    private final boolean closeFails;

    private FailingStorageStream(String name, boolean closeFails) {
        super(name, name + "-log", ChainPosition.EMPTY);
        this.closeFails = closeFails;
    }

    /** Every store fails. */
    static FailingStorageStream named(String name) {
        return new FailingStorageStream(name, false);
    }

    /** Every store fails, and so does closing. */
    static FailingStorageStream failingToClose(String name) {
        return new FailingStorageStream(name, true);
    }

    @Override
    protected void store(AuditEvent event) throws IOException {
        throw new IOException("no space left on device");
    }

    @Override
    protected void closeStorage() {
        if (closeFails) {
            throw new IllegalStateException("storage of '" + name() + "' could not be released");
        }
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }
}
