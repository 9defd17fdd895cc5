package io.minidrama.cli;

import io.minidrama.protocol.WireJson;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.drama.Actor;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaType;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.drama.Resubmission;
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
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code minidrama drama submit|resubmit|list|get|replace|apply-replacement|modify|audit-history}. */
@Command(mixinStandardHelpOptions = true, name = "drama", description = "Dramas: submit for audit, resubmit one sent back for changes, list, get; keep an approved one alive: "
        + "replace episodes, change its information, read its audit history.",
        subcommands = {DramaCommand.Submit.class, DramaCommand.Resubmit.class, DramaUpkeepCommands.Replace.class,
                DramaUpkeepCommands.ApplyReplacement.class, DramaUpkeepCommands.Modify.class, DramaUpkeepCommands.AuditHistory.class})
final class DramaCommand {
    @Spec
    CommandSpec spec;

    private Output out(Connection c) {
        return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), c.json);
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "List dramas.")
    int list(@Mixin Connection connection, @Option(names = "--limit", defaultValue = "100") int limit,
             @Option(names = "--offset", defaultValue = "0") int offset) {
        List<Drama> dramas = MiniDrama.create(connection.open()).dramas().list(PageRequest.of(offset, limit));
        JsonArrayBuilder arr = jakarta.json.Json.createArrayBuilder();
        StringBuilder human = new StringBuilder(dramas.size() + " dramas");
        for (Drama d : dramas) {
            arr.add(Output.wire(WireJson.toJson(d)));
            human.append(String.format("%n  %d  %s  %d episodes  %s", d.id().value(), d.name(), d.mediaCount(), d.status()));
        }
        out(connection).result(Output.object().add("drama_info_list", arr).build(), human.toString());
        return ExitCodes.OK;
    }

    @Command(mixinStandardHelpOptions = true, name = "get", description = "Show one drama.")
    int get(@Mixin Connection connection, @Parameters(paramLabel = "ID") long id) {
        Drama d = MiniDrama.create(connection.open()).dramas().get(DramaId.of(id));
        out(connection).result(Output.object().add("drama_info", Output.wire(WireJson.toJson(d))).build(),
                d.id() + "  " + d.name() + "\n  " + d.mediaCount() + " episodes, producer " + d.producer() + "\n  audit " + d.status());
        return ExitCodes.OK;
    }

    /** {@code drama submit}: a first submission, older or current schema by the qualification given. */
    @Command(mixinStandardHelpOptions = true, name = "submit", description = "Submit a drama for its first audit. The qualification options choose the schema: "
            + "--registration-number or --publish-license (older), --qualification-type 1|2 (current). "
            + "--dry-run without --media-ids checks the paperwork before the episodes are uploaded.")
    static final class Submit implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--media-ids", split = ",", description = "Episode media ids in order (required, except with --dry-run)") List<Long> mediaIds;
        @Option(names = "--dry-run", description = "Check every rule and send nothing; without --media-ids, check the paperwork alone, "
                + "before the episodes are uploaded") boolean dryRun;
        @Option(names = "--producer", required = true) String producer;
        @Option(names = "--description", required = true) String description;
        @Option(names = "--cover-material", required = true, description = "Cover image material id") String cover;
        @Option(names = "--registration-number", description = "备案号 (older schema), or with --qualification-type 1 the licence number") String registrationNumber;
        @Option(names = "--publish-license", description = "网络剧片发行许可证编号 (older schema)") String publishLicense;
        @Option(names = "--publish-license-material") String publishLicenseMaterial;
        @Option(names = "--qualification-type", description = "Current schema: 1 licensed, 2 low cost") Integer qualificationType;
        @Option(names = "--certificate-material", description = "Type 1: qualification_certificate_material_id") String certificateMaterial;
        @Option(names = "--cost", description = "Type 2: cost_of_production in ¥10,000 (1..99: a cost under ¥1,000,000, the threshold from 2026-01-14)") Integer cost;
        @Option(names = "--commitment-letter", description = "Type 2: cost_commitment_letter_material_id") String commitmentLetter;
        @Option(names = "--authorized-material", description = "Authorization letter material id") String authorizedMaterial;
        @Option(names = "--producer-is-entity", description = "The mini program's entity is the producer (no authorization letter)") boolean producerIsEntity;
        @Option(names = "--expedited", description = "Expedite the audit (5 a day)") boolean expedited;
        @Option(names = "--drama-type", description = "Current schema: animated, live-action or digital-human") String dramaType;
        @Option(names = "--actor", description = "Current schema, live action: 'name|photo_material_id|role|profile' (2..5 times)") List<String> actors;
        @Option(names = "--copyright-role", description = "Current schema: 1 producer, 2 licensee") Integer copyrightRole;
        @Option(names = "--apply-copyright-protection") boolean applyProtection;
        @Option(names = "--copyright-verification", description = "1 proof materials, 2 authorization relation") Integer verification;
        @Option(names = "--proof", split = ",", description = "proof_of_production material ids (up to 10)") List<String> proofs;
        @Option(names = "--authorization-certificate", split = ",") List<String> certificates;
        @Option(names = "--recommendations") String recommendations;
        @Option(names = "--ai-content", description = "Declare AI-generated content") boolean aiContent;
        @Option(names = "--ai-ownership-proof", paramLabel = "MATERIAL_ID",
                description = "ai_software_ownership_proof material id (announced for 2026-07-28; optional)") String aiOwnershipProof;
        @Option(names = "--publication-proof", split = ",", paramLabel = "MATERIAL_ID",
                description = "other_platform_publication_proof material ids, at most 4 (announced for 2026-07-28; optional)") List<String> publicationProofs;

        @Override
        public Integer call() {
            FirstSubmission.Builder b = FirstSubmission.builder().name(name)
                    .mediaIds(mediaIds == null ? null : mediaIds.stream().map(MediaId::of).toList())
                    .producer(producer).description(description).coverMaterialId(MaterialId.of(cover))
                    .qualification(qualification()).expedited(expedited).containsAiContent(aiContent);
            if (authorizedMaterial != null) {
                b.authorizedMaterialId(MaterialId.of(authorizedMaterial));
            }
            if (producerIsEntity) {
                b.producerIsMiniProgramEntity();
            }
            if (recommendations != null) {
                b.recommendations(recommendations);
            }
            if (aiOwnershipProof != null) {
                b.aiSoftwareOwnershipProof(MaterialId.of(aiOwnershipProof));
            }
            if (publicationProofs != null) {
                b.otherPlatformPublicationProof(ids(publicationProofs));
            }
            if (dramaType != null) {
                b.dramaType(DramaType.valueOf(dramaType.toUpperCase(Locale.ROOT).replace('-', '_')));
            }
            if (actors != null) {
                List<Actor> list = new ArrayList<>();
                for (String a : actors) {
                    String[] f = a.split("\\|", -1);
                    if (f.length != 4) {
                        throw InvalidRequestException.of("actor_list.actor", Rule.S6_1, a, "an actor is 'name|photo_material_id|role|profile'");
                    }
                    list.add(new Actor(f[0], MaterialId.of(f[1]), f[2], f[3]));
                }
                b.actors(list);
            }
            if (copyrightRole != null) {
                Copyright.Role role = copyrightRole == 1 ? Copyright.Role.PRODUCER : Copyright.Role.LICENSEE;
                b.copyright(applyProtection
                        ? Copyright.withProtection(role, verification != null && verification == 2 ? Copyright.Verification.AUTHORIZATION_RELATION
                                : Copyright.Verification.PROOF_MATERIALS, ids(proofs), ids(certificates))
                        : Copyright.withoutProtection(role));
            }
            Output out = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json);
            if (dryRun) {
                boolean paperworkOnly = mediaIds == null;
                if (paperworkOnly) {
                    b.buildDraft();
                } else {
                    b.build();
                }
                out.result(Output.object().add("valid", true).add("checked", paperworkOnly ? "paperwork" : "submission").build(),
                        (paperworkOnly ? "the paperwork of " + name + " passes every rule that does not depend on the episodes"
                                : "the submission of " + name + " passes every rule") + "; nothing was sent");
                return ExitCodes.OK;
            }
            FirstSubmission submission = b.build();
            DramaId id = MiniDrama.create(connection.open()).dramas().submit(submission);
            out.result(Output.object().add("drama_id", id.value()).build(), "submitted " + name + " for audit: drama_id " + id);
            return ExitCodes.OK;
        }

        private static List<MaterialId> ids(List<String> values) {
            return values == null ? List.of() : values.stream().map(MaterialId::of).toList();
        }

        private Qualification qualification() {
            if (qualificationType != null) {
                return switch (qualificationType) {
                    case 1 -> new Qualification.Licensed(registrationNumber, certificateMaterial == null ? null : MaterialId.of(certificateMaterial));
                    case 2 -> new Qualification.LowCost(cost == null ? 0 : cost, commitmentLetter == null ? null : MaterialId.of(commitmentLetter));
                    default -> throw InvalidRequestException.of("qualification_type", Rule.S6_1, qualificationType, "qualification_type is 1 or 2");
                };
            }
            if (registrationNumber != null && publishLicense != null) {
                throw InvalidRequestException.of("registration_number", Rule.R15, registrationNumber,
                        "give exactly one of --registration-number or --publish-license");
            }
            if (publishLicense != null) {
                return new Qualification.PublishLicense(publishLicense, publishLicenseMaterial == null ? null : MaterialId.of(publishLicenseMaterial));
            }
            if (registrationNumber != null) {
                return new Qualification.RegistrationNumber(registrationNumber);
            }
            throw InvalidRequestException.of("qualification", Rule.R15, null,
                    "give --registration-number, --publish-license, or --qualification-type 1|2");
        }
    }

    /** {@code drama resubmit ID}: a drama sent back for changes (status 4), with the changes. */
    @Command(mixinStandardHelpOptions = true, name = "resubmit", description = {
            "Resubmit a drama sent back for changes (audit status 4) with the changes.",
            "A drama rejected with status 2 is final and cannot be resubmitted (exit 2, R-19): submit it anew with `drama submit`."})
    static final class Resubmit implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Parameters(paramLabel = "ID") long id;
        @Option(names = "--name") String name;
        @Option(names = "--description") String description;
        @Option(names = "--producer") String producer;
        @Option(names = "--cover-material") String cover;
        @Option(names = "--authorized-material") String authorizedMaterial;
        @Option(names = "--replace", description = "OLD_MEDIA_ID:NEW_MEDIA_ID (repeatable)") List<String> replacements;

        @Override
        public Integer call() {
            Resubmission.Builder b = Resubmission.builder(DramaId.of(id));
            if (name != null) {
                b.name(name);
            }
            if (description != null) {
                b.description(description);
            }
            if (producer != null) {
                b.producer(producer);
            }
            if (cover != null) {
                b.coverMaterialId(MaterialId.of(cover));
            }
            if (authorizedMaterial != null) {
                b.authorizedMaterialId(MaterialId.of(authorizedMaterial));
            }
            if (replacements != null) {
                List<MediaReplacement> list = new ArrayList<>();
                for (String r : replacements) {
                    String[] f = r.split(":");
                    if (f.length != 2) {
                        throw InvalidRequestException.of("replace_media_list", Rule.R18, r, "a replacement is OLD_MEDIA_ID:NEW_MEDIA_ID");
                    }
                    list.add(new MediaReplacement(MediaId.of(Long.parseLong(f[0].strip())), MediaId.of(Long.parseLong(f[1].strip()))));
                }
                b.replacements(list);
            }
            Resubmission resubmission = b.build();
            Output out = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json);
            DramaId result = MiniDrama.create(connection.open()).dramas().resubmit(resubmission);
            out.result(Output.object().add("drama_id", result.value()).build(), "resubmitted drama " + result + " for audit");
            return ExitCodes.OK;
        }
    }
}
