package io.minidrama.cli;

import io.minidrama.protocol.WireJson;
import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.cdn.CdnQueryType;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.cdn.DataInterval;
import io.minidrama.domain.drama.ExpediteQuota;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.port.service.MiniDrama;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** {@code minidrama cdn usage|logs}. */
@Command(mixinStandardHelpOptions = true, name = "cdn", description = "CDN traffic and log files. Dates are YYYY-MM-DD (China time, start of day) or ISO-8601 instants.")
final class CdnCommand {
    @Spec
    CommandSpec spec;

    private static final String QUERY_TYPE = "0 general and player-directed traffic (default), 1 player-directed only, 2 general only";

    @Command(mixinStandardHelpOptions = true, name = "usage", description = "Traffic per interval (window within the last 365 days, at most 90 days).")
    int usage(@Mixin Connection connection, @Option(names = "--start", required = true) String start,
              @Option(names = "--end", required = true) String end,
              @Option(names = "--interval", defaultValue = "1440", description = "5, 60 or 1440 minutes (default ${DEFAULT-VALUE})") int interval,
              @Option(names = "--query-type", defaultValue = "0", description = QUERY_TYPE) int queryType) {
        MiniDrama md = MiniDrama.create(connection.open());
        CdnUsage u = md.cdn().usage(window(start, end), DataInterval.ofMinutes(interval), CdnQueryType.of(queryType, Rule.R22));
        StringBuilder human = new StringBuilder(String.format(Locale.ROOT, "total %.1f MB over %d points", u.total() / 1048576.0, u.points().size()));
        u.points().forEach(p -> human.append(String.format(Locale.ROOT, "%n  %s  %d", p.time(), p.value())));
        new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json).result(Output.wire(WireJson.toJson(u)), human.toString());
        return ExitCodes.OK;
    }

    @Command(mixinStandardHelpOptions = true, name = "logs", description = "CDN log files, one per hour and serving domain "
            + "(window within the last 30 days, at most 48 hours; every file at once; URLs live 24 h).")
    int logs(@Mixin Connection connection, @Option(names = "--start", required = true) String start,
             @Option(names = "--end", required = true) String end,
             @Option(names = "--query-type", defaultValue = "0", description = QUERY_TYPE) int queryType) {
        MiniDrama md = MiniDrama.create(connection.open());
        CdnLogs logs = md.cdn().logs(window(start, end), CdnQueryType.of(queryType, Rule.R23));
        StringBuilder human = new StringBuilder(logs.totalCount() + " log files");
        logs.files().forEach(f -> human.append(String.format("%n  %s  %s  %s", f.date(), f.name(), f.url())));
        new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json).result(Output.wire(WireJson.toJson(logs)), human.toString());
        return ExitCodes.OK;
    }

    static TimeWindow window(String start, String end) {
        return TimeWindow.of(instant("start_time", start), instant("end_time", end));
    }

    static Instant instant(String field, String text) {
        try {
            return LocalDate.parse(text).atStartOfDay(ExpediteQuota.PLATFORM_ZONE).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidRequestException.of(field, Rule.NONE, text, "give a date like 2026-11-01 or an instant like 2026-11-01T00:00:00Z");
            }
        }
    }
}
