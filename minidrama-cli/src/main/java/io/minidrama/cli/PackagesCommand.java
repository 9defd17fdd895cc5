package io.minidrama.cli;

import io.minidrama.protocol.WireJson;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackage;
import io.minidrama.domain.traffic.TrafficPackages;
import io.minidrama.port.TrafficPackagePort;
import io.minidrama.port.service.MiniDrama;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Locale;

/** {@code minidrama packages list}. */
@Command(mixinStandardHelpOptions = true, name = "packages", description = "CDN traffic packages.")
final class PackagesCommand {
    @Spec
    CommandSpec spec;

    @Command(mixinStandardHelpOptions = true, name = "list", description = "List traffic packages with their usage (MB).")
    int list(@Mixin Connection connection,
             @Option(names = "--status", defaultValue = "all", description = "all, valid, invalid or expired (default ${DEFAULT-VALUE})") String status,
             @Option(names = "--directed", description = "Directed packages (query_type 1) instead of general ones") boolean directed,
             @Option(names = "--limit", defaultValue = "100", description = "1..100") int limit,
             @Option(names = "--offset", defaultValue = "0") int offset) {
        PackageQuery query = new PackageQuery(status(status), offset, limit,
                directed ? PackageQuery.QueryType.DIRECTED : PackageQuery.QueryType.GENERAL);
        TrafficPackages p = MiniDrama.create(connection.open()).catalog().packages(query);
        StringBuilder human = new StringBuilder(p.totalCount() + " packages");
        for (TrafficPackage t : p.packages()) {
            human.append(String.format(Locale.ROOT, "%n  %s  %s  %d/%d MB used  %s..%s", t.packageId(), statusName(t.status()), t.usedMb(),
                    t.totalMb(), t.startTime(), t.endTime()));
        }
        new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json).result(Output.wire(WireJson.toJson(TrafficPackagePort.LIST_PACKAGES, p)), human.toString());
        return ExitCodes.OK;
    }

    private static PackageQuery.Status status(String text) {
        try {
            return PackageQuery.Status.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("status", Rule.R25, text, "--status is all, valid, invalid or expired");
        }
    }

    private static String statusName(int code) {
        for (PackageQuery.Status s : PackageQuery.Status.values()) {
            if (s.code() == code && s != PackageQuery.Status.ALL) {
                return s.name().toLowerCase(Locale.ROOT);
            }
        }
        return "status " + code;
    }
}
