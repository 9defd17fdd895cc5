package io.minidrama.domain.drama;

import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The first {@code auditdrama} submission of a drama (no {@code drama_id}).
 *
 * <p>The {@link Qualification} chosen decides the schema and so the rules applied:
 * <ul>
 *   <li>older schema ({@link Qualification.RegistrationNumber} or
 *       {@link Qualification.PublishLicence}); the current schema's
 *       fields (drama type, actors, copyright) must be absent;</li>
 *   <li>current schema ({@link Qualification.Licensed} or {@link Qualification.LowCost}): R-14,
 *       R-17 and §6.1: description ≤ 200, recommendations ≤ 30, a drama type, actors exactly for
 *       live action (2..5), a copyright object, and an {@code authorized_material_id} unless
 *       applying for copyright protection.</li>
 * </ul>
 * {@code media_count} is the number of media ids, which are distinct.
 */
public final class FirstSubmission implements DramaSubmission {
    /** §6.1: longest description. */
    public static final int MAX_DESCRIPTION = 200;
    /** §6.1: longest recommendation. */
    public static final int MAX_RECOMMENDATIONS = 30;

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

    private FirstSubmission(Builder b) {
        Violations v = Violations.start();
        v.requireText(b.name, "name", Rule.R14);
        v.checkShownText(b.name, "name", false);
        v.checkShownText(b.producer, "producer", false);
        v.checkShownText(b.description, "description", true);
        v.checkShownText(b.recommendations, "recommendations", true);
        if (v.check(b.mediaIds != null && !b.mediaIds.isEmpty(), "media_id_list", Rule.R14, b.mediaIds,
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
        if (v.check(b.qualification != null, "qualification", Rule.R15, null,
                "choose one qualification: registration number or publish licence (older schema), or qualification_type 1 or 2 (current schema)")) {
            if (b.qualification.currentSchema()) {
                checkCurrentSchema(v, b);
            } else {
                checkOlderSchema(v, b);
            }
        }
        v.throwIfAny();
        this.name = b.name;
        this.mediaIds = List.copyOf(b.mediaIds);
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

    @Override
    public String toString() {
        return "FirstSubmission[" + name + ", " + mediaIds.size() + " episodes, " + qualification.getClass().getSimpleName()
                + (expedited ? ", expedited" : "") + "]";
    }

    /** Builder of {@link FirstSubmission}. */
    public static final class Builder {
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

        private Builder() {
        }

        /** The drama's name (required). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The episodes in order (required, distinct). */
        public Builder mediaIds(List<MediaId> mediaIds) {
            this.mediaIds = List.copyOf(mediaIds);
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
            this.authorizedMaterialId = Objects.requireNonNull(authorizedMaterialId, "authorizedMaterialId");
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
            this.recommendations = Objects.requireNonNull(recommendations, "recommendations");
            return this;
        }

        /** A promotion poster material. */
        public Builder promotionPosterMaterialId(MaterialId id) {
            this.promotionPosterMaterialId = Objects.requireNonNull(id, "id");
            return this;
        }

        /** The drama type (current schema, required there). */
        public Builder dramaType(DramaType dramaType) {
            this.dramaType = Objects.requireNonNull(dramaType, "dramaType");
            return this;
        }

        /** The actors: 2..5 for live action, none otherwise (current schema). */
        public Builder actors(List<Actor> actors) {
            this.actors = List.copyOf(actors);
            return this;
        }

        /** The copyright object (current schema, required there). */
        public Builder copyright(Copyright copyright) {
            this.copyright = Objects.requireNonNull(copyright, "copyright");
            return this;
        }

        /** Declares AI-generated content ({@code content_declared} = 1). */
        public Builder containsAiContent(boolean contains) {
            this.containsAiContent = contains;
            return this;
        }

        /** Other supporting material. */
        public Builder otherMaterialId(MaterialId id) {
            this.otherMaterialId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Builds the submission.
         *
         * @throws InvalidRequestException listing every broken rule
         */
        public FirstSubmission build() {
            return new FirstSubmission(this);
        }
    }
}
