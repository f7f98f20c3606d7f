package io.firedrill.wire;

/**
 * One message of the control channel. Sealed so that a {@code switch} over the kinds a side handles is
 * checked by the compiler; {@link MessageTypes} maps each kind to its wire name.
 *
 * <p>All times are microseconds since the Unix epoch on the clock of the side that took them.
 */
public sealed interface Message
        permits Hello, Welcome, Heartbeat, TimeSyncRequest, TimeSyncReply, ProtocolError, FaultApply, FaultRevert,
                LeaseRenew, FaultReport, ProbeStart, ProbeStop, ProbeResults, ProbeReport, Halt, HaltReport,
                FaultInventory {}
