package io.firedrill.cli;

import picocli.CommandLine.Command;

@Command(name = "estate",
        mixinStandardHelpOptions = true,
        description = {"Run the reference estate on its own: two regions (eu-west primary, us-east standby) of an order "
                + "service, each an HTTP app over its own database (H2, or PostgreSQL 15 with streaming replication), "
                + "and the global router in front. Every path between them runs through a link proxy, so faults act "
                + "on real traffic."},
        subcommands = {EstateUpCommand.class, EstateDownCommand.class},
        footer = {"", "Examples:",
            "  firedrill estate up --detach",
            "  firedrill estate up --db postgres --ports free --detach",
            "  curl -X PUT --data 'hello' http://127.0.0.1:18080/records/order-1",
            "  firedrill estate down"})
final class EstateCommand {
}
