package org.opencs.saf.xcf;

/**
 * Told by the survivor that won the clean-up of a failed node (exactly one node, {@link Membership}), after the
 * failed node's ENQs are released and before its row leaves the table; JES ends the node's ACTIVE jobs here. May be
 * called again for the same node when a previous clean-up did not finish (its cleaner died or a listener threw), so
 * what a listener does must be safe to repeat. Called on the membership's own thread.
 */
@FunctionalInterface
public interface NodeListener {
    void nodeFailed(NodeInfo node);
}
