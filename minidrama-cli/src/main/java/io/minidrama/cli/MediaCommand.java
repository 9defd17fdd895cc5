package io.minidrama.cli;

import io.minidrama.protocol.WireJson;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.port.service.MiniDrama;
import jakarta.json.JsonArrayBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;

/** {@code minidrama media list|get|delete|link}. */
@Command(mixinStandardHelpOptions = true, name = "media", description = "Uploaded media: list, get, delete, play links.")
final class MediaCommand {
    @Spec
    CommandSpec spec;

    private Output out(Connection c) {
        return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), c.json);
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "List media (filters optional).")
    int list(@Mixin Connection connection,
             @Option(names = "--drama-id", description = "Only this drama's episodes") Long dramaId,
             @Option(names = "--name", description = "Exact name (media_name); a %% is no wildcard, use --name-fuzzy") String name,
             @Option(names = "--name-fuzzy", description = "Fuzzy name search (media_name_fuzzy), e.g. a drama name") String nameFuzzy,
             @Option(names = "--limit", defaultValue = "100") int limit,
             @Option(names = "--offset", defaultValue = "0") int offset) {
        MediaQuery.Builder q = MediaQuery.builder().page(PageRequest.of(offset, limit));
        if (dramaId != null) {
            q.dramaId(DramaId.of(dramaId));
        }
        if (name != null) {
            q.name(name);
        }
        if (nameFuzzy != null) {
            q.nameFuzzy(nameFuzzy);
        }
        MediaQuery query = q.build();
        List<Media> media = MiniDrama.create(connection.open()).media().list(query);
        JsonArrayBuilder arr = jakarta.json.Json.createArrayBuilder();
        StringBuilder human = new StringBuilder(media.size() + " media");
        for (Media m : media) {
            arr.add(Output.wire(WireJson.toJson(m)));
            human.append(String.format("%n  %d  %s  %d bytes  %s", m.id().value(), m.name(), m.fileSize(), m.auditDetail().status()));
        }
        out(connection).result(Output.object().add("media_info_list", arr).build(), human.toString());
        return ExitCodes.OK;
    }

    @Command(mixinStandardHelpOptions = true, name = "get", description = "Show one media.")
    int get(@Mixin Connection connection, @Parameters(paramLabel = "ID") long id) {
        Media m = MiniDrama.create(connection.open()).media().get(MediaId.of(id));
        out(connection).result(Output.object().add("media_info", Output.wire(WireJson.toJson(m))).build(),
                m.id() + "  " + m.name() + "\n  size " + m.fileSize() + " bytes, duration " + m.duration().toSeconds() + " s"
                        + "\n  audit " + m.auditDetail().status() + (m.auditDetail().reason().isEmpty() ? "" : " (" + m.auditDetail().reason() + ")")
                        + m.dramaId().map(d -> "\n  drama " + d).orElse(""));
        return ExitCodes.OK;
    }

    @Command(mixinStandardHelpOptions = true, name = "delete", description = "Delete one media.")
    int delete(@Mixin Connection connection, @Parameters(paramLabel = "ID") long id) {
        MiniDrama.create(connection.open()).media().delete(MediaId.of(id));
        out(connection).result(Output.object().add("media_id", id).add("deleted", true).build(), "deleted media " + id);
        return ExitCodes.OK;
    }

    @Command(mixinStandardHelpOptions = true, name = "link", description = "Get a temporary play link (the drama must be approved).")
    int link(@Mixin Connection connection, @Parameters(paramLabel = "ID") long id,
             @Option(names = "--expires-in", defaultValue = "1h", paramLabel = "DURATION",
                     description = "Link lifetime, at most 2h (R-9): " + DurationConverter.FORMS + " (default ${DEFAULT-VALUE})") Duration expiresIn,
             @Option(names = "--rlimit", description = "Distinct client IPs allowed, 1..9") Integer rlimit,
             @Option(names = "--us", description = "Channel tag") String us,
             @Option(names = "--preview", description = "Preview length in seconds") Integer preview,
             @Option(names = "--whref", split = ",", description = "Allowed referer domains") List<String> whref,
             @Option(names = "--bkref", split = ",", description = "Denied referer domains") List<String> bkref) {
        MiniDrama md = MiniDrama.create(connection.open());
        PlayLinkRequest.Builder b = PlayLinkRequest.builder(MediaId.of(id)).expiresIn(expiresIn);
        if (rlimit != null) {
            b.rlimit(rlimit);
        }
        if (us != null) {
            b.us(us);
        }
        if (preview != null) {
            b.previewSeconds(preview);
        }
        if (whref != null) {
            b.whref(whref);
        }
        if (bkref != null) {
            b.bkref(bkref);
        }
        PlayLink link = md.media().playLink(b.build(md.clock()));
        out(connection).result(Output.object().add("media_info", Output.wire(WireJson.toJson(link))).build(),
                link.name() + " (" + link.duration().toSeconds() + " s)\n  mp4: " + link.mp4Url() + "\n  hls: " + link.hlsUrl()
                        + "\n  (temporary URLs: do not store them)");
        return ExitCodes.OK;
    }

}
