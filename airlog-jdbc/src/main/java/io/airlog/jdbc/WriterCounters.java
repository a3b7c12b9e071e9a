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
 * @param unsignedTailsLost times rows the writer had stored after its newest signed checkpoint were
 *                          found gone or changed (a database that undid committed transactions, or
 *                          removal within the unsigned window) and the writer continued from the
 *                          stored log
 */
public record WriterCounters(long signedSize, long checkpointsSigned, long checkpointsSkipped, long adoptedRows,
                             long headsMovedForward, long untrustedCheckpointRows, long unsignedTailsLost) {
}
