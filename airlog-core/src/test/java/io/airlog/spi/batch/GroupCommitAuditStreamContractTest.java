package io.airlog.spi.batch;

import io.airlog.AuditEvent;
import io.airlog.AuditStream;
import io.airlog.testkit.AuditStreamContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** A stream built on the group-commit writer meets the stream contract, in both write modes. */
class GroupCommitAuditStreamContractTest {
    private abstract static class Mode extends AuditStreamContract {
        private final Map<String, MemoryBatchStream> streams = new HashMap<>();

        abstract boolean async();

        @Override
        protected AuditStream openStream(String logId) {
            MemoryBatchStream stream = MemoryBatchStream.open(logId, async());
            streams.put(logId, stream);
            return stream;
        }

        @Override
        protected List<AuditEvent> readBack(String logId) {
            return streams.get(logId).appender().events();
        }
    }

    @Nested
    class Sync extends Mode {
        @Override
        boolean async() {
            return false;
        }
    }

    @Nested
    class Async extends Mode {
        @Override
        boolean async() {
            return true;
        }
    }
}
