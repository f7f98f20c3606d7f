package io.firedrill.estate.region;

/**
 * The other region, as a store reaches it. Every steady-state path runs through a link proxy.
 *
 * @param region   the peer region's name
 * @param toPeer   listen address of the link {@code <self>-><peer>/replication}; its upstream is the
 *                 peer's app (H2: the primary pushes changes here)
 * @param fromPeer listen address of the link {@code <peer>-><self>/replication}; its upstream is the
 *                 peer's database (PostgreSQL: a standby streams WAL through it, pg_rewind reads through it)
 * @param peerApp  the peer app's own address, used only by setup (never by steady-state traffic)
 * @param peerDb   the peer database's own address, used only by setup: the first base backup, taken
 *                 before any agent serves the links
 */
public record Peer(String region, HostPort toPeer, HostPort fromPeer, HostPort peerApp, HostPort peerDb) {

    /** A host and port on loopback or elsewhere. */
    public record HostPort(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
