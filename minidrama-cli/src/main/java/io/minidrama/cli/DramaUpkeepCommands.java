package io.minidrama.cli;

import io.minidrama.protocol.WireJson;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.Actor;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.LatestAuditQuery;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.event.AuditType;
import io.minidrama.port.service.CatalogService;
import io.minidrama.port.service.MiniDrama;
import jakarta.json.JsonArrayBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code minidrama drama replace|apply-replacement|modify|audit-history}: keeping an approved
 * drama alive (API.md §7).
 */
final class DramaUpkeepCommands {
    private DramaUpkeepCommands() {
    }

    private static CatalogService catalog(Connection connection) {
        return MiniDrama.create(connection.open()).catalog();
    }

    /** {@code drama replace ID --replace OLD:NEW...}: submit episode replacements for review. */
    @Command(mixinStandardHelpOptions = true, name = "replace", description = "Submit episode replacements of an approved drama for review (an audit event with "
            + "audit_type 2 follows); once approved, run apply-replacement within 7 days.")
    static final class Replace implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Parameters(paramLabel = "ID", description = "The drama") long id;
        @Option(names = "--replace", required = true, split = ",", description = "OLD_MEDIA_ID:NEW_MEDIA_ID (repeatable)")
        List<String> replacements;

        @Override
        public Integer call() {
            List<MediaReplacement> list = new ArrayList<>();
            for (String r : replacements) {
                list.add(pair(r));
            }
            ReplacementRequest request = new ReplacementRequest(DramaId.of(id), list);
            catalog(connection).replaceEpisodes(request);
            new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json).result(
                    Output.object().add("drama_id", id).add("submitted", list.size()).build(),
                    "submitted " + list.size() + " replacement(s) of drama " + id + " for review; apply them within 7 days of approval");
            return ExitCodes.OK;
        }

        private static MediaReplacement pair(String text) {
            String[] f = text.split(":");
            try {
                if (f.length == 2) {
                    return new MediaReplacement(MediaId.of(Long.parseLong(f[0].strip())), MediaId.of(Long.parseLong(f[1].strip())));
                }
            } catch (NumberFormatException e) {
                // falls through to the rule violation
            }
            throw InvalidRequestException.of("replace_media_list", Rule.R27, text, "a replacement is OLD_MEDIA_ID:NEW_MEDIA_ID");
        }
    }

    /** {@code drama apply-replacement ID --old X --new Y}. */
    @Command(mixinStandardHelpOptions = true, name = "apply-replacement", description = "Apply one approved replacement (within 7 days of approval); links to the "
            + "old episode keep working for 7 days. Shortly after approval the platform may still refuse it: retry in a few minutes.")
    static final class ApplyReplacement implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Parameters(paramLabel = "ID", description = "The drama") long id;
        @Option(names = "--old", required = true, description = "The replaced episode's media id") long oldMedia;
        @Option(names = "--new", required = true, description = "The approved new media id") long newMedia;

        @Override
        public Integer call() {
            ReplacementApplication request = new ReplacementApplication(DramaId.of(id), MediaId.of(oldMedia), MediaId.of(newMedia));
            catalog(connection).applyReplacement(request);
            new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json).result(
                    Output.object().add("drama_id", id).add("old_media_id", oldMedia).add("new_media_id", newMedia).build(),
                    "drama " + id + ": media " + newMedia + " replaced " + oldMedia);
            return ExitCodes.OK;
        }
    }

    /** {@code drama modify ID [--description ..] ...}. */
    @Command(mixinStandardHelpOptions = true, name = "modify", description = "Change an approved drama's information; it takes effect once the review approves it "
            + "(an audit event with audit_type 3 follows). Qualification and copyright changes: use the library.")
    static final class Modify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Parameters(paramLabel = "ID", description = "The drama") long id;
        @Option(names = "--description", description = "At most 200 characters") String description;
        @Option(names = "--recommendations", description = "At most 30 characters") String recommendations;
        @Option(names = "--cover-material", description = "New cover image material id") String cover;
        @Option(names = "--promotion-poster", description = "promotion_poster_material_id") String poster;
        @Option(names = "--alternate-name") String alternateName;
        @Option(names = "--other-material", description = "other_material_material_id") String otherMaterial;
        @Option(names = "--actor", description = "'name|photo_material_id|role|profile', the whole new list (2..5 times)") List<String> actors;

        @Override
        public Integer call() {
            DramaInfoChange.Builder b = DramaInfoChange.builder(DramaId.of(id));
            if (description != null) {
                b.description(description);
            }
            if (recommendations != null) {
                b.recommendations(recommendations);
            }
            if (cover != null) {
                b.coverMaterialId(MaterialId.of(cover));
            }
            if (poster != null) {
                b.promotionPosterMaterialId(MaterialId.of(poster));
            }
            if (alternateName != null) {
                b.alternateName(alternateName);
            }
            if (otherMaterial != null) {
                b.otherMaterialId(MaterialId.of(otherMaterial));
            }
            if (actors != null) {
                List<Actor> list = new ArrayList<>();
                for (String a : actors) {
                    String[] f = a.split("\\|", -1);
                    if (f.length != 4) {
                        throw InvalidRequestException.of("actor_list.actor", Rule.R28, a, "an actor is 'name|photo_material_id|role|profile'");
                    }
                    list.add(new Actor(f[0], MaterialId.of(f[1]), f[2], f[3]));
                }
                b.actors(list);
            }
            DramaInfoChange change = b.build();
            catalog(connection).modifyInfo(change);
            new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json).result(
                    Output.object().add("drama_id", id).build(), "submitted an information change of drama " + id + " for review");
            return ExitCodes.OK;
        }
    }

    /** {@code drama audit-history ID [--type 0..3]}. */
    @Command(mixinStandardHelpOptions = true, name = "audit-history", description = "The latest audit of each type: 0 first submission, 1 resubmission, "
            + "2 replacement, 3 info change (all four when --type is omitted; types never audited are left out).")
    static final class AuditHistory implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Parameters(paramLabel = "ID", description = "The drama") long id;
        @Option(names = "--type", description = "0..3") Integer type;

        @Override
        public Integer call() {
            List<AuditType> types = type == null ? List.of(AuditType.values()) : List.of(AuditType.of(type));
            CatalogService catalog = catalog(connection);
            JsonArrayBuilder audits = jakarta.json.Json.createArrayBuilder();
            StringBuilder human = new StringBuilder("drama " + id);
            for (AuditType t : types) {
                DramaAuditDetail d;
                try {
                    d = catalog.latestAudit(new LatestAuditQuery(DramaId.of(id), t));
                } catch (PlatformException e) {
                    // A type never audited is "resource does not exist"; with all types asked, the first
                    // submission always exists, so an unknown drama still fails there.
                    if (type == null && t != AuditType.FIRST_SUBMISSION && e.errorCode() == ErrorCode.RESOURCE_NOT_FOUND) {
                        human.append(String.format("%n  %-16s  none", t));
                        continue;
                    }
                    throw e;
                }
                audits.add(Output.object().add("audit_type", t.code()).add("audit_detail", Output.wire(WireJson.toJson(d))));
                human.append(String.format("%n  %-16s  %s  submitted %s  audited %s", t, d.status(), d.createTime(),
                        d.auditTime().getEpochSecond() == 0 ? "-" : d.auditTime().toString()));
            }
            new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json).result(
                    Output.object().add("drama_id", id).add("audits", audits).build(), human.toString());
            return ExitCodes.OK;
        }
    }
}
