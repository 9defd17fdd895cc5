package io.minidrama.domain.drama;

import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.NullSetters;
import io.minidrama.domain.internal.Violations;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first {@code auditdrama} submission of a drama (no {@code drama_id}).
 *
 * <p>The {@link Qualification} chosen decides the schema and so the rules applied:
 * <ul>
 *   <li>older schema ({@link Qualification.RegistrationNumber} or
 *       {@link Qualification.PublishLicense}); the current schema's
 *       fields (drama type, actors, copyright) must be absent;</li>
 *   <li>current schema ({@link Qualification.Licensed} or {@link Qualification.LowCost}): R-14,
 *       R-17 and §6.1: description ≤ 200, recommendations ≤ 30, a drama type, actors exactly for
 *       live action (2..5), a copyright object, and an {@code authorized_material_id} unless
 *       applying for copyright protection.</li>
 * </ul>
 * The fields announced for 2026-07-28 ({@code ai_software_ownership_proof},
 * {@code other_platform_publication_proof}, API.md §9.7) are optional in either schema; only
 * their caps are checked, not the rules announced with them (such as an ownership proof required
 * with {@code content_declared} = 1), which no official page states yet.
 * {@code media_count} is the number of media ids, which are distinct.
 *
 * <p>The paperwork can be checked before the episodes exist: {@link Builder#buildDraft()} checks
 * every rule but those on the media ids, and {@link Draft#withMedia} completes the submission once
 * the season is uploaded.
 */
public final class FirstSubmission implements DramaSubmission {
    /** §6.1: longest description. */
    public static final int MAX_DESCRIPTION = 200;
    /** §6.1: longest recommendation. */
    public static final int MAX_RECOMMENDATIONS = 30;
    /** API.md §9.7: most {@code other_platform_publication_proof} material ids. */
    public static final int MAX_OTHER_PLATFORM_PUBLICATION_PROOFS = 4;

    private final String name;
    private final List<MediaId> mediaIds;
    private final String producer;
    private final String description;
    private final MaterialId coverMaterialId;
    private final Qualification qualification;
    private final MaterialId authorizedMaterialId;
    private final boolean expedited;
    private final String recommendations;
    private final MaterialId promotionPosterMaterialId;
    private final DramaType dramaType;
    private final List<Actor> actors;
    private final Copyright copyright;
    private final boolean containsAiContent;
    private final MaterialId otherMaterialId;
    private final MaterialId aiSoftwareOwnershipProof;
    private final List<MaterialId> otherPlatformPublicationProof;

    /** Checks every rule, or with {@code withMedia} false all but those on the media ids and their count (a {@link Draft}). */
    private FirstSubmission(Builder b, boolean withMedia) {
        Violations v = Violations.start();
        v.requireText(b.name, "name", Rule.R14);
        v.checkShownText(b.name, "name", false);
        v.checkShownText(b.producer, "producer", false);
        v.checkShownText(b.description, "description", true);
        v.checkShownText(b.recommendations, "recommendations", true);
        if (withMedia && v.check(b.mediaIds != null && !b.mediaIds.isEmpty(), "media_id_list", Rule.R14, b.mediaIds,
                "media_id_list is required: the episodes' media ids in episode order")) {
            Set<MediaId> seen = new HashSet<>();
            for (int i = 0; i < b.mediaIds.size(); i++) {
                MediaId id = b.mediaIds.get(i);
                if (v.require(id, "media_id_list[" + i + "]", Rule.R14)) {
                    v.check(seen.add(id), "media_id_list[" + i + "]", Rule.R14, id, "media ids must not repeat");
                }
            }
            if (b.mediaCount != null) {
                v.check(b.mediaCount == b.mediaIds.size(), "media_count", Rule.R14, b.mediaCount,
                        "media_count must equal the number of media ids (" + b.mediaIds.size() + ")");
            }
        }
        v.requireText(b.producer, "producer", Rule.R14);
        if (v.requireText(b.description, "description", Rule.R14)) {
            v.check(b.description.length() <= MAX_DESCRIPTION, "description", Rule.S6_1, b.description.length() + " characters",
                    "the description is at most 200 characters");
        }
        v.require(b.coverMaterialId, "cover_material_id", Rule.R14);
        if (b.recommendations != null) {
            v.check(b.recommendations.length() <= MAX_RECOMMENDATIONS, "recommendations", Rule.S6_1, b.recommendations,
                    "recommendations are at most 30 characters");
        }
        if (b.otherPlatformPublicationProof != null) {
            for (int i = 0; i < b.otherPlatformPublicationProof.size(); i++) {
                v.require(b.otherPlatformPublicationProof.get(i), "other_platform_publication_proof[" + i + "]", Rule.S6_1);
            }
            v.check(b.otherPlatformPublicationProof.size() <= MAX_OTHER_PLATFORM_PUBLICATION_PROOFS, "other_platform_publication_proof", Rule.S6_1,
                    b.otherPlatformPublicationProof.size() + " ids", "at most " + MAX_OTHER_PLATFORM_PUBLICATION_PROOFS
                            + " other_platform_publication_proof material ids");
        }
        v.requireEach(b.actors, "actor_list", Rule.S6_1);
        if (v.check(b.qualification != null, "qualification", Rule.R15, null,
                "choose one qualification: registration number or publish licence (older schema), or qualification_type 1 or 2 (current schema)")) {
            if (b.qualification.currentSchema()) {
                checkCurrentSchema(v, b);
            } else {
                checkOlderSchema(v, b);
            }
        }
        b.nulls.reportTo(v);
        v.throwIfAny();
        this.name = b.name;
        this.mediaIds = withMedia ? List.copyOf(b.mediaIds) : List.of();
        this.producer = b.producer;
        this.description = b.description;
        this.coverMaterialId = b.coverMaterialId;
        this.qualification = b.qualification;
        this.authorizedMaterialId = b.authorizedMaterialId;
        this.expedited = b.expedited;
        this.recommendations = b.recommendations == null ? "" : b.recommendations;
        this.promotionPosterMaterialId = b.promotionPosterMaterialId;
        this.dramaType = b.dramaType;
        this.actors = List.copyOf(b.actors);
        this.copyright = b.copyright;
        this.containsAiContent = b.containsAiContent;
        this.otherMaterialId = b.otherMaterialId;
        this.aiSoftwareOwnershipProof = b.aiSoftwareOwnershipProof;
        this.otherPlatformPublicationProof = b.otherPlatformPublicationProof == null ? List.of() : List.copyOf(b.otherPlatformPublicationProof);
    }

    private static void checkOlderSchema(Violations v, Builder b) {
        v.check(b.authorizedMaterialId != null || b.producerIsEntity, "authorized_material_id", Rule.R16, null,
                "authorized_material_id is required unless the mini program's entity is the producer (say so with producerIsMiniProgramEntity())");
        v.check(b.dramaType == null, "drama_type", Rule.R15, b.dramaType,
                "drama_type belongs to the current schema: use Qualification.Licensed or LowCost");
        v.check(b.actors.isEmpty(), "actor_list", Rule.R15, b.actors.size() + " actors",
                "actor_list belongs to the current schema: use Qualification.Licensed or LowCost");
        v.check(b.copyright == null, "copyright", Rule.R15, b.copyright,
                "copyright belongs to the current schema: use Qualification.Licensed or LowCost");
    }

    private static void checkCurrentSchema(Violations v, Builder b) {
        if (v.require(b.dramaType, "drama_type", Rule.S6_1)) {
            if (b.dramaType.requiresActors()) {
                v.check(b.actors.size() >= 2 && b.actors.size() <= 5, "actor_list", Rule.S6_1, b.actors.size() + " actors",
                        "a live-action drama lists 2..5 actors");
            } else {
                v.check(b.actors.isEmpty(), "actor_list", Rule.S6_1, b.actors.size() + " actors",
                        "actor_list must be absent for animated and digital-human dramas");
            }
        }
        if (v.require(b.copyright, "copyright", Rule.S6_1)) {
            v.check(b.copyright.applyForProtection() || b.authorizedMaterialId != null, "authorized_material_id", Rule.R16, null,
                    "authorized_material_id is required when not applying for copyright protection");
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The drama's name. */
    public String name() {
        return name;
    }

    /** The episodes in order; {@code media_count} is their number. */
    public List<MediaId> mediaIds() {
        return mediaIds;
    }

    /** {@code media_count}. */
    public int mediaCount() {
        return mediaIds.size();
    }

    /** The producer. */
    public String producer() {
        return producer;
    }

    /** The description. */
    public String description() {
        return description;
    }

    /** The cover image. */
    public MaterialId coverMaterialId() {
        return coverMaterialId;
    }

    /** The qualification, which selects the schema. */
    public Qualification qualification() {
        return qualification;
    }

    /** Whether this submission uses the current schema (§6.1). */
    public boolean currentSchema() {
        return qualification.currentSchema();
    }

    /** The authorisation letter, when sent. */
    public Optional<MaterialId> authorizedMaterialId() {
        return Optional.ofNullable(authorizedMaterialId);
    }

    /** Whether the audit is expedited (consumes one of the 5 daily expedites, R-17). */
    public boolean expedited() {
        return expedited;
    }

    /** The recommendation line (empty when not sent). */
    public String recommendations() {
        return recommendations;
    }

    /** The promotion poster, when sent. */
    public Optional<MaterialId> promotionPosterMaterialId() {
        return Optional.ofNullable(promotionPosterMaterialId);
    }

    /** The drama type (current schema). */
    public Optional<DramaType> dramaType() {
        return Optional.ofNullable(dramaType);
    }

    /** The actors (live action, current schema). */
    public List<Actor> actors() {
        return actors;
    }

    /** The copyright object (current schema). */
    public Optional<Copyright> copyright() {
        return Optional.ofNullable(copyright);
    }

    /** Whether {@code content_declared} = 1 (AI-generated content) is sent. */
    public boolean containsAiContent() {
        return containsAiContent;
    }

    /** Other material, when sent. */
    public Optional<MaterialId> otherMaterialId() {
        return Optional.ofNullable(otherMaterialId);
    }

    /** The proof of ownership of the AI software used ({@code ai_software_ownership_proof}), when sent. */
    public Optional<MaterialId> aiSoftwareOwnershipProof() {
        return Optional.ofNullable(aiSoftwareOwnershipProof);
    }

    /** Proofs of publication on other platforms ({@code other_platform_publication_proof}, 0..4; empty when not sent). */
    public List<MaterialId> otherPlatformPublicationProof() {
        return otherPlatformPublicationProof;
    }

    @Override
    public String toString() {
        return "FirstSubmission[" + name + ", " + mediaIds.size() + " episodes, " + qualification.getClass().getSimpleName()
                + (expedited ? ", expedited" : "") + "]";
    }

    /**
     * Builder of {@link FirstSubmission}. Not thread-safe.
     *
     * <p>A setter given {@code null} never throws: {@link #build()} reports it with every other
     * violation, a required value as missing, an optional one as
     * {@link io.minidrama.domain.error.RuleViolation#givenNull}.
     */
    public static final class Builder implements Cloneable {
        private String name;
        private List<MediaId> mediaIds;
        private Integer mediaCount;
        private String producer;
        private String description;
        private MaterialId coverMaterialId;
        private Qualification qualification;
        private MaterialId authorizedMaterialId;
        private boolean producerIsEntity;
        private boolean expedited;
        private String recommendations;
        private MaterialId promotionPosterMaterialId;
        private DramaType dramaType;
        private List<Actor> actors = List.of();
        private Copyright copyright;
        private boolean containsAiContent;
        private MaterialId otherMaterialId;
        private MaterialId aiSoftwareOwnershipProof;
        private List<MaterialId> otherPlatformPublicationProof;
        private NullSetters nulls = new NullSetters();

        private Builder() {
        }

        /** A snapshot: field by field, so a field added later is carried too; every field is immutable but {@code nulls}. */
        private Builder copy() {
            try {
                Builder c = (Builder) super.clone();
                c.nulls = nulls.copy();
                return c;
            } catch (CloneNotSupportedException e) {
                throw new AssertionError("Builder is Cloneable", e);
            }
        }

        /** The drama's name (required). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The episodes in order (required, distinct). */
        public Builder mediaIds(List<MediaId> mediaIds) {
            this.mediaIds = NullSetters.copy(mediaIds);
            return this;
        }

        /** Optionally state {@code media_count}, checked against the number of media ids. */
        public Builder mediaCount(int mediaCount) {
            this.mediaCount = mediaCount;
            return this;
        }

        /** The producer (required). */
        public Builder producer(String producer) {
            this.producer = producer;
            return this;
        }

        /** The description, at most 200 characters (required). */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** The cover image material (required). */
        public Builder coverMaterialId(MaterialId coverMaterialId) {
            this.coverMaterialId = coverMaterialId;
            return this;
        }

        /** The qualification; selects the schema (required). */
        public Builder qualification(Qualification qualification) {
            this.qualification = qualification;
            return this;
        }

        /** The authorisation letter. */
        public Builder authorizedMaterialId(MaterialId authorizedMaterialId) {
            this.authorizedMaterialId = nulls.optional(authorizedMaterialId, "authorized_material_id");
            return this;
        }

        /** States that the mini program's entity name equals the producer, so no authorisation letter is needed (R-16, older schema). */
        public Builder producerIsMiniProgramEntity() {
            this.producerIsEntity = true;
            return this;
        }

        /** Expedite the audit (R-17: at most 5 a day). */
        public Builder expedited(boolean expedited) {
            this.expedited = expedited;
            return this;
        }

        /** A recommendation line, at most 30 characters. */
        public Builder recommendations(String recommendations) {
            this.recommendations = nulls.optional(recommendations, "recommendations");
            return this;
        }

        /** A promotion poster material. */
        public Builder promotionPosterMaterialId(MaterialId id) {
            this.promotionPosterMaterialId = nulls.optional(id, "promotion_poster_material_id");
            return this;
        }

        /** The drama type (current schema, required there). */
        public Builder dramaType(DramaType dramaType) {
            this.dramaType = nulls.optional(dramaType, "drama_type");
            return this;
        }

        /** The actors: 2..5 for live action, none otherwise (current schema). */
        public Builder actors(List<Actor> actors) {
            this.actors = NullSetters.copy(nulls.optional(actors, "actor_list", List.of()));
            return this;
        }

        /** The copyright object (current schema, required there). */
        public Builder copyright(Copyright copyright) {
            this.copyright = nulls.optional(copyright, "copyright");
            return this;
        }

        /** Declares AI-generated content ({@code content_declared} = 1). */
        public Builder containsAiContent(boolean contains) {
            this.containsAiContent = contains;
            return this;
        }

        /** Other supporting material. */
        public Builder otherMaterialId(MaterialId id) {
            this.otherMaterialId = nulls.optional(id, "other_material_material_id");
            return this;
        }

        /**
         * Proof of ownership of the AI software used ({@code ai_software_ownership_proof}, a
         * temporary material id; API.md §9.7). Optional: announced as required with AI-generated
         * content from 2026-07-28, which is not enforced until an official page says so. A
         * {@code null} is reported at {@link #build()}.
         */
        public Builder aiSoftwareOwnershipProof(MaterialId id) {
            this.aiSoftwareOwnershipProof = nulls.optional(id, "ai_software_ownership_proof");
            return this;
        }

        /**
         * Proofs of publication on other platforms ({@code other_platform_publication_proof}, at
         * most 4 temporary material ids; API.md §9.7). Optional; a {@code null} list or element is
         * reported at {@link #build()}.
         */
        public Builder otherPlatformPublicationProof(List<MaterialId> ids) {
            List<MaterialId> given = nulls.optional(ids, "other_platform_publication_proof");
            this.otherPlatformPublicationProof = given == null ? null : NullSetters.copy(given);
            return this;
        }

        /**
         * Builds the submission.
         *
         * @throws InvalidRequestException listing every broken rule
         */
        public FirstSubmission build() {
            return new FirstSubmission(this, true);
        }

        /**
         * Checks the paperwork alone, before the episodes exist: every rule but those on the media
         * ids and their count (see {@link Draft}). The draft is a snapshot: later calls on this
         * builder do not change it.
         *
         * @throws InvalidRequestException listing every broken rule
         */
        public Draft buildDraft() {
            return new Draft(copy());
        }
    }

    /**
     * A first submission's paperwork without its episodes, checked when built
     * ({@link Builder#buildDraft()}) against every rule that does not depend on the media: the
     * required fields of R-14 (name, producer, description, cover), R-15, R-16, R-17 and §6.1.
     * A service that uploads a season for an hour learns first that its submission will be
     * accepted; {@link #withMedia} then completes it with the uploaded episodes and checks the
     * rest of R-14 (ids present, distinct, equal to {@code media_count} if one was stated).
     *
     * <p>Immutable and thread-safe; one draft can complete any number of submissions.
     */
    public static final class Draft {
        private final Builder paperwork;

        private Draft(Builder paperwork) {
            new FirstSubmission(paperwork, false); // throws for broken paperwork; the media-less instance is never handed out
            this.paperwork = paperwork;
        }

        /**
         * The submission of this paperwork with these episodes, in order (replacing any media ids
         * the builder had).
         *
         * @throws InvalidRequestException when the ids are missing, empty, contain
         *         {@code null} or repeat, or differ from a stated {@code media_count}
         */
        public FirstSubmission withMedia(List<MediaId> mediaIds) {
            return paperwork.copy().mediaIds(mediaIds).build();
        }

        /** The drama's name. */
        public String name() {
            return paperwork.name;
        }

        @Override
        public String toString() {
            return "FirstSubmission.Draft[" + paperwork.name + ", " + paperwork.qualification.getClass().getSimpleName()
                    + (paperwork.expedited ? ", expedited" : "") + "]";
        }
    }
}
