package io.airlog.jdbc;

/**
 * What a {@link JdbcAuditStream}'s writer did to keep its log signed and whole, for metrics and
 * tests (see docs/jdbc-writer.md, "Checks before every append").
 *
 * @param signedSize the newest tree size the writer knows a trusted checkpoint covers
 * @param checkpointsSigned checkpoints the writer signed and stored
 * @param checkpointsSkipped checkpoints not signed because a checkpoint row of that size, which
 *                           no trusted key signed, was stored already (the next one is signed)
 * @param adoptedRows rows appended by other writers that the writer checked and continued from
 * @param headsMovedForward times the head was found set back over intact rows and moved forward
 * @param untrustedCheckpointRows checkpoint rows seen that no trusted key validly signed (ignored)
 */
public record WriterCounters(long signedSize, long checkpointsSigned, long checkpointsSkipped, long adoptedRows,
                             long headsMovedForward, long untrustedCheckpointRows) {
}
