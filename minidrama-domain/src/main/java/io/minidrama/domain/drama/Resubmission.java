package io.minidrama.domain.drama;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.NullSetters;
import io.minidrama.domain.internal.Violations;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A resubmission of a drama sent back for changes (status 4; ): the drama id and only the
 * fields that change. A drama rejected with status 2 cannot be resubmitted: it needs a new first submission.
 * Rejected episodes are swapped through {@link #replacements()}.
 *
 * <p>What can only be checked against the drama itself (its status, its episode count, which
 * episodes belong to it) is checked by {@link Drama#checkResubmission(Resubmission)}.
 */
public final class Resubmission implements DramaSubmission {
    private final DramaId dramaId;
    private final String name;
    private final Integer mediaCount;
    private final List<MediaId> mediaIds;
    private final String producer;
    private final String description;
    private final MaterialId coverMaterialId;
    private final Qualification qualification;
    private final MaterialId authorizedMaterialId;
    private final List<MediaReplacement> replacements;

    private Resubmission(Builder b) {
        Violations v = Violations.start();
        v.check(b.dramaId != null, "drama_id", Rule.R18, null, "a resubmission names the drama_id of the first submission");
        if (b.name != null) {
            v.requireText(b.name, "name", Rule.R18);
        }
        v.checkShownText(b.name, "name", false);
        v.checkShownText(b.producer, "producer", false);
        v.checkShownText(b.description, "description", true);
        if (b.description != null) {
            v.check(b.description.length() <= FirstSubmission.MAX_DESCRIPTION, "description", Rule.S6_1,
                    b.description.length() + " characters", "the description is at most 200 characters");
        }
        if (b.mediaIds != null && v.requireEach(b.mediaIds, "media_id_list", Rule.R14)) {
            Set<MediaId> seen = new HashSet<>();
            for (int i = 0; i < b.mediaIds.size(); i++) {
                v.check(seen.add(b.mediaIds.get(i)), "media_id_list[" + i + "]", Rule.R14, b.mediaIds.get(i), "media ids must not repeat");
            }
            if (b.mediaCount != null) {
                v.check(b.mediaCount == b.mediaIds.size(), "media_count", Rule.R18, b.mediaCount,
                        "media_count must equal the number of media ids (" + b.mediaIds.size() + ")");
            }
        }
        Set<MediaId> olds = new HashSet<>();
        Set<MediaId> news = new HashSet<>();
        boolean replacementsPresent = v.requireEach(b.replacements, "replace_media_list", Rule.R18);
        for (int i = 0; replacementsPresent && i < b.replacements.size(); i++) {
            MediaReplacement r = b.replacements.get(i);
            v.check(olds.add(r.oldMedia()), "replace_media_list[" + i + "].old", Rule.R18, r.oldMedia(),
                    "an episode is replaced at most once per submission");
            v.check(news.add(r.newMedia()), "replace_media_list[" + i + "].new", Rule.R18, r.newMedia(),
                    "a new media replaces one episode only: the drama would list it twice");
        }
        b.nulls.reportTo(v);
        v.throwIfAny();
        this.dramaId = b.dramaId;
        this.name = b.name;
        this.mediaCount = b.mediaCount != null ? b.mediaCount : (b.mediaIds != null ? Integer.valueOf(b.mediaIds.size()) : null);
        this.mediaIds = b.mediaIds == null ? List.of() : List.copyOf(b.mediaIds);
        this.producer = b.producer;
        this.description = b.description;
        this.coverMaterialId = b.coverMaterialId;
        this.qualification = b.qualification;
        this.authorizedMaterialId = b.authorizedMaterialId;
        this.replacements = List.copyOf(b.replacements);
    }

    /** A new builder for drama {@code dramaId}. */
    public static Builder builder(DramaId dramaId) {
        return new Builder(dramaId);
    }

    /** The drama. */
    public DramaId dramaId() {
        return dramaId;
    }

    /** A new name, if changed. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** {@code media_count}, if sent; it must equal the first submission's. */
    public OptionalInt mediaCount() {
        return mediaCount == null ? OptionalInt.empty() : OptionalInt.of(mediaCount);
    }

    /** A full new media list, if sent (empty when not). */
    public List<MediaId> mediaIds() {
        return mediaIds;
    }

    /** A new producer, if changed. */
    public Optional<String> producer() {
        return Optional.ofNullable(producer);
    }

    /** A new description, if changed. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** A new cover, if changed. */
    public Optional<MaterialId> coverMaterialId() {
        return Optional.ofNullable(coverMaterialId);
    }

    /** A new qualification, if changed. */
    public Optional<Qualification> qualification() {
        return Optional.ofNullable(qualification);
    }

    /** A new authorisation letter, if changed. */
    public Optional<MaterialId> authorizedMaterialId() {
        return Optional.ofNullable(authorizedMaterialId);
    }

    /** Episodes to replace ({@code replace_media_list}). */
    public List<MediaReplacement> replacements() {
        return replacements;
    }

    @Override
    public String toString() {
        return "Resubmission[" + dramaId + ", " + replacements.size() + " replacements]";
    }

    /**
     * Builder of {@link Resubmission}. Every field but the drama id is optional. Not thread-safe.
     *
     * <p>A setter given {@code null} never throws: {@link #build()} reports it with every other
     * violation, a required value as missing, an optional one as
     * {@link io.minidrama.domain.error.RuleViolation#givenNull}.
     */
    public static final class Builder {
        private final DramaId dramaId;
        private String name;
        private Integer mediaCount;
        private List<MediaId> mediaIds;
        private String producer;
        private String description;
        private MaterialId coverMaterialId;
        private Qualification qualification;
        private MaterialId authorizedMaterialId;
        private List<MediaReplacement> replacements = List.of();
        private final NullSetters nulls = new NullSetters();

        private Builder(DramaId dramaId) {
            this.dramaId = dramaId;
        }

        /** Sets the name. */
        public Builder name(String name) {
            this.name = nulls.optional(name, "name");
            return this;
        }

        /** {@code media_count}: must equal the first submission's. */
        public Builder mediaCount(int mediaCount) {
            this.mediaCount = mediaCount;
            return this;
        }

        /** Sets the media IDs. */
        public Builder mediaIds(List<MediaId> mediaIds) {
            this.mediaIds = NullSetters.copy(nulls.optional(mediaIds, "media_id_list"));
            return this;
        }

        /** Sets the producer. */
        public Builder producer(String producer) {
            this.producer = nulls.optional(producer, "producer");
            return this;
        }

        /** Sets the description. */
        public Builder description(String description) {
            this.description = nulls.optional(description, "description");
            return this;
        }

        /** Sets the cover material ID. */
        public Builder coverMaterialId(MaterialId id) {
            this.coverMaterialId = nulls.optional(id, "cover_material_id");
            return this;
        }

        /** Sets the qualification. */
        public Builder qualification(Qualification qualification) {
            this.qualification = nulls.optional(qualification, "qualification");
            return this;
        }

        /** Sets the authorized material ID. */
        public Builder authorizedMaterialId(MaterialId id) {
            this.authorizedMaterialId = nulls.optional(id, "authorized_material_id");
            return this;
        }

        /** Episodes to replace (R-18: each old episode once). */
        public Builder replacements(List<MediaReplacement> replacements) {
            this.replacements = NullSetters.copy(nulls.optional(replacements, "replace_media_list", List.of()));
            return this;
        }

        /**
         * Builds the resubmission.
         *
         * @throws InvalidRequestException listing every broken rule
         */
        public Resubmission build() {
            return new Resubmission(this);
        }
    }
}
