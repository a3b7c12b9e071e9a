package io.airlog.cli.internal;

import io.airlog.merkle.LeafSource;
import io.airlog.merkle.TreeEdge;

/** Trees computed from a store's leaves. */
final class Trees {
    private Trees() {
    }

    /** The tree edge of the first {@code size} leaves, reading them once. */
    static TreeEdge edgeAt(LeafSource leaves, long size) {
        TreeEdge[] edge = {TreeEdge.empty()};
        leaves.read(0, size, leaf -> edge[0] = edge[0].append(leaf));
        return edge[0];
    }
}
